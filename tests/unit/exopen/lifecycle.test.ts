import { afterEach, describe, expect, it } from 'vitest';
import { ExopenError, toDataSourceCard, type DataSource } from '../../../main/exopen';
import { SandboxControlError, type InitialRunRunner } from '../../../main/sandbox/exopen';
import { CANARY, contractViolations, DOMAIN, filesContaining, pollUntil, sampleConfig, startHarness, type Harness } from './support/harness';

/** The credential a recreate hands over; it must end up nowhere but in the runner's memory. */
const NEW_KEY = 'canary-recreated-2c9e-Do-Not-Leak';

const failureOf = (promise: Promise<unknown>): Promise<unknown> => promise.then(
  () => {
    throw new Error('expected the call to fail');
  },
  (error: unknown) => error,
);

describe('the life of a data source', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  const done = (h: Harness, id: string) => pollUntil(() => h.client.getDataSource(id), (ds) => ds.initialRun.status === 'done');

  it('adds companies; one already connected stays one; a company repeated in the request is refused', async () => {
    harness = await startHarness();
    const h = harness;
    const created = await h.client.createDataSource(DOMAIN, sampleConfig(), 'key-add-base-001');
    const added = await h.client.addCompanies(created.id, [{ id: '1234567-8', name: 'Acme Oy renamed' }, { id: '3456789-0', name: 'Acme Trading Oy' }], 'key-add-000001');
    expect(added.companies).toEqual([...sampleConfig().companies, { id: '3456789-0', name: 'Acme Trading Oy' }]);
    const again = await h.client.addCompanies(created.id, [{ id: '3456789-0', name: 'Acme Trading Oy' }], 'key-add-000002');
    expect(again.companies).toHaveLength(3);

    const repeated = await failureOf(h.client.addCompanies(created.id, [{ id: 'A', name: 'A' }, { id: 'A', name: 'A again' }], 'key-add-000003'));
    expect((repeated as ExopenError).fieldErrors.map((item) => [item.field, item.text])).toEqual([['companies[1].id', 'repeats companies[0].id; list each company once']]);
    expect((await h.client.getDataSource(created.id)).companies).toHaveLength(3);
    expect(await failureOf(h.client.addCompanies('ds_gone', [{ id: 'A', name: 'A' }], 'key-add-000004'))).toMatchObject({ code: 'not-found' });
    // The repeated company breaks a rule the document states in prose, which its schema cannot: judged above.
    const judged = h.proxy.exchanges.filter((exchange) => exchange.requestHeaders['idempotency-key'] !== 'key-add-000003');
    expect(contractViolations(judged)).toEqual([]);
  });

  it('removes companies, and with the last one the data source and its credential', async () => {
    harness = await startHarness();
    const h = harness;
    const created = await h.client.createDataSource(DOMAIN, sampleConfig(), 'key-remove-base1');
    const partial = await h.client.removeCompanies(created.id, ['1234567-8', 'not-connected'], 'key-remove-00001');
    expect(partial.deleted).toBe(false);
    expect(partial.deleted === false && partial.dataSource.companies).toEqual([{ id: '2345678-9', name: 'Acme Services Oy' }]);

    expect(await h.client.removeCompanies(created.id, ['2345678-9'], 'key-remove-00002')).toEqual({ deleted: true });
    expect(await failureOf(h.client.getDataSource(created.id))).toMatchObject({ code: 'not-found', httpStatus: 404 });
    expect(await h.client.listDataSources()).toEqual([]);
    expect(await failureOf(h.client.listSyncs(created.id))).toMatchObject({ code: 'not-found' });
    // The credential went with it: the same credential can be connected again, as a new data source.
    const fresh = await h.client.createDataSource(DOMAIN, sampleConfig(), 'key-remove-base2');
    expect(fresh.id).not.toBe(created.id);
    expect(contractViolations(h.proxy.exchanges)).toEqual([]);
  });

  it('deletes: 204, then 404; the same delete again replays 204, a new one is 404', async () => {
    harness = await startHarness();
    const h = harness;
    const created = await h.client.createDataSource(DOMAIN, sampleConfig(), 'key-delete-base1');
    await expect(h.client.deleteDataSource(created.id, 'key-delete-00001')).resolves.toBeUndefined();
    expect(await failureOf(h.client.getDataSource(created.id))).toMatchObject({ code: 'not-found' });
    await expect(h.client.deleteDataSource(created.id, 'key-delete-00001')).resolves.toBeUndefined();
    expect(await failureOf(h.client.deleteDataSource(created.id, 'key-delete-00002'))).toMatchObject({ code: 'not-found', httpStatus: 404 });
    const deletes = h.proxy.exchanges.filter((exchange) => exchange.method === 'DELETE');
    expect(deletes.map((exchange) => [exchange.status, exchange.responseHeaders?.['idempotent-replayed']])).toEqual([
      [204, undefined],
      [204, 'true'],
      [404, undefined],
    ]);
    // A delete without a key is refused, naming the header.
    const bare = await fetch(`${h.proxy.url}/v1/data-sources/${created.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${h.sandbox.token}` } });
    expect(((await bare.json()) as { errors: Array<{ field: string }> }).errors.map((item) => item.field)).toEqual(['Idempotency-Key']);
    expect(contractViolations(h.proxy.exchanges)).toEqual([]);
  });

  it('recreates: same id, new credential, a new initial run that the runner gets the new secrets for', async () => {
    const seen: Array<Readonly<Record<string, string>>> = [];
    const runner: InitialRunRunner = async (_ds, secrets, report) => {
      seen.push(secrets);
      report({ resource: 'accounts', status: 'done', rows: 3 });
    };
    harness = await startHarness({ runner });
    const h = harness;
    const created = await h.client.createDataSource(DOMAIN, sampleConfig(), 'key-recreate-base');
    const first = await done(h, created.id);

    const settings = { ...sampleConfig().settings, environment: 'sandbox' };
    const recreated = await h.client.recreateDataSource(created.id, { system: 'netvisor', settings, secrets: { customerKey: NEW_KEY } }, 'key-recreate-0001');
    expect(recreated).toMatchObject({ id: created.id, settings, companies: sampleConfig().companies, initialRun: { status: 'queued', progress: 0 } });
    const second = await done(h, created.id);
    expect(second.initialRun.startedAt).not.toBe(first.initialRun.startedAt);
    expect(seen).toEqual([{ customerKey: CANARY }, { customerKey: NEW_KEY }]);
    const syncs = await h.client.listSyncs(created.id);
    expect(syncs.map((sync) => [sync.kind, sync.status])).toEqual([
      ['initial', 'done'],
      ['initial', 'done'],
    ]);
    expect(new Set(syncs.map((sync) => sync.id)).size).toBe(2);

    const otherSystem = await failureOf(h.client.recreateDataSource(created.id, { system: 'procountor' as 'netvisor', settings: {}, secrets: { apiKey: 'x' } }, 'key-recreate-0002'));
    expect(otherSystem).toMatchObject({ code: 'validation', httpStatus: 422, problemCode: 'system-mismatch' });
    expect((otherSystem as ExopenError).fieldErrors.map((item) => item.field)).toEqual(['system']);
    expect(await h.client.listSyncs(created.id)).toHaveLength(2);

    const answers = h.proxy.exchanges.map((exchange) => exchange.responseBody ?? '');
    expect(answers.filter((body) => body.includes(CANARY) || body.includes(NEW_KEY))).toEqual([]);
    await h.sandbox.close();
    expect(await filesContaining(h.dataDir, CANARY)).toEqual([]);
    expect(await filesContaining(h.dataDir, NEW_KEY)).toEqual([]);
    expect(contractViolations(h.proxy.exchanges)).toEqual([]);
  });

  it('recreating while a run is under way fails that run as superseded', async () => {
    const gates: Array<() => void> = [];
    const runner: InitialRunRunner = async (_ds, _secrets, report, signal) => {
      report({ resource: 'accounts', status: 'running' });
      await new Promise<void>((resolve, reject) => {
        gates.push(resolve);
        signal.addEventListener('abort', () => reject(signal.reason as Error));
      });
      report({ resource: 'accounts', status: 'done', rows: 1 });
    };
    harness = await startHarness({ runner });
    const h = harness;
    const created = await h.client.createDataSource(DOMAIN, sampleConfig(), 'key-supersede-01');
    await pollUntil(() => h.client.getDataSource(created.id), (ds) => ds.initialRun.status === 'running');
    await h.client.recreateDataSource(created.id, { ...sampleConfig(), secrets: { customerKey: NEW_KEY } }, 'key-supersede-02');
    await pollUntil(async () => gates.length, (count) => count === 2);
    gates[1]?.();
    await done(h, created.id);
    const syncs = await h.client.listSyncs(created.id);
    expect(syncs.map((sync) => [sync.status, sync.error?.code])).toEqual([
      ['failed', 'superseded'],
      ['done', undefined],
    ]);
  });

  it('records later syncs: on demand, after the initial run, with lastSyncAt; none while one is running', async () => {
    harness = await startHarness();
    const h = harness;
    const created = await h.client.createDataSource(DOMAIN, sampleConfig(), 'key-syncs-000001');
    expect(created.lastSyncAt).toBeUndefined();
    await expect(h.sandbox.triggerSync(created.id)).rejects.toMatchObject({ code: 'sync-in-progress' });
    const initial = await done(h, created.id);
    expect(initial.lastSyncAt).toBe(initial.initialRun.finishedAt);

    const syncId = await h.sandbox.triggerSync(created.id);
    const syncs = await pollUntil(() => h.client.listSyncs(created.id), (list) => list.length === 2 && list[1]?.status === 'done');
    expect(syncs.map((sync) => [sync.kind, sync.status])).toEqual([
      ['initial', 'done'],
      ['scheduled', 'done'],
    ]);
    expect(syncs[1]?.id).toBe(syncId);
    expect(syncs[1]?.resources.every((resource) => resource.status === 'done')).toBe(true);
    const after = await h.client.getDataSource(created.id);
    expect(after.lastSyncAt).toBe(syncs[1]?.finishedAt);
    expect(after.initialRun).toEqual(initial.initialRun);
    await expect(h.sandbox.triggerSync('ds_nothing')).rejects.toBeInstanceOf(SandboxControlError);
    expect(contractViolations(h.proxy.exchanges)).toEqual([]);
  });

  it('fails a later sync as credentials-lost once a restart took the credential out of memory', async () => {
    harness = await startHarness();
    const h = harness;
    const created = await h.client.createDataSource(DOMAIN, sampleConfig(), 'key-syncs-lost01');
    await done(h, created.id);
    await h.restart();
    await h.sandbox.triggerSync(created.id);
    const syncs = await h.client.listSyncs(created.id);
    expect(syncs[1]).toMatchObject({ kind: 'scheduled', status: 'failed', error: { code: 'credentials-lost' } });
  });

  it('schedules syncs on an interval when asked', async () => {
    harness = await startHarness({ syncIntervalMs: 5 });
    const h = harness;
    const created = await h.client.createDataSource(DOMAIN, sampleConfig(), 'key-interval-001');
    const syncs = await pollUntil(() => h.client.listSyncs(created.id), (list) => list.some((sync) => sync.kind === 'scheduled' && sync.status === 'done'));
    expect(syncs[0]?.kind).toBe('initial');
  });

  it('maps a data source to the card the Data sources page shows', async () => {
    harness = await startHarness();
    const h = harness;
    const created = await h.client.createDataSource(DOMAIN, sampleConfig(), 'key-card-0000001');
    const ready = await done(h, created.id);
    expect(toDataSourceCard(ready, ['netvisor'])).toEqual({
      id: created.id,
      system: 'netvisor',
      displayName: 'Acme Oy (Netvisor)',
      domainId: DOMAIN,
      credentialLabel: 'ACME-123 · 1234567-8',
      companies: sampleConfig().companies,
      status: 'done',
      lastSyncAt: ready.lastSyncAt,
    });
    const failed: DataSource = { ...ready, initialRun: { ...ready.initialRun, status: 'failed', error: { message: 'Lost', code: 'credentials-lost' } } };
    expect(toDataSourceCard(failed, ['netvisor'])?.error).toEqual({ message: 'Lost', fix: { key: 'exopen:run.fix.credentialsLost' } });
    // A system this version of the app has no connector for has no card.
    expect(toDataSourceCard({ ...ready, system: 'economic' }, ['netvisor'])).toBeUndefined();
    expect(toDataSourceCard(ready, [])).toBeUndefined();
  });
});
