/**
 * No wait without an end: the figures every vendor exchange, check and run is held to, and the typed errors
 * that say which one ran out. All of them are NetworkErrors (no usable answer arrived), so every connector's
 * `isCheckFailure` takes them and every check turns them into a failed result (kind `unreachable`, exit 3 in
 * the CLI), explained by `<system>:diagnosis.network.<limit>` with the parameters each error carries
 * (Procountor explains its RateLimitedError as an answer: `procountor:diagnosis.api.rateLimited`).
 *
 * The figures (docs/architecture.md, "Limits"):
 * - request: one vendor request, from the first byte sent to the last byte read, is an overall deadline (not
 *   axios' idle timer, which a server trickling one byte every 2 s never trips). Each client's default is
 *   its vendor's figure (Procountor and Vitec 30 s, Netvisor 120 s as Netvisor asks); ConnectorContext's
 *   `timeoutMs` overrides it.
 * - check: 180 s (one Netvisor read may take 120 s); run: 6 min. RunOptions.deadlines overrides both.
 * - response bodies: 10 MB for lists and documents (JSON, XML), 64 KB for token answers; per call.
 * - Procountor's Retry-After: waited up to 60 s; beyond that the run stops with E_RATE_LIMITED.
 * - circuit breaker per vendor origin: 5 consecutive transient failures open it for 30 s (breaker.ts).
 */
import { NetworkError, type NetworkFailure } from '../../platform/http';

export const DEFAULT_REQUEST_DEADLINE_MS = 30_000;
export const DEFAULT_CHECK_DEADLINE_MS = 180_000;
export const DEFAULT_RUN_DEADLINE_MS = 6 * 60_000;

/** JSON and XML lists, pages and documents: far above any page we ask for (Procountor's 200 rows are ~200 KB). */
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
/** A token answer is a few hundred bytes. */
export const TOKEN_MAX_RESPONSE_BYTES = 64 * 1024;

/** §9 #11: a Retry-After up to this is waited out; a longer one stops the run with E_RATE_LIMITED. */
export const RETRY_AFTER_CAP_MS = 60_000;

export type DeadlineScope = 'request' | 'check' | 'run';

export type LimitKind = 'deadline' | 'circuitOpen' | 'tooLarge' | 'rateLimited';

type Params = Readonly<Record<string, string | number>>;

/** A limit of ours (or the vendor's rate limit beyond our cap) ended the wait. */
export abstract class VendorLimitError extends NetworkError {
  abstract readonly code: 'E_VENDOR_DEADLINE' | 'E_CIRCUIT_OPEN' | 'E_RESPONSE_TOO_LARGE' | 'E_RATE_LIMITED';
  abstract readonly limit: LimitKind;
  /** For the explanation's message (`<system>:diagnosis.network.<limit>`): never a credential. */
  abstract readonly params: Params;

  constructor(failure: NetworkFailure, message: string) {
    super(failure, message);
    this.message = message;
  }
}

const seconds = (ms: number): number => Math.max(1, Math.round(ms / 1000));
const minutes = (ms: number): number => Math.max(1, Math.round(ms / 60_000));

/** "Procountor's /products did not finish in 30 s." `what` is a path (no query) or a check id. */
export class VendorDeadlineError extends VendorLimitError {
  readonly code = 'E_VENDOR_DEADLINE';
  readonly limit = 'deadline';
  readonly params: Params;

  constructor(
    readonly vendor: string,
    readonly scope: DeadlineScope,
    readonly what: string,
    readonly limitMs: number,
  ) {
    super(
      'timeout',
      scope === 'request'
        ? `${vendor}'s ${what} did not finish in ${seconds(limitMs)} s`
        : scope === 'check'
          ? `the check ${what} did not finish in ${seconds(limitMs)} s`
          : `the whole ${vendor} test did not finish in ${minutes(limitMs)} min`,
    );
    this.name = 'VendorDeadlineError';
    this.params = { scope, resource: what, seconds: seconds(limitMs), minutes: minutes(limitMs) };
  }
}

/** "Procountor is not answering; try again in 30 s." No request was sent. */
export class CircuitOpenError extends VendorLimitError {
  readonly code = 'E_CIRCUIT_OPEN';
  readonly limit = 'circuitOpen';
  readonly params: Params;

  constructor(
    readonly vendor: string,
    readonly origin: string,
    readonly retryInMs: number,
  ) {
    super('other', `${vendor} is not answering; try again in ${seconds(retryInMs)} s`);
    this.name = 'CircuitOpenError';
    this.params = { seconds: seconds(retryInMs) };
  }
}

/** "Procountor's /products answered more than 10 MB": the read stopped at the cap. */
export class ResponseTooLargeError extends VendorLimitError {
  readonly code = 'E_RESPONSE_TOO_LARGE';
  readonly limit = 'tooLarge';
  readonly params: Params;

  constructor(
    readonly vendor: string,
    readonly resource: string,
    readonly limitBytes: number,
  ) {
    super('other', `${vendor}'s ${resource} answered more than ${formatBytes(limitBytes)}; the read was stopped`);
    this.name = 'ResponseTooLargeError';
    this.params = { resource, limit: formatBytes(limitBytes) };
  }
}

/** "Procountor rate-limited us until 14:05; try again then." Asked to wait longer than RETRY_AFTER_CAP_MS. */
export class RateLimitedError extends VendorLimitError {
  readonly code = 'E_RATE_LIMITED';
  readonly limit = 'rateLimited';
  readonly params: Params;

  constructor(
    readonly vendor: string,
    /** When the vendor lets us in again (epoch ms). */
    readonly until: number,
  ) {
    super('other', `${vendor} rate-limited us until ${clockTime(until)}; try again then`);
    this.name = 'RateLimitedError';
    this.params = { until: clockTime(until) };
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** HH:MM on this computer's clock (what the user compares with). */
export function clockTime(epochMs: number): string {
  const at = new Date(epochMs);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}

/**
 * The abort reason a check or run deadline puts on its signal, so a request cut off by it says which scope
 * ran out (send() turns it into a VendorDeadlineError of that scope).
 */
export class ScopeDeadline {
  constructor(
    readonly scope: 'check' | 'run',
    readonly what: string,
    readonly limitMs: number,
  ) {}
}

/** The explanation's key under `<system>:diagnosis.network.` and its parameters, for any request without a usable answer. */
export function networkExplanation(error: NetworkError): { readonly key: string; readonly params: Params } {
  if (error instanceof VendorDeadlineError) return { key: error.scope === 'request' ? 'deadline' : `deadline${error.scope === 'check' ? 'Check' : 'Run'}`, params: error.params };
  if (error instanceof VendorLimitError) return { key: error.limit, params: error.params };
  return { key: error.failure, params: {} };
}
