import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter, type LimiterClock } from '../../../main/connectors/procountor/rateLimit';
import { NetworkError } from '../../../main/platform/http';

/** A clock that only moves when someone sleeps: the limiter's arithmetic, without wall-clock time. */
function fakeClock(): LimiterClock & { sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw new NetworkError('aborted', 'the request was cancelled');
      sleeps.push(ms);
      now += ms;
    },
  };
}

/** The most start times within any window of `windowMs` (half-open, like the server's one-second count). */
function busiest(starts: ReadonlyArray<number>, windowMs: number): number {
  return Math.max(...starts.map((start) => starts.filter((other) => other >= start && other < start + windowMs).length));
}

describe('the per-client sliding-window limiter', () => {
  it('never lets more than `limit` start within one window, and wastes no time doing so', async () => {
    const clock = fakeClock();
    const limiter = new SlidingWindowLimiter({ limit: 20, windowMs: 1000 }, clock);
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 95 }, () => limiter.acquire().then(() => starts.push(clock.now()))));
    expect(starts).toHaveLength(95);
    expect(busiest(starts, 1000)).toBe(20);
    // 95 requests at 20 per window: the last starts at the beginning of the fifth window.
    expect(Math.max(...starts)).toBe(4000);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('holds no 429 penalty: a Retry-After is the answered run\'s to wait (client.ts), not every run\'s', async () => {
    const limiter = new SlidingWindowLimiter({ limit: 20, windowMs: 1000 }, fakeClock());
    expect('holdFor' in limiter).toBe(false);
  });

  it('a cancelled waiter gets its own error and does not stall the queue', async () => {
    const clock = fakeClock();
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 1000 }, clock);
    await limiter.acquire();
    const controller = new AbortController();
    controller.abort();
    await expect(limiter.acquire(controller.signal)).rejects.toBeInstanceOf(NetworkError);
    await limiter.acquire();
    expect(clock.now()).toBe(1000);
  });
});
