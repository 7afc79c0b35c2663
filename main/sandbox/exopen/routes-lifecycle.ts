/**
 * `DELETE /v1/data-sources/{id}` and `POST /v1/data-sources/{id}/recreate`: the end of a credential, and
 * its replacement (same system, same id, a new initial run).
 */
import { dataSourceAccess } from './access';
import { invalid, parseKeyedBody, type Route } from './context';
import { headerValue, json, noContent, problem } from './http-io';
import { credentialIdentity, credentialLabel } from './identity';
import { deleteRecord } from './routes-companies';
import { exists, holderOf, newSync, replayDataSource } from './routes-data-sources';
import { checkKey } from './validation';
import { recreateRule } from './validation-ops';
import { toWire } from './wire';

export const deleteDataSource: Route = async ({ request, user, parts, params }) => {
  const id = params[0] ?? '';
  const checked = checkKey(headerValue(request, 'idempotency-key'));
  if (!checked.ok) return invalid(checked.errors);
  // A replay answers 204 again, where a new delete of a deleted id is 404: the retry of a lost answer succeeds.
  return parts.keyed.run({ scope: user.sub, key: checked.key, request: ['deleteDataSource', id] }, async (entryFor) => {
    const found = dataSourceAccess(parts, user, id, 'admin');
    if (!found.ok) return found.answer;
    await deleteRecord(parts, found.value, entryFor);
    return noContent();
  }, () => noContent());
};

export const recreateDataSource: Route = async (context) => {
  const { user, parts, params } = context;
  const id = params[0] ?? '';
  const read = parseKeyedBody(context, recreateRule);
  if (!read.ok) return read.answer;
  const input = read.value;
  const request = { scope: user.sub, key: read.key, request: ['recreateDataSource', id, input] };
  return parts.keyed.run(request, async (entryFor) => {
    const found = dataSourceAccess(parts, user, id, 'admin');
    if (!found.ok) return found.answer;
    const record = found.value;
    if (input.system !== record.system)
      return problem({
        status: 422,
        code: 'system-mismatch',
        detail: `This data source connects ${record.system}; a recreate keeps the system.`,
        errors: [{ field: 'system', message: `must be ${record.system}, the system of this data source; to connect another system, create a new data source` }],
      });
    const facts = { system: record.system, displayName: record.displayName, settings: input.settings, secrets: input.secrets };
    const identity = credentialIdentity(facts, parts.store.fingerprint);
    const holder = holderOf(parts, record.domainId, identity, record.id);
    if (holder) return exists(holder);
    const before = { ...record, syncs: [...record.syncs] };
    const sync = newSync('initial');
    await parts.store.commit(() => {
      Object.assign(record, {
        settings: input.settings,
        secretFields: Object.keys(input.secrets).sort(),
        identity,
        credentialLabel: credentialLabel(facts),
        syncs: [...record.syncs, sync],
      });
      const undoKey = parts.store.putKey(entryFor({ kind: 'data-source', id }));
      const undo = (): void => {
        Object.assign(record, before);
        undoKey();
      };
      return { value: undefined, undo };
    });
    parts.runs.cancel(id, { message: 'A recreate replaced the credential before this run finished.', code: 'superseded' }, sync.id);
    parts.vault.set(id, input.secrets);
    parts.runs.start(id, sync.id, input.secrets);
    return json(200, toWire(record));
  }, replayDataSource(parts));
};
