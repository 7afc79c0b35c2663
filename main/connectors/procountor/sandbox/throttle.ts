/**
 * Procountor's limit: at most 20 requests per second per API client (dev.procountor.com/api-requests).
 * The status for going over is not published (UNCERTAIN); 429 with Retry-After in whole seconds is what
 * the simulator answers. Every arrival is counted, refused or not, and the busiest one-second window seen
 * is kept so tests can prove the client never went over.
 */
export const LIMIT_PER_SECOND = 20;
const WINDOW_MS = 1000;

export interface ClientStats {
  readonly requests: number;
  readonly throttled: number;
  /** The most arrivals seen within any one-second window. */
  readonly maxPerSecond: number;
}

interface Window {
  arrivals: number[];
  requests: number;
  throttled: number;
  maxPerSecond: number;
}

export class RateLimiter {
  readonly #windows = new Map<string, Window>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Counts one arrival for `clientId`; returns the Retry-After seconds when it is over the limit. */
  arrive(clientId: string): { readonly ok: true } | { readonly ok: false; readonly retryAfterS: number } {
    const now = this.now();
    let window = this.#windows.get(clientId);
    if (!window) this.#windows.set(clientId, (window = { arrivals: [], requests: 0, throttled: 0, maxPerSecond: 0 }));
    window.arrivals = window.arrivals.filter((at) => at > now - WINDOW_MS);
    const before = window.arrivals.length;
    window.arrivals.push(now);
    window.requests++;
    window.maxPerSecond = Math.max(window.maxPerSecond, window.arrivals.length);
    if (before < LIMIT_PER_SECOND) return { ok: true };
    window.throttled++;
    const oldest = window.arrivals[window.arrivals.length - 1 - LIMIT_PER_SECOND] ?? now;
    return { ok: false, retryAfterS: Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000)) };
  }

  stats(clientId: string): ClientStats {
    const window = this.#windows.get(clientId);
    return { requests: window?.requests ?? 0, throttled: window?.throttled ?? 0, maxPerSecond: window?.maxPerSecond ?? 0 };
  }

  reset(): void {
    this.#windows.clear();
  }
}
