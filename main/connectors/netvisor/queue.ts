/**
 * Netvisor wants one request at a time per customer environment; overlapping calls fail. Every client in
 * the process shares these queues, keyed by (host, customerId), so two check runs or a check run and a
 * sync on the same customer wait for each other instead of colliding.
 */
const tails = new Map<string, Promise<void>>();

export const queueKey = (baseUrl: string, customerId: string): string => `${new URL(baseUrl).host}|${customerId}`;

/** Runs `task` after every task queued earlier under `key` has settled. */
export function serialised<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(task);
  // The tail only marks "settled"; the caller still receives the task's own result or error through `run`.
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return run;
}

/** Number of keys with queued or running work (for tests: the map must not grow without bound). */
export const activeQueues = (): number => tails.size;
