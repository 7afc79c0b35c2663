/**
 * HTTP plumbing shared by every vendor client and the Exopen client: an axios instance that never throws on
 * status (clients read vendor error bodies), typed network failures, and a small retry helper with capped
 * exponential backoff that honours Retry-After.
 */
import axios, { AxiosError, type AxiosInstance } from 'axios';

export type NetworkFailure = 'dns' | 'refused' | 'timeout' | 'reset' | 'tls' | 'aborted' | 'other';

/** A request that got no HTTP answer at all. `detail` is safe to show (no URL query, no headers). */
export class NetworkError extends Error {
  constructor(
    readonly failure: NetworkFailure,
    readonly detail: string,
  ) {
    super(`network ${failure}: ${detail}`);
    this.name = 'NetworkError';
  }
}

export function createHttp(options: { timeoutMs: number; userAgent?: string }): AxiosInstance {
  return axios.create({
    timeout: options.timeoutMs,
    validateStatus: () => true,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    maxRedirects: 0,
    proxy: false,
    headers: { 'User-Agent': options.userAgent ?? 'ExopenConnect' },
  });
}

/** Maps whatever axios/Node threw for a request without a response into a NetworkError. */
export function toNetworkError(error: unknown): NetworkError {
  if (error instanceof NetworkError) return error;
  const code = (error as AxiosError | undefined)?.code ?? (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (axios.isCancel(error) || code === 'ERR_CANCELED') return new NetworkError('aborted', 'the request was cancelled');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new NetworkError('dns', 'the host name could not be resolved');
  if (code === 'ECONNREFUSED') return new NetworkError('refused', 'the host refused the connection');
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || code === 'ERR_TIMEOUT' || /timeout/i.test(message))
    return new NetworkError('timeout', 'no answer before the timeout');
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_BAD_RESPONSE') return new NetworkError('reset', 'the connection was dropped');
  if (/CERT|SSL|TLS/i.test(code) || /certificate/i.test(message)) return new NetworkError('tls', 'the TLS certificate was not accepted');
  return new NetworkError('other', code || 'the request failed without an answer');
}

/** Seconds or an HTTP date in Retry-After → milliseconds from now (undefined if absent or unparsable). */
export function retryAfterMs(header: string | undefined, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export interface RetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/**
 * Full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): a random wait between 0 and the
 * capped exponential step, so clients that failed together do not retry together.
 */
export function jitteredBackoffMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  return random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
}

export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new NetworkError('aborted', 'the request was cancelled'));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new NetworkError('aborted', 'the request was cancelled'));
    };
    // The listener goes when the timer fires: a long-lived signal (a whole check run) sees many sleeps, and
    // leaving one listener per sleep on it leaks them (Node warns past 10, MaxListenersExceededWarning).
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * Runs `attempt` until it returns `{done: true}` or attempts run out. `attempt` says whether to retry and may
 * ask for a delay (Retry-After); otherwise the delay is exponential with full jitter, capped.
 */
export async function withRetry<T>(
  policy: RetryPolicy,
  attempt: (n: number) => Promise<{ done: true; value: T } | { done: false; value: T; delayMs?: number }>,
  signal?: AbortSignal,
): Promise<T> {
  let last: T | undefined;
  for (let n = 1; n <= policy.attempts; n++) {
    const outcome = await attempt(n);
    if (outcome.done) return outcome.value;
    last = outcome.value;
    if (n === policy.attempts) break;
    const delay = Math.min(policy.maxDelayMs, outcome.delayMs ?? jitteredBackoffMs(policy, n));
    if (delay > 0) await sleep(delay, signal);
    else if (signal?.aborted) throw new NetworkError('aborted', 'the request was cancelled');
  }
  return last as T;
}
