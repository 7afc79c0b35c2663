/**
 * One call to the Exopen backend with its retries. Network failures, 5xx and 429 are retried with capped,
 * jittered backoff, honouring Retry-After up to a cap. A modifying call carries one Idempotency-Key through
 * all of its attempts, so a response lost after the backend committed (timeout, dropped connection) is
 * answered on retry with the outcome of the first attempt, never a duplicate.
 */
import { createHttp, NetworkError, toNetworkError, withRetry, type NetworkFailure, type RetryPolicy } from '../platform/http';
import { ExopenError } from './errors';
import { interpretResponse, type Expectation, type Step } from './responses';

export interface ExopenRetryPolicy extends RetryPolicy {
  /** The longest Retry-After we wait for; a longer one fails the call at once with `retryAfterMs` set. */
  readonly maxRetryAfterMs: number;
}

export const defaultRetryPolicy: ExopenRetryPolicy = { attempts: 5, baseDelayMs: 250, maxDelayMs: 4_000, maxRetryAfterMs: 30_000 };

export type ExopenOperation =
  | 'me'
  | 'listDomains'
  | 'createDomain'
  | 'createDataSource'
  | 'getDataSource'
  | 'listDataSources'
  | 'listAvailableCompanies'
  | 'addCompanies'
  | 'removeCompanies'
  | 'deleteDataSource'
  | 'recreateDataSource'
  | 'listSyncs'
  | 'brokerNetvisorSign'
  | 'brokerProcountorToken'
  | 'brokerExactToken'
  | 'brokerExactRefresh'
  | 'brokerEconomicRelay';

/** One HTTP attempt, for the Diagnose timeline and logs. Carries no header, body or secret. */
export interface ExopenAttempt {
  readonly operation: ExopenOperation;
  readonly attempt: number;
  readonly outcome: Step<unknown>['kind'];
  readonly status?: number;
  readonly failure?: NetworkFailure;
  readonly retryAfterMs?: number;
}

export interface TransportOptions {
  readonly baseUrl: string;
  /** Asked before every attempt, so a token refreshed between retries is picked up. */
  readonly token: () => Promise<string>;
  readonly timeoutMs?: number;
  readonly retry?: Partial<ExopenRetryPolicy>;
  readonly onAttempt?: (attempt: ExopenAttempt) => void;
}

export interface Request<T> {
  readonly operation: ExopenOperation;
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly path: string;
  /** Idempotency-Key of a modifying call; the same on every attempt. */
  readonly idempotencyKey?: string;
  /** JSON-serialisable body; built field by field by the caller so nothing extra reaches the wire. */
  readonly body?: unknown;
  readonly expect: Omit<Expectation<T>, 'maxRetryAfterMs'>;
}

export type Call = <T>(request: Request<T>, signal: AbortSignal | undefined) => Promise<T>;

type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ExopenError };

const networkError = (failure: NetworkError): ExopenError =>
  new ExopenError('network', `Could not reach the Exopen backend: ${failure.detail}.`, { failure: failure.failure, cause: failure });

/** Failures where the request provably never reached the backend: safe to retry even a single-use exchange. */
const NEVER_SENT: ReadonlySet<NetworkFailure> = new Set(['dns', 'refused']);

const headerOf = (headers: Record<string, unknown>, name: string): string | undefined => {
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
};

export function createTransport(options: TransportOptions): Call {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(baseUrl)) throw new TypeError('The Exopen backend URL must be an http(s) URL.');
  const policy: ExopenRetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const http = createHttp({ timeoutMs: options.timeoutMs ?? 15_000 });
  const backoffMs = (n: number): number => Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1));

  async function attemptOnce<T>(request: Request<T>, signal: AbortSignal | undefined): Promise<Step<T>> {
    let token: string;
    try {
      token = await options.token();
    } catch (cause) {
      return { kind: 'fail', error: new ExopenError('unauthorized', 'No Exopen access token is available; sign in again.', { cause }) };
    }
    try {
      const response = await http.request<string>({
        method: request.method,
        url: `${baseUrl}${request.path}`,
        data: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal,
        headers: {
          Accept: 'application/json, application/problem+json',
          Authorization: `Bearer ${token}`,
          ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(request.idempotencyKey === undefined ? {} : { 'Idempotency-Key': request.idempotencyKey }),
        },
      });
      const headers = response.headers as Record<string, unknown>;
      return interpretResponse(
        {
          status: response.status,
          contentType: headerOf(headers, 'content-type'),
          retryAfter: headerOf(headers, 'retry-after'),
          body: typeof response.data === 'string' ? response.data : '',
        },
        { ...request.expect, maxRetryAfterMs: policy.maxRetryAfterMs },
      );
    } catch (error) {
      const failure = toNetworkError(error);
      // A cancelled call is the user's decision, not a transient failure; a single-use exchange that may have
      // reached the backend must not be sent twice.
      const final = failure.failure === 'aborted' || (request.expect.onlyRetryUnprocessed === true && !NEVER_SENT.has(failure.failure));
      return { kind: final ? 'fail' : 'retry', error: networkError(failure) };
    }
  }

  return async function call<T>(request: Request<T>, signal: AbortSignal | undefined): Promise<T> {
    // Delays are chosen here (Retry-After or backoff), so withRetry's own cap must not cut a Retry-After short.
    const outer: RetryPolicy = { ...policy, maxDelayMs: Math.max(policy.maxDelayMs, policy.maxRetryAfterMs) };
    let result: Result<T>;
    try {
      result = await withRetry<Result<T>>(
        outer,
        async (n) => {
          const step = await attemptOnce(request, signal);
          options.onAttempt?.({
            operation: request.operation,
            attempt: n,
            outcome: step.kind,
            ...(step.kind === 'ok' ? {} : { status: step.error.httpStatus, failure: step.error.failure, retryAfterMs: step.error.retryAfterMs }),
          });
          if (step.kind === 'ok') return { done: true, value: { ok: true, value: step.value } };
          if (step.kind === 'fail') return { done: true, value: { ok: false, error: step.error } };
          return { done: false, value: { ok: false, error: step.error }, delayMs: step.delayMs ?? backoffMs(n) };
        },
        signal,
      );
    } catch (error) {
      // withRetry's sleep rejects when the caller cancels between attempts.
      if (error instanceof NetworkError) throw networkError(error);
      throw error;
    }
    if (result.ok) return result.value;
    throw result.error;
  };
}

/** Replaces every secret value of a request in a text that is about to become an error message. */
export function scrubberOf(...secrets: ReadonlyArray<string | undefined>): (text: string) => string {
  const values = secrets.filter((value): value is string => value !== undefined && value.length > 0).sort((a, b) => b.length - a.length);
  return (text) => values.reduce((out, value) => out.split(value).join('[redacted]'), text);
}

export const noScrub = (text: string): string => text;
