/**
 * Typed client of the Exopen backend (openapi/exopen.yaml). Every call retries network failures, 5xx and 429
 * with capped, jittered backoff, honouring Retry-After up to a cap. The create call carries one
 * Idempotency-Key through all of its attempts, so a response lost after the backend committed (timeout,
 * dropped connection) is answered on retry with the same data source, never a duplicate.
 */
import type { DataSourceConfig } from '../connectors/types';
import { createHttp, NetworkError, toNetworkError, withRetry, type NetworkFailure, type RetryPolicy } from '../platform/http';
import { ExopenError } from './errors';
import { interpretResponse, type Expectation, type Step } from './responses';
import { dataSourceListSchema, dataSourceSchema, type DataSource } from './schemas';

export interface ExopenRetryPolicy extends RetryPolicy {
  /** The longest Retry-After we wait for; a longer one fails the call at once with `retryAfterMs` set. */
  readonly maxRetryAfterMs: number;
}

export const defaultRetryPolicy: ExopenRetryPolicy = { attempts: 5, baseDelayMs: 250, maxDelayMs: 4_000, maxRetryAfterMs: 30_000 };

export type ExopenOperation = 'createDataSource' | 'getDataSource' | 'listDataSources';

/** One HTTP attempt, for the Diagnose timeline and logs. Carries no header, body or secret. */
export interface ExopenAttempt {
  readonly operation: ExopenOperation;
  readonly attempt: number;
  readonly outcome: Step<unknown>['kind'];
  readonly status?: number;
  readonly failure?: NetworkFailure;
  readonly retryAfterMs?: number;
}

export interface ExopenClientOptions {
  readonly baseUrl: string;
  /** Asked before every attempt, so a token refreshed between retries is picked up (sign-in comes later). */
  readonly token: () => Promise<string>;
  readonly timeoutMs?: number;
  readonly retry?: Partial<ExopenRetryPolicy>;
  readonly onAttempt?: (attempt: ExopenAttempt) => void;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
}

export interface ExopenClient {
  /** Creates the data source, or returns the one an earlier request with this key created. */
  createDataSource(config: DataSourceConfig, idempotencyKey: string, options?: CallOptions): Promise<DataSource>;
  getDataSource(id: string, options?: CallOptions): Promise<DataSource>;
  listDataSources(options?: CallOptions): Promise<ReadonlyArray<DataSource>>;
}

interface Request<T> {
  readonly operation: ExopenOperation;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly expect: Omit<Expectation<T>, 'maxRetryAfterMs'>;
}

type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ExopenError };

const identity = (text: string): string => text;

/** Replaces every secret value of the request in a text that is about to become an error message. */
function scrubberOf(secrets: Readonly<Record<string, string>>): (text: string) => string {
  const values = Object.values(secrets).filter((value) => value.length > 0).sort((a, b) => b.length - a.length);
  return (text) => values.reduce((out, value) => out.split(value).join('[redacted]'), text);
}

const networkError = (failure: NetworkError): ExopenError =>
  new ExopenError('network', `Could not reach the Exopen backend: ${failure.detail}.`, { failure: failure.failure, cause: failure });

const headerOf = (headers: Record<string, unknown>, name: string): string | undefined => {
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
};

export function createExopenClient(options: ExopenClientOptions): ExopenClient {
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
        data: request.body,
        signal,
        headers: {
          Accept: 'application/json, application/problem+json',
          Authorization: `Bearer ${token}`,
          ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...request.headers,
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
      // A cancelled call is the user's decision, not a transient failure.
      return failure.failure === 'aborted' ? { kind: 'fail', error: networkError(failure) } : { kind: 'retry', error: networkError(failure) };
    }
  }

  async function call<T>(request: Request<T>, signal: AbortSignal | undefined): Promise<T> {
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
  }

  return {
    createDataSource(config, idempotencyKey, callOptions) {
      // Built field by field: a caller's richer objects (e.g. Company with notes) never leak onto the wire.
      const body = {
        system: config.system,
        displayName: config.displayName,
        settings: { ...config.settings },
        secrets: { ...config.secrets },
        companies: config.companies.map((company) => ({ id: company.id, name: company.name })),
      };
      return call(
        {
          operation: 'createDataSource',
          method: 'POST',
          path: '/v1/data-sources',
          headers: { 'Idempotency-Key': idempotencyKey },
          body: JSON.stringify(body),
          expect: { statuses: [200, 201], schema: dataSourceSchema, scrub: scrubberOf(config.secrets) },
        },
        callOptions?.signal,
      );
    },
    getDataSource(id, callOptions) {
      return call(
        {
          operation: 'getDataSource',
          method: 'GET',
          path: `/v1/data-sources/${encodeURIComponent(id)}`,
          expect: { statuses: [200], schema: dataSourceSchema, scrub: identity },
        },
        callOptions?.signal,
      );
    },
    async listDataSources(callOptions) {
      const list = await call(
        {
          operation: 'listDataSources',
          method: 'GET',
          path: '/v1/data-sources',
          expect: { statuses: [200], schema: dataSourceListSchema, scrub: identity },
        },
        callOptions?.signal,
      );
      return list.items;
    },
  };
}
