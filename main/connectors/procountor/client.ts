/**
 * The Procountor REST client: exchanges the API key for a Bearer token (cached until shortly before it
 * expires), keeps every request of the API client under Procountor's 20 requests/s, waits out a 429 as
 * Retry-After says (a bounded number of times), re-exchanges once when a token is refused mid-run, and
 * turns answers into JSON or typed errors. Other failures are not retried: the checks decide what they mean.
 */
import type { AxiosInstance } from 'axios';
import { createHttp, retryAfterMs, withRetry, type RetryPolicy } from '../../platform/http';
import type { RequestRecorder } from '../context';
import { EXOPEN_CLIENT_ID } from './clientId';
import { apiErrorFrom, parseJson } from './errorBody';
import { ProcountorParseError } from './errors';
import { limiterFor, type SlidingWindowLimiter } from './rateLimit';
import type { Environment } from './settings';
import type { ProcountorToken, ProcountorTokenExchange } from './tokenExchange';
import { send, type RawReply } from '../shared/transport';

/** Procountor's reads are quick; a minute covers a slow page of 200 rows. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** Four tries, so three Retry-After waits; a server still throttling after that has a bigger problem. */
export const THROTTLE_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 1000, maxDelayMs: 30_000 };

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

  /** GET {base}/{path}?params with the Bearer token. Throws ProcountorApiError, ProcountorParseError, ProcountorTokenError or NetworkError. */
  async get(path: string, params: Readonly<Record<string, string>> = {}, options: RequestOptions = {}): Promise<ProcountorReply> {
    const url = new URL(`${this.#options.baseUrl}/${path.replace(/^\/+/, '')}`);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    let renewed = false;
    const reply = await withRetry<RawReply>(
      this.#options.retry ?? THROTTLE_RETRY,
      async () => {
        const token = await this.#currentToken(options);
        await this.#limiter.acquire(options.signal);
        const answer = await send(this.#http, { method: 'GET', url: url.href, headers: { Authorization: `Bearer ${token.value}` } }, { ...options, recorder: this.#options.recorder });
        if (answer.status === 429) {
          const wait = retryAfterMs(answer.headers['retry-after']);
          this.#limiter.holdFor(wait ?? THROTTLE_RETRY.baseDelayMs);
          return { done: false, value: answer, ...(wait === undefined ? {} : { delayMs: wait }) };
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
