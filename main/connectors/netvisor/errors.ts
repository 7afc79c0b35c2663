/** Typed failures of the Netvisor client. Network failures without any answer use platform's NetworkError. */

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

/** The moment the answer arrived, by the server's Date header and by our clock (for clock-skew diagnosis). */
export interface ServerTime {
  readonly serverMs: number;
  readonly localMs: number;
}

/** Netvisor answered FAILED. `verbatim` is the second <Status> exactly as sent, for display. */
export class NetvisorApiError extends Error {
  readonly code: NetvisorErrorCode;

  constructor(
    readonly rawCode: string,
    /** The human part after ` :: ` (empty if the server sent only a code). */
    readonly text: string,
    readonly verbatim: string,
    readonly httpStatus: number,
    readonly serverTime?: ServerTime,
  ) {
    super(`Netvisor ${rawCode}: ${text}`);
    this.name = 'NetvisorApiError';
    this.code = toErrorCode(rawCode);
  }

  withContext(httpStatus: number, serverTime: ServerTime | undefined): NetvisorApiError {
    return new NetvisorApiError(this.rawCode, this.text, this.verbatim, httpStatus, serverTime);
  }
}

export type ParseProblem = 'empty' | 'not-xml' | 'no-root' | 'no-status' | 'unknown-status';

/** The body was not a Netvisor XML envelope (a proxy page, a truncated answer, the wrong host). */
export class NetvisorParseError extends Error {
  constructor(
    readonly problem: ParseProblem,
    readonly detail: string,
    readonly httpStatus?: number,
  ) {
    super(`not a Netvisor response (${problem}): ${detail}`);
    this.name = 'NetvisorParseError';
  }

  withStatus(httpStatus: number): NetvisorParseError {
    return new NetvisorParseError(this.problem, this.detail, httpStatus);
  }
}
