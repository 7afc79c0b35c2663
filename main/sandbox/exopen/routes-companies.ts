/**
 * `POST /v1/data-sources/{id}/companies` and `.../companies/remove`. Adding a connected company again is a
 * no-op; removing the last company deletes the data source and its credential.
 */
import { dataSourceAccess } from './access';
import { invalid, parseKeyedBody, type Route, type SandboxParts } from './context';
import { json, type Answer } from './http-io';
import { replayDataSource } from './routes-data-sources';
import type { KeyEntryFor } from './keyed';
import type { KeyOutcome, StoredDataSource } from './types';
import { companiesAddRule, companiesRemoveRule } from './validation-ops';
import { toWire } from './wire';

const MAX_COMPANIES = 1000;

export const addCompanies: Route = async (context) => {
  const { user, parts, params } = context;
  const id = params[0] ?? '';
  const read = parseKeyedBody(context, companiesAddRule);
  if (!read.ok) return read.answer;
  const request = { scope: user.sub, key: read.key, request: ['addCompanies', id, read.value] };
  return parts.keyed.run(request, async (entryFor) => {
    const found = dataSourceAccess(parts, user, id, 'admin');
    if (!found.ok) return found.answer;
    const record = found.value;
    const connected = new Set(record.companies.map((company) => company.id));
    const added = read.value.companies.filter((company) => !connected.has(company.id));
    if (record.companies.length + added.length > MAX_COMPANIES)
      return invalid([{ field: 'companies', message: `would connect more than ${MAX_COMPANIES} companies to one data source; connect the rest with another data source` }]);
    const before = record.companies;
    await parts.store.commit(() => {
      record.companies = [...before, ...added.map((company) => ({ id: company.id, name: company.name }))];
      const undoKey = parts.store.putKey(entryFor({ kind: 'data-source', id }));
      const undo = (): void => {
        record.companies = before;
        undoKey();
      };
      return { value: undefined, undo };
    });
    return json(200, toWire(record));
  }, replayDataSource(parts));
};

/** Deletes a data source and its credential; shared by DELETE and removing the last company. */
export async function deleteRecord(parts: SandboxParts, record: StoredDataSource, entryFor: KeyEntryFor): Promise<void> {
  await parts.store.commit(() => {
    parts.store.dataSources.delete(record.id);
    const undoKey = parts.store.putKey(entryFor({ kind: 'deleted', id: record.id }));
    const undo = (): void => {
      parts.store.dataSources.set(record.id, record);
      undoKey();
    };
    return { value: undefined, undo };
  });
  parts.runs.cancel(record.id, { message: 'The data source was deleted.', code: 'superseded' });
  parts.vault.delete(record.id);
}

export const removeCompanies: Route = async (context) => {
  const { user, parts, params } = context;
  const id = params[0] ?? '';
  const read = parseKeyedBody(context, companiesRemoveRule);
  if (!read.ok) return read.answer;
  const replay = (outcome: KeyOutcome): Answer => {
    if (outcome.kind === 'deleted') return json(200, { deleted: true });
    const answer = replayDataSource(parts)(outcome);
    return answer.kind === 'json' ? json(200, { deleted: false, dataSource: answer.body }) : answer;
  };
  const request = { scope: user.sub, key: read.key, request: ['removeCompanies', id, read.value] };
  return parts.keyed.run(request, async (entryFor) => {
    const found = dataSourceAccess(parts, user, id, 'admin');
    if (!found.ok) return found.answer;
    const record = found.value;
    const removed = new Set(read.value.companyIds);
    const remaining = record.companies.filter((company) => !removed.has(company.id));
    if (remaining.length === 0) {
      await deleteRecord(parts, record, entryFor);
      return json(200, { deleted: true });
    }
    const before = record.companies;
    await parts.store.commit(() => {
      record.companies = remaining;
      const undoKey = parts.store.putKey(entryFor({ kind: 'data-source', id }));
      const undo = (): void => {
        record.companies = before;
        undoKey();
      };
      return { value: undefined, undo };
    });
    return json(200, { deleted: false, dataSource: toWire(record) });
  }, replay);
};
