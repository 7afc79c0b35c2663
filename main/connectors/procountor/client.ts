/**
 * The Procountor REST client: exchanges the API key for a Bearer token (cached until shortly before it
 * expires), keeps every request of the API client under Procountor's 20 requests/s, waits out a 429 as
 * Retry-After says (capped, a bounded number of times, within a time budget), re-exchanges once when a token
 * is refused mid-run, and turns answers into JSON or typed errors. Other failures are not retried: the checks
 * decide what they mean. Only GETs are retried; the token exchange (a POST) never is.
 */
import type { AxiosInstance } from 'axios';
import { createHttp, jitteredBackoffMs, retryAfterMs, sleep, withRetry, type RetryPolicy } from '../../platform/http';
import type { RequestRecorder } from '../context';
import { EXOPEN_CLIENT_ID } from './clientId';
import { apiErrorFrom, parseJson } from './errorBody';
import { ProcountorParseError } from './errors';
import { limiterFor, type SlidingWindowLimiter } from './rateLimit';
import type { Environment } from './settings';
import type { ProcountorToken, ProcountorTokenExchange } from './tokenExchange';
import { RateLimitedError, RETRY_AFTER_CAP_MS } from '../shared/limits';
import { send, type RawReply } from '../shared/transport';

/** Procountor's reads are quick; 30 s from the first byte sent to the last read covers a slow page of 200 rows. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Four tries, so three waits; a server still throttling after that has a bigger problem. Each wait is the
 * longer of Retry-After and a fully jittered backoff (so runs that were throttled together do not come back
 * together), a Retry-After above RETRY_AFTER_CAP_MS (60 s) is not waited at all (RateLimitedError, "until
 * HH:MM"), and the waits of one call end within THROTTLE_BUDGET_MS (a wait past it is the same error).
 */
export const THROTTLE_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 1000, maxDelayMs: RETRY_AFTER_CAP_MS };

/** All the throttle waits of one GET together, well inside a check's deadline (180 s). */
export const THROTTLE_BUDGET_MS = 90_000;

const VENDOR = 'Procountor';

/** Renew this long before expiry so a token never lapses between our check and Procountor's. */
const TOKEN_RENEW_MARGIN_MS = 60_000;

export interface ProcountorClientOptions {
  readonly baseUrl: string;
  readonly environment: Environment;
  readonly apiKey: string;
  readonly exchange: ProcountorTokenExchange;
  /** The API client the key was made for; keys the shared rate limiter. */
  readonly clientId?: string;
  readonly timeoutMs?: number;
  readonly recorder?: RequestRecorder;
  readonly retry?: RetryPolicy;
  readonly limiter?: SlidingWindowLimiter;
  /** Local clock for token expiry (tests). */
  readonly now?: () => number;
}

export interface RequestOptions {
  readonly signal?: AbortSignal;
  /** Which check made the request, for the Diagnose timeline. */
  readonly checkId?: string;
}

export interface ProcountorReply {
  readonly data: unknown;
  readonly httpStatus: number;
}

export class ProcountorClient {
  readonly #options: ProcountorClientOptions;
  readonly #apiKey: string;
  readonly #http: AxiosInstance;
  readonly #limiter: SlidingWindowLimiter;
  readonly #now: () => number;
  #token: Promise<{ readonly value: string; readonly expiresAt: number }> | undefined;
  /**
   * A 429's penalty, on this client only (epoch ms). One client serves one run, so the penalty is per run:
   * Procountor's documented rule is a rate, "20 requests per second per client" (dev.procountor.com, Making
   * requests, "Request limits"), which the shared limiter (rateLimit.ts) already keeps for every run of this
   * process together. It publishes no rule for what follows a 429 (no Retry-After semantics, no scope), so a
   * 429 tells us our count and Procountor's differ (another process on the same API client, or a limit per
   * company or key we do not know). Holding every run of the app back for one answer's Retry-After (what this
   * client did before) froze unrelated customers' tests for as long as any answer asked, and a run that is
   * throttled again waits again anyway. So the run that was answered 429 waits it out (capped); the others
   * keep to the 20/s window, and each waits its own 429 should Procountor refuse them too.
   */
  #heldUntil = 0;

  constructor(options: ProcountorClientOptions) {
    this.#options = options;
    this.#apiKey = options.apiKey;
    this.#http = createHttp({ timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, userAgent: 'ExopenConnect' });
    this.#limiter = options.limiter ?? limiterFor(options.baseUrl, options.clientId ?? EXOPEN_CLIENT_ID);
    this.#now = options.now ?? Date.now;
  }

  /** Exchanges the key now (or reuses a live token). Throws ProcountorTokenError, ProcountorParseError, NetworkError. */
  async authenticate(options: RequestOptions = {}): Promise<ProcountorToken> {
    const token = await this.#currentToken(options);
    return { accessToken: token.value, expiresIn: Math.max(0, Math.round((token.expiresAt - this.#now()) / 1000)) };
  }

  /**
   * GET {base}/{path}?params with the Bearer token. Throws ProcountorApiError, ProcountorParseError,
   * ProcountorTokenError, RateLimitedError (asked to wait past the cap or the budget) or NetworkError.
   */
  async get(path: string, params: Readonly<Record<string, string>> = {}, options: RequestOptions = {}): Promise<ProcountorReply> {
    const url = new URL(`${this.#options.baseUrl}/${path.replace(/^\/+/, '')}`);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    const policy = this.#options.retry ?? THROTTLE_RETRY;
    const budgetEnds = this.#now() + THROTTLE_BUDGET_MS;
    let renewed = false;
    const reply = await withRetry<RawReply>(
      policy,
      async (n) => {
        await this.#waitOutPenalty(budgetEnds, options.signal);
        const token = await this.#currentToken(options);
        await this.#limiter.acquire(options.signal);
        const answer = await send(
          this.#http,
          { method: 'GET', url: url.href, headers: { Authorization: `Bearer ${token.value}` } },
          { ...options, recorder: this.#options.recorder, vendor: VENDOR },
        );
        if (answer.status === 429) {
          const asked = retryAfterMs(answer.headers['retry-after'], this.#now());
          if (asked !== undefined && asked > RETRY_AFTER_CAP_MS) throw new RateLimitedError(VENDOR, this.#now() + asked);
          this.#heldUntil = Math.max(this.#heldUntil, this.#now() + Math.max(asked ?? 0, jitteredBackoffMs(policy, n)));
          return { done: false, value: answer, delayMs: 0 };
        }
        if (answer.status === 401 && !renewed) {
          // The token expired or was revoked between our clock and Procountor's: one fresh exchange, then trust the answer.
          renewed = true;
          this.#token = undefined;
          return { done: false, value: answer, delayMs: 0 };
        }
        return { done: true, value: answer };
      },
      options.signal,
    );
    if (reply.status < 200 || reply.status > 299) throw apiErrorFrom(reply.status, reply.text, retryAfterMs(reply.headers['retry-after']));
    try {
      return { data: parseJson(reply.text), httpStatus: reply.status };
    } catch (error) {
      if (error instanceof ProcountorParseError) throw error.withStatus(reply.status);
      throw error;
    }
  }

  /** Sleeps until this run's 429 penalty is over; one that ends past the call's budget is a RateLimitedError now. */
  async #waitOutPenalty(budgetEnds: number, signal: AbortSignal | undefined): Promise<void> {
    const wait = this.#heldUntil - this.#now();
    if (wait <= 0) return;
    if (this.#heldUntil > budgetEnds) throw new RateLimitedError(VENDOR, this.#heldUntil);
    await sleep(wait, signal);
  }

  #currentToken(options: RequestOptions): Promise<{ readonly value: string; readonly expiresAt: number }> {
    const cached = this.#token;
    if (cached) {
      return cached.then((token) => (token.expiresAt - TOKEN_RENEW_MARGIN_MS > this.#now() ? token : this.#renew(cached, options)));
    }
    return this.#renew(undefined, options);
  }

  #renew(stale: Promise<{ readonly value: string; readonly expiresAt: number }> | undefined, options: RequestOptions) {
    // Concurrent callers share one exchange; a failed exchange is not cached, so the next call tries again.
    if (this.#token && this.#token !== stale) return this.#token;
    const started = this.#now();
    const environment = { id: this.#options.environment, baseUrl: this.#options.baseUrl };
    const pending = this.#options.exchange.exchange(this.#apiKey, environment, options).then((token) => ({ value: token.accessToken, expiresAt: started + token.expiresIn * 1000 }));
    this.#token = pending;
    pending.catch(() => {
      if (this.#token === pending) this.#token = undefined;
    });
    return pending;
  }
}
