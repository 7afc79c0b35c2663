/**
 * A circuit breaker per vendor origin (§9 #12, after Fowler's CircuitBreaker): after `failureThreshold`
 * consecutive transient failures (no answer in time, connection refused or reset, DNS, a 5xx) the origin's
 * circuit opens and every call to it fails at once with CircuitOpenError, without a request, instead of
 * stacking one timeout per check. After `halfOpenAfterMs` one call goes through as a probe: an answer closes
 * the circuit, another failure opens it for another `halfOpenAfterMs`. A 4xx (or any other answer) is the
 * vendor answering and resets the count; a cancel, or a check or run deadline, says nothing about the host.
 *
 * The state is process-wide per origin (scheme, host and port): a vendor host that does not answer does not
 * answer any run, and the CLI, the web host and the desktop app are each one process. Keying by origin keeps
 * the sandbox's simulators (127.0.0.1, one port each) and a customer's custom URL apart from the vendor's
 * production host.
 */

export interface BreakerPolicy {
  readonly failureThreshold: number;
  readonly halfOpenAfterMs: number;
}

export const DEFAULT_BREAKER_POLICY: BreakerPolicy = { failureThreshold: 5, halfOpenAfterMs: 30_000 };

/** What a call to the origin may do now. */
export type Admission = { readonly ok: true; readonly probe: boolean } | { readonly ok: false; readonly retryInMs: number };

export type BreakerState = 'closed' | 'open' | 'half-open';

export class CircuitBreaker {
  readonly #policy: BreakerPolicy;
  readonly #now: () => number;
  #failures = 0;
  #openedAt: number | undefined;
  #probing = false;

  constructor(policy: BreakerPolicy = DEFAULT_BREAKER_POLICY, now: () => number = Date.now) {
    this.#policy = policy;
    this.#now = now;
  }

  get state(): BreakerState {
    if (this.#openedAt === undefined) return 'closed';
    return this.#now() - this.#openedAt >= this.#policy.halfOpenAfterMs ? 'half-open' : 'open';
  }

  /** Asked before each request. While half-open, exactly one caller gets `probe: true`; the rest wait it out. */
  admit(): Admission {
    if (this.#openedAt === undefined) return { ok: true, probe: false };
    const openFor = this.#now() - this.#openedAt;
    if (openFor >= this.#policy.halfOpenAfterMs && !this.#probing) {
      this.#probing = true;
      return { ok: true, probe: true };
    }
    return { ok: false, retryInMs: Math.max(1000, this.#policy.halfOpenAfterMs - openFor) };
  }

  /** The origin answered (any status below 500). */
  succeeded(): void {
    this.#failures = 0;
    this.#openedAt = undefined;
    this.#probing = false;
  }

  /** A transient failure: no answer, or a 5xx. */
  failed(): void {
    this.#failures += 1;
    if (this.#probing || this.#failures >= this.#policy.failureThreshold) this.#openedAt = this.#now();
    this.#probing = false;
  }

  /** The call ended without saying anything about the origin (cancelled, a check's deadline): free the probe. */
  released(probe: boolean): void {
    if (probe) this.#probing = false;
  }
}

const breakers = new Map<string, CircuitBreaker>();
let policy: BreakerPolicy = DEFAULT_BREAKER_POLICY;
let clock: () => number = () => Date.now();

/** The process-wide breaker of one origin (`new URL(url).origin`). */
export function breakerFor(url: string): CircuitBreaker {
  const origin = new URL(url).origin;
  let breaker = breakers.get(origin);
  if (!breaker) breakers.set(origin, (breaker = new CircuitBreaker(policy, () => clock())));
  return breaker;
}

/** Tests: forget every origin's state, and optionally change the policy or the clock for those created next. */
export function resetBreakers(options: { readonly policy?: BreakerPolicy; readonly now?: () => number } = {}): void {
  breakers.clear();
  policy = options.policy ?? DEFAULT_BREAKER_POLICY;
  clock = options.now ?? (() => Date.now());
}
