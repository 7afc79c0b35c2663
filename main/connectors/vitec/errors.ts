/** Typed failures of the Vitec client, on the connectors' shared kit (../shared/errors.ts). Requests without any answer use platform's NetworkError. */
import { VendorApiError, VendorParseError } from '../shared/errors';
import type { AssumedErrorKind } from './assumedApi';

/** Vitec answered with an error status. `verbatim` is its own text (password scrubbed), for display. */
export class VitecApiError extends VendorApiError {
  constructor(
    readonly kind: AssumedErrorKind,
    httpStatus: number,
    /** The `error` code of the body, when the body had one. */
    readonly vendorCode: string | undefined,
    verbatim: string,
  ) {
    super('vitec', httpStatus, verbatim, `Vitec HTTP ${httpStatus} (${kind}): ${verbatim}`);
    this.name = 'VitecApiError';
  }
}

export type ParseProblem = 'not-json' | 'shape';

/** A success status with a body that is not what the (assumed) API returns: a proxy page, another server. */
export class VitecParseError extends VendorParseError<ParseProblem> {
  /** Always known: the client reads Vitec's bodies only after an answer arrived. */
  declare readonly httpStatus: number;

  constructor(problem: ParseProblem, detail: string, httpStatus: number) {
    super('vitec', problem, detail, httpStatus, 'Vitec Ekonomi');
    this.name = 'VitecParseError';
  }
}

