/** Typed failures of the Vitec client. Requests without any answer use platform's NetworkError. */
import type { FieldError } from '../types';
import type { AssumedErrorKind } from './assumedApi';

/** Vitec answered with an error status. `verbatim` is its own text (password scrubbed), for display. */
export class VitecApiError extends Error {
  constructor(
    readonly kind: AssumedErrorKind,
    readonly httpStatus: number,
    /** The `error` code of the body, when the body had one. */
    readonly vendorCode: string | undefined,
    readonly verbatim: string,
  ) {
    super(`Vitec HTTP ${httpStatus} (${kind}): ${verbatim}`);
    this.name = 'VitecApiError';
  }
}

export type ParseProblem = 'not-json' | 'shape';

/** A success status with a body that is not what the (assumed) API returns: a proxy page, another server. */
export class VitecParseError extends Error {
  constructor(
    readonly problem: ParseProblem,
    readonly detail: string,
    readonly httpStatus: number,
  ) {
    super(`not a Vitec Ekonomi response (${problem}): ${detail}`);
    this.name = 'VitecParseError';
  }
}

/** The handoff was asked to build a config from fields that do not validate (a caller bug). */
export class VitecConfigError extends Error {
  readonly code = 'E_VITEC_INVALID_FIELDS';

  constructor(readonly fieldErrors: ReadonlyArray<FieldError>) {
    super(`Vitec fields do not validate: ${fieldErrors.map((error) => error.field).join(', ')}`);
    this.name = 'VitecConfigError';
  }
}
