/**
 * Creating and reading data sources: `POST|GET /v1/domains/{domainId}/data-sources`, `GET /v1/data-sources`,
 * `GET /v1/data-sources/{id}`, `GET /v1/data-sources/{id}/syncs`.
 */
import { randomBytes } from 'node:crypto';
import { dataSourceAccess, domainAccess, notFound, visibleDataSources } from './access';
import { parseKeyedBody, type Route, type SandboxParts } from './context';
import { json, problem, type Answer } from './http-io';
import { credentialIdentity, credentialLabel } from './identity';
import type { KeyOutcome, StoredDataSource, StoredSync } from './types';
import { createRule } from './validation';
import { syncToWire, toWire } from './wire';

export const newSync = (kind: StoredSync['kind']): StoredSync => ({
  id: `sync_${randomBytes(8).toString('hex')}`,
  kind,
  status: 'queued',
  progress: 0,
  resources: [],
});

/** The data source of the domain that already holds this credential, other than `except`. */
export function holderOf(parts: SandboxParts, domainId: string, identity: string, except?: string): StoredDataSource | undefined {
  return [...parts.store.dataSources.values()].find((record) => record.domainId === domainId && record.identity === identity && record.id !== except);
}

export const exists = (holder: StoredDataSource): Answer =>
  problem({
    status: 409,
    code: 'data-source-exists',
    detail: 'This credential already has a data source in this domain. Add the companies to it, or recreate it.',
    extra: { dataSourceId: holder.id },
  });

/** The current state of the data source a keyed request acted on, for its replay. */
export const replayDataSource = (parts: SandboxParts) => (outcome: KeyOutcome): Answer => {
  const record = parts.store.dataSources.get(outcome.id);
  return record ? json(200, toWire(record)) : notFound('data source');
};

export const createDataSource: Route = async (context) => {
  const { user, parts, params } = context;
  const domainId = params[0] ?? '';
  const read = parseKeyedBody(context, createRule);
  if (!read.ok) return read.answer;
  const input = read.value;
  const request = { scope: user.sub, key: read.key, request: ['createDataSource', domainId, input] };
  return parts.keyed.run(request, async (entryFor) => {
    const domain = domainAccess(parts, user, domainId, 'admin');
    if (!domain.ok) return domain.answer;
    const identity = credentialIdentity(input, parts.store.fingerprint);
    const holder = holderOf(parts, domainId, identity);
    if (holder) return exists(holder);
    const sync = newSync('initial');
    const record: StoredDataSource = {
      id: `ds_${randomBytes(10).toString('hex')}`,
      domainId,
      system: input.system,
      displayName: input.displayName,
      credentialLabel: credentialLabel(input),
      settings: input.settings,
      secretFields: Object.keys(input.secrets).sort(),
      identity,
      companies: input.companies,
      createdAt: new Date().toISOString(),
      syncs: [sync],
    };
    await parts.store.commit(() => {
      parts.store.dataSources.set(record.id, record);
      const undoKey = parts.store.putKey(entryFor({ kind: 'data-source', id: record.id }));
      const undo = (): void => {
        parts.store.dataSources.delete(record.id);
        undoKey();
      };
      return { value: undefined, undo };
    });
    const wire = toWire(record);
    parts.vault.set(record.id, input.secrets);
    parts.runs.start(record.id, sync.id, input.secrets);
    return json(201, wire, { Location: `/v1/data-sources/${record.id}` });
  }, replayDataSource(parts));
};

export const listDomainDataSources: Route = async ({ user, parts, params }) => {
  const domain = domainAccess(parts, user, params[0] ?? '', 'see');
  if (!domain.ok) return domain.answer;
  return json(200, { items: visibleDataSources(parts, user, domain.value).map(toWire) });
};

export const listDataSources: Route = async ({ user, parts }) => json(200, { items: visibleDataSources(parts, user).map(toWire) });

export const getDataSource: Route = async ({ user, parts, params }) => {
  const found = dataSourceAccess(parts, user, params[0] ?? '', 'see');
  return found.ok ? json(200, toWire(found.value)) : found.answer;
};

export const listSyncs: Route = async ({ user, parts, params }) => {
  const found = dataSourceAccess(parts, user, params[0] ?? '', 'see');
  return found.ok ? json(200, { items: found.value.syncs.map(syncToWire) }) : found.answer;
};
