/**
 * Drives each sync of a data source (its initial run, and later scheduled syncs) through the runner port
 * and records its progress in the store: queued → running → done, or failed with the resource and message.
 * Secrets are handed to the runner from memory and are scrubbed out of every message before it is stored
 * (the store goes to disk).
 */
import type { SandboxStore } from './store';
import type { InitialRunRunner, RunUpdate, StoredDataSource, StoredRun, StoredSync } from './types';

export interface RunReason {
  readonly message: string;
  readonly code: string;
}

export interface RunScheduler {
  start(dataSourceId: string, syncId: string, secrets: Readonly<Record<string, string>>): void;
  /** Stops the unfinished syncs of a data source (but `keep`) and fails them with `reason`: its credential was replaced or deleted. */
  cancel(dataSourceId: string, reason: RunReason, keep?: string): void;
  /** After a restart: runs that were under way lost their secrets with the old process; fail them plainly. */
  failInterrupted(): void;
  /** Aborts every run; their state is settled by failInterrupted on the next start. */
  stop(): void;
}

export const CREDENTIALS_LOST: RunReason = {
  message: 'The backend restarted before the run finished and no longer holds the credentials. Recreate the data source.',
  code: 'credentials-lost',
};

const scrubberOf = (secrets: Readonly<Record<string, string>>) => {
  const values = Object.values(secrets).filter((value) => value.length > 0).sort((a, b) => b.length - a.length);
  return (text: string): string => values.reduce((out, value) => out.split(value).join('[redacted]'), text);
};

const nowIso = (): string => new Date().toISOString();
const isFinished = (status: string): boolean => status === 'done' || status === 'failed';

function checkUpdate(update: RunUpdate): void {
  if (typeof update.resource !== 'string' || update.resource.length === 0 || update.resource.length > 100)
    throw new TypeError('a run update needs a resource name of 1–100 characters');
  if (update.rows !== undefined && !(Number.isInteger(update.rows) && update.rows >= 0))
    throw new TypeError(`rows of ${update.resource} must be a whole number ≥ 0`);
}

function applyUpdate(run: StoredRun, update: RunUpdate, scrub: (text: string) => string): void {
  let resource = run.resources.find((item) => item.name === update.resource);
  if (!resource) {
    resource = { name: update.resource, status: 'queued' };
    run.resources.push(resource);
  }
  resource.status = update.status;
  if (update.rows !== undefined) resource.rows = update.rows;
  if (update.error) resource.error = { message: scrub(update.error.message) || 'failed', ...(update.error.code ? { code: update.error.code } : {}) };
  const finished = run.resources.filter((item) => isFinished(item.status)).length;
  run.progress = Math.max(run.progress, finished / run.resources.length);
}

/** Settles a run whose runner returned (`failure` undefined) or threw. */
function settle(run: StoredRun, failure: Error | undefined, scrub: (text: string) => string): void {
  const message = failure ? scrub(failure.message) || 'The run stopped unexpectedly.' : undefined;
  for (const resource of run.resources) {
    if (isFinished(resource.status)) continue;
    resource.status = 'failed';
    resource.error = { message: message ?? 'The run ended before this resource finished.' };
  }
  const failed = run.resources.find((resource) => resource.status === 'failed');
  run.finishedAt = nowIso();
  if (message !== undefined) {
    run.status = 'failed';
    run.error = { message, code: 'runner-error' };
  } else if (failed) {
    run.status = 'failed';
    run.error = { message: failed.error?.message ?? 'failed', resource: failed.name, ...(failed.error?.code ? { code: failed.error.code } : {}) };
  } else {
    run.status = 'done';
    run.progress = 1;
  }
}

/** Fails a run that will not go on, every unfinished resource with it. */
export function failRun(run: StoredRun, reason: RunReason, resourceMessage: string): void {
  for (const resource of run.resources) {
    if (!isFinished(resource.status)) Object.assign(resource, { status: 'failed', error: { message: resourceMessage } });
  }
  Object.assign(run, { status: 'failed', finishedAt: nowIso(), error: { message: reason.message, code: reason.code } });
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function createRunScheduler(deps: { store: SandboxStore; runner: InitialRunRunner; onError: (error: Error) => void }): RunScheduler {
  const controllers = new Map<string, { readonly dataSourceId: string; readonly controller: AbortController }>();
  let stopped = false;
  const persist = (): void => {
    deps.store.save().catch((error: unknown) => deps.onError(error instanceof Error ? error : new Error(String(error))));
  };

  async function execute(record: StoredDataSource, run: StoredSync, secrets: Readonly<Record<string, string>>, signal: AbortSignal): Promise<void> {
    const scrub = scrubberOf(secrets);
    await tick(); // the 201 leaves with the run still queued
    if (signal.aborted) return;
    run.status = 'running';
    run.startedAt = nowIso();
    persist();
    const view = { id: record.id, system: record.system, settings: { ...record.settings }, companies: record.companies.map((c) => ({ ...c })) };
    let settled = false;
    const report = (update: RunUpdate): void => {
      if (signal.aborted) return;
      if (settled) throw new Error(`the runner reported ${update.resource} after its run ended`);
      checkUpdate(update);
      applyUpdate(run, update, scrub);
      persist();
    };
    let failure: Error | undefined;
    try {
      await deps.runner(view, secrets, report, signal);
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
    }
    // Closing the sandbox aborts the run (the next start fails it as interrupted); cancel() settles its own.
    if (signal.aborted) return;
    settled = true;
    settle(run, failure, scrub);
    persist();
  }

  return {
    start(dataSourceId, syncId, secrets) {
      // After stop the run stays queued on disk; the next start fails it as interrupted.
      if (stopped) return;
      const record = deps.store.dataSources.get(dataSourceId);
      const run = record?.syncs.find((sync) => sync.id === syncId);
      if (!record || !run) throw new Error(`no sync ${syncId} of data source ${dataSourceId} to run`);
      const controller = new AbortController();
      controllers.set(syncId, { dataSourceId, controller });
      void execute(record, run, secrets, controller.signal)
        .catch((error: unknown) => deps.onError(error instanceof Error ? error : new Error(String(error))))
        .finally(() => controllers.delete(syncId));
    },
    cancel(dataSourceId, reason, keep) {
      for (const [syncId, entry] of controllers) {
        if (entry.dataSourceId === dataSourceId && syncId !== keep) entry.controller.abort();
      }
      const record = deps.store.dataSources.get(dataSourceId);
      const open = record?.syncs.filter((sync) => sync.id !== keep && !isFinished(sync.status)) ?? [];
      for (const sync of open) failRun(sync, reason, reason.message);
      if (open.length > 0) persist();
    },
    failInterrupted() {
      let changed = false;
      for (const record of deps.store.dataSources.values()) {
        for (const sync of record.syncs) {
          if (isFinished(sync.status)) continue;
          changed = true;
          failRun(sync, CREDENTIALS_LOST, 'Interrupted by a backend restart.');
        }
      }
      if (changed) persist();
    },
    stop() {
      stopped = true;
      for (const { controller } of controllers.values()) controller.abort();
      controllers.clear();
    },
  };
}
