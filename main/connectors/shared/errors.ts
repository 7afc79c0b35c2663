/**
 * The connectors' failure kit: every vendor failure is one of two typed errors that carry a stable code,
 * whichever system raised it (a request without any answer is platform's NetworkError). A connector
 * subclasses them to add what its vendor says (Netvisor's error category, Procountor's error list, Vitec's
 * kind); Diagnose and the support bundle can treat any of them alike. None ever carries a credential:
 * messages hold only what the vendor said and the HTTP status.
 */
import type { SystemId } from '../types';

/** The vendor answered with an error. `verbatim` is its own words, as shown and exported (secrets scrubbed). */
export class VendorApiError extends Error {
  readonly code = 'E_VENDOR_API';

  constructor(
    readonly system: SystemId,
    readonly httpStatus: number,
    readonly verbatim: string,
    message: string,
  ) {
    super(message);
    this.name = 'VendorApiError';
  }
}

/** A body that is not what the vendor sends: a proxy's page, a truncated answer, another server. */
export class VendorParseError<Problem extends string = string> extends Error {
  readonly code = 'E_VENDOR_PARSE';

  constructor(
    readonly system: SystemId,
    readonly problem: Problem,
    readonly detail: string,
    readonly httpStatus: number | undefined,
    vendorName: string,
  ) {
    super(`not a ${vendorName} response (${problem}): ${detail}`);
    this.name = 'VendorParseError';
  }
}

/** `only` named something that is neither a check nor a row of one (a caller bug, reported as such). */
export class UnknownCheckError extends Error {
  readonly code = 'E_UNKNOWN_CHECK';

  constructor(
    readonly system: SystemId,
    /** The `only` entry that named nothing, e.g. `rights:nosuch.nv`. */
    readonly entry: string,
  ) {
    super(`unknown ${system} check or row: ${entry}`);
    this.name = 'UnknownCheckError';
  }
}

/** The hand-off was asked to build a config from fields that do not validate (a caller bug). */
export class ConnectorConfigError extends Error {
  readonly code = 'E_CONNECTOR_INVALID_FIELDS';

  constructor(
    readonly system: SystemId,
    readonly fieldErrors: ReadonlyArray<import('../types').FieldError>,
  ) {
    super(`${system} fields do not validate: ${fieldErrors.map((error) => error.field).join(', ')}`);
    this.name = 'ConnectorConfigError';
  }
}
