/**
 * Collects the run's vendor requests for the Diagnose timeline. Connectors record a request when it ends
 * (with its duration), so its start is worked out from that; entries are ordered by start.
 */
import type { RecordedRequest, RequestRecorder } from '../connectors/context';
import type { TimelineEntry } from './types';

export interface Timeline {
  readonly recorder: RequestRecorder;
  entries(): ReadonlyArray<TimelineEntry>;
}

export function createTimeline(now: () => number = () => performance.now()): Timeline {
  const started = now();
  const entries: TimelineEntry[] = [];
  const record = (request: RecordedRequest): void => {
    const atMs = Math.max(0, Math.round(now() - started - request.durationMs));
    entries.push({
      seq: entries.length + 1,
      atMs,
      method: request.method,
      url: request.url,
      ...(request.status === undefined ? {} : { status: request.status }),
      durationMs: request.durationMs,
      ...(request.checkId ? { checkId: request.checkId } : {}),
      ...(request.error ? { error: request.error } : {}),
    });
  };
  return {
    recorder: { record },
    entries: () => [...entries].sort((a, b) => a.atMs - b.atMs || a.seq - b.seq),
  };
}

/** A recorder that feeds both: the context's own (bench, logs) and the Diagnose timeline. */
export const teeRecorder = (first: RequestRecorder | undefined, second: RequestRecorder): RequestRecorder => ({
  record(request) {
    first?.record(request);
    second.record(request);
  },
});
