/**
 * Runs `work` over `items` in their order with at most `limit` running at once: vendors throttle, and a few
 * requests in flight already hide most of the latency. The first error stops new items from starting; the
 * ones under way finish (so none is left half done), then that error is thrown.
 */
export async function forEachBounded<T>(items: ReadonlyArray<T>, limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`concurrency must be a whole number ≥ 1, not ${limit}`);
  let next = 0;
  let failure: { readonly error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const index = next++;
      try {
        await work(items[index]!, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
}
