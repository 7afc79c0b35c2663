/** Counts a run's vendor requests (the report's requestCount) while passing each on to the context's recorder. */
import type { RequestRecorder } from '../context';

export function countingRecorder(inner: RequestRecorder | undefined): { recorder: RequestRecorder; count: () => number } {
  let count = 0;
  return {
    recorder: {
      record(request) {
        count++;
        inner?.record(request);
      },
    },
    count: () => count,
  };
}
