/**
 * Procountor allows at most 20 requests per second per API client, on test and production alike, and says
 * going over "may result in suspending the service for the API client" — for every Exopen customer at
 * once. So every request for one client ID, from every run in this process, passes one shared limiter.
 *
 * A classic token bucket (capacity N, refill N/s) lets up to 2N through in a one-second window; this is a
 * sliding-window log instead: a request may start only when fewer than `limit` started within the last
 * `windowMs`. The window carries a margin because the server counts arrivals, and two requests sent
 * 1000 ms apart can arrive closer together than that.
 *
 * This limiter keeps only the documented rule (a rate per API client), so it is shared by every run. A 429's
 * Retry-After is not held here: it is the penalty of the run that was answered, held by that run's client
 * (client.ts explains why), so one answer never freezes every Procountor run in the app.
 */
import { sleep } from '../../platform/http';

export interface RateLimit {
  readonly limit: number;
  readonly windowMs: number;
}

/** 20 per second, with 100 ms of margin against network jitter (UNCERTAIN how Procountor measures a second). */
export const PROCOUNTOR_RATE_LIMIT: RateLimit = { limit: 20, windowMs: 1100 };

export interface LimiterClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

const realClock: LimiterClock = { now: () => performance.now(), sleep };

export class SlidingWindowLimiter {
  readonly #rate: RateLimit;
  readonly #clock: LimiterClock;
  /** Start times of the most recent requests, oldest first (at most `limit` kept). */
  readonly #starts: number[] = [];
  #tail: Promise<void> = Promise.resolve();

  constructor(rate: RateLimit = PROCOUNTOR_RATE_LIMIT, clock: LimiterClock = realClock) {
    this.#rate = rate;
    this.#clock = clock;
  }

  /** Resolves when the caller may send one request; callers are served in arrival order. */
  acquire(signal?: AbortSignal): Promise<void> {
    const turn = this.#tail.then(() => this.#waitForSlot(signal));
    // The tail only orders turns; a cancelled waiter's error reaches its own caller through `turn`.
    this.#tail = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  async #waitForSlot(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.#clock.now();
      const oldest = this.#starts.length >= this.#rate.limit ? this.#starts[this.#starts.length - this.#rate.limit]! : -Infinity;
      const wait = Math.max(oldest + this.#rate.windowMs - now, 0);
      if (wait <= 0) break;
      await this.#clock.sleep(wait, signal);
    }
    this.#starts.push(this.#clock.now());
    if (this.#starts.length > this.#rate.limit) this.#starts.splice(0, this.#starts.length - this.#rate.limit);
  }
}

const limiters = new Map<string, SlidingWindowLimiter>();

/** The process-wide limiter of one API client on one host. */
export function limiterFor(baseUrl: string, clientId: string): SlidingWindowLimiter {
  const key = `${new URL(baseUrl).host}|${clientId}`;
  let limiter = limiters.get(key);
  if (!limiter) limiters.set(key, (limiter = new SlidingWindowLimiter()));
  return limiter;
}
