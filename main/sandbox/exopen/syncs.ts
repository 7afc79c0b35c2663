/**
 * Later syncs of a data source, as the real backend schedules them: on demand (`triggerSync`, for tests and
 * demos) and optionally every `intervalMs`. A sync runs with the credential held in memory; when the backend
 * no longer has it (a restart), the sync fails at once as `credentials-lost`.
 */
import type { Keyed } from './keyed';
import { newSync } from './routes-data-sources';
import { CREDENTIALS_LOST, failRun, type RunScheduler } from './runs';
import type { SandboxStore } from './store';
import type { SecretVault } from './vault';

/** A control call the sandbox cannot do in its current state (unknown id, a sync already under way). */
export class SandboxControlError extends Error {
  constructor(
    readonly code: 'no-such-data-source' | 'sync-in-progress',
    message: string,
  ) {
    super(message);
    this.name = 'SandboxControlError';
  }
}

export interface SyncTrigger {
  /** Starts a scheduled sync now; resolves with its id once it is recorded. */
  trigger(dataSourceId: string): Promise<string>;
  /** Triggers a sync of every idle data source every `intervalMs`; returns the stop function. */
  every(intervalMs: number, onError: (error: Error) => void): () => void;
}

const unfinished = (status: string): boolean => status === 'queued' || status === 'running';

export function createSyncTrigger(deps: { store: SandboxStore; runs: RunScheduler; vault: SecretVault; keyed: Keyed }): SyncTrigger {
  // Serialized with the API's changes, so a sync never starts half-way through a recreate or delete.
  const trigger = (dataSourceId: string): Promise<string> =>
    deps.keyed.serial(async () => {
      const record = deps.store.dataSources.get(dataSourceId);
      if (!record) throw new SandboxControlError('no-such-data-source', `There is no data source ${dataSourceId}.`);
      if (record.syncs.some((sync) => unfinished(sync.status)))
        throw new SandboxControlError('sync-in-progress', `Data source ${dataSourceId} is still syncing; wait for that run to end.`);
      const sync = newSync('scheduled');
      const secrets = deps.vault.get(dataSourceId);
      if (!secrets) failRun(sync, CREDENTIALS_LOST, CREDENTIALS_LOST.message);
      await deps.store.commit(() => {
        record.syncs.push(sync);
        return { value: undefined, undo: () => void record.syncs.splice(record.syncs.indexOf(sync), 1) };
      });
      if (secrets) deps.runs.start(dataSourceId, sync.id, secrets);
      return sync.id;
    });

  return {
    trigger,
    every(intervalMs, onError) {
      const timer = setInterval(() => {
        for (const record of deps.store.dataSources.values()) {
          if (record.syncs.some((sync) => unfinished(sync.status))) continue;
          trigger(record.id).catch((error: unknown) => {
            // A data source deleted or busy since the loop looked is no failure; anything else is reported.
            if (!(error instanceof SandboxControlError)) onError(error instanceof Error ? error : new Error(String(error)));
          });
        }
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
