/**
 * sleep() on one long-lived AbortSignal (a whole check run, a retry loop): each sleep that ends by its timer
 * must take its abort listener with it, or the signal collects one per call (Node's
 * MaxListenersExceededWarning after 10). Abort must still end a pending sleep.
 */
import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NetworkError, sleep } from '../../../main/platform/http';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('sleep', () => {
  it('leaves no abort listener behind after 50 sleeps on one signal, and emits no MaxListeners warning', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error): void => {
      warnings.push(warning);
    };
    process.on('warning', onWarning);
    try {
      const controller = new AbortController();
      for (let n = 0; n < 50; n++) await sleep(0, controller.signal);
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
      // Concurrent sleeps hold one listener each while pending and none once they resolve.
      const pending = Array.from({ length: 5 }, () => sleep(1, controller.signal));
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(5);
      await Promise.all(pending);
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
      // 'warning' is emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
  });

  it('still rejects with an aborted NetworkError when the signal aborts during a sleep, after many sleeps', async () => {
    const controller = new AbortController();
    for (let n = 0; n < 50; n++) await sleep(0, controller.signal);
    const pending = sleep(60_000, controller.signal);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(NetworkError);
    await expect(pending).rejects.toMatchObject({ failure: 'aborted' });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('rejects at once on a signal that is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(sleep(60_000, controller.signal)).rejects.toMatchObject({ name: 'NetworkError', failure: 'aborted' });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('resolves after the delay without a signal', async () => {
    vi.useFakeTimers();
    try {
      let done = false;
      const pending = sleep(1000).then(() => {
        done = true;
      });
      await vi.advanceTimersByTimeAsync(999);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await pending;
      expect(done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
