/** Typed failures of the Netvisor client, on the connectors' shared kit (../shared/errors.ts). Network failures without any answer use platform's NetworkError. */
import { VendorApiError, VendorParseError } from '../shared/errors';

/** Netvisor's error categories (the code before ` :: ` in the second <Status>). */
export const NETVISOR_ERROR_CODES = [
  'AUTHENTICATION_FAILED',
  'INVALID_DATA',
  'INVALID_DATA_SIZE',
  'DUPLICATE_DATA',
  'REQUEST_NOT_UNIQUE',
  'PERIOD_LOCK',
  'SERVICE_ACCESS_ERROR',
  'SYSTEM_MAINTENANCE',
  'TECHNICAL_ERROR',
] as const;

export type NetvisorErrorCode = (typeof NETVISOR_ERROR_CODES)[number] | 'UNKNOWN';

/** Maps the raw code to a known one. The docs spell SYSTEM_MAINTENANCE, a client library SYSTEM_MAINTANANCE. */
export function toErrorCode(raw: string): NetvisorErrorCode {
  const upper = raw.trim().toUpperCase();
  if (upper === 'SYSTEM_MAINTANANCE') return 'SYSTEM_MAINTENANCE';
  return (NETVISOR_ERROR_CODES as ReadonlyArray<string>).includes(upper) ? (upper as NetvisorErrorCode) : 'UNKNOWN';
}

export type { ServerTime } from '../shared/transport';
import type { ServerTime } from '../shared/transport';

/** Netvisor answered FAILED. `verbatim` is the second <Status> exactly as sent, for display. */
export class NetvisorApiError extends VendorApiError {
  /** Netvisor's error category (`SERVICE_ACCESS_ERROR`, …), UNKNOWN for one we do not know. */
  readonly vendorCode: NetvisorErrorCode;

  constructor(
    readonly rawCode: string,
    /** The human part after ` :: ` (empty if the server sent only a code). */
    readonly text: string,
    verbatim: string,
    httpStatus: number,
    readonly serverTime?: ServerTime,
  ) {
    super('netvisor', httpStatus, verbatim, `Netvisor ${rawCode}: ${text}`);
    this.name = 'NetvisorApiError';
    this.vendorCode = toErrorCode(rawCode);
  }

  withContext(httpStatus: number, serverTime: ServerTime | undefined): NetvisorApiError {
    return new NetvisorApiError(this.rawCode, this.text, this.verbatim, httpStatus, serverTime);
  }
}

export type ParseProblem = 'empty' | 'not-xml' | 'no-root' | 'no-status' | 'unknown-status' | 'unexpected-shape';

/** The body was not a Netvisor XML envelope (a proxy page, a truncated answer, the wrong host). */
export class NetvisorParseError extends VendorParseError<ParseProblem> {
  constructor(problem: ParseProblem, detail: string, httpStatus?: number) {
    super('netvisor', problem, detail, httpStatus, 'Netvisor');
    this.name = 'NetvisorParseError';
  }

  withStatus(httpStatus: number): NetvisorParseError {
    return new NetvisorParseError(this.problem, this.detail, httpStatus);
  }
}
