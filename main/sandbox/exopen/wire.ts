/**
 * The API's view of stored records, spelled out field by field so nothing else (fingerprints, identity
 * hashes) slips onto the wire.
 */
import type { DataSource, InitialRun, Sync } from '../../exopen/schemas';
import type { StoredDataSource, StoredRun, StoredSync } from './types';

const runToWire = (run: StoredRun): InitialRun => ({
  status: run.status,
  progress: run.progress,
  ...(run.startedAt === undefined ? {} : { startedAt: run.startedAt }),
  ...(run.finishedAt === undefined ? {} : { finishedAt: run.finishedAt }),
  resources: structuredClone(run.resources),
  ...(run.error ? { error: { ...run.error } } : {}),
});

export const syncToWire = (sync: StoredSync): Sync => ({ id: sync.id, kind: sync.kind, ...runToWire(sync) });

export function latestInitialRun(record: StoredDataSource): StoredSync {
  const run = record.syncs.findLast((sync) => sync.kind === 'initial');
  if (!run) throw new Error(`data source ${record.id} has no initial run`);
  return run;
}

export function toWire(record: StoredDataSource): DataSource {
  const lastSyncAt = record.syncs.findLast((sync) => sync.status === 'done' && sync.finishedAt !== undefined)?.finishedAt;
  return {
    id: record.id,
    domainId: record.domainId,
    system: record.system,
    displayName: record.displayName,
    credentialLabel: record.credentialLabel,
    settings: { ...record.settings },
    secretFields: [...record.secretFields],
    companies: record.companies.map((company) => ({ id: company.id, name: company.name })),
    createdAt: record.createdAt,
    initialRun: runToWire(latestInitialRun(record)),
    ...(lastSyncAt === undefined ? {} : { lastSyncAt }),
  };
}
