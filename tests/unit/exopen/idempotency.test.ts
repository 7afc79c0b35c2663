import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExopenError } from '../../../main/exopen';
import { DOMAIN, contractViolations, sampleConfig, startHarness, type Harness } from './support/harness';

describe('creating a data source is idempotent by key', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.close();
  });

  const posts = () => harness.proxy.exchanges.filter((exchange) => exchange.method === 'POST');

  it('answers a repeat with the same key and body with the same data source, as a 200 replay', async () => {
    const first = await harness.client.createDataSource(DOMAIN, sampleConfig(), 'key-repeat-00001');
    const second = await harness.client.createDataSource(DOMAIN, sampleConfig(), 'key-repeat-00001');
    expect(second.id).toBe(first.id);
    expect(posts().map((exchange) => exchange.status)).toEqual([201, 200]);
    expect(posts()[1]?.responseHeaders?.['idempotent-replayed']).toBe('true');
    expect((await harness.client.listDataSources()).map((item) => item.id)).toEqual([first.id]);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('treats a body with its keys in another order as the same request', async () => {
    const first = await harness.client.createDataSource(DOMAIN, sampleConfig(), 'key-reorder-0001');
    const reordered = { companies: sampleConfig().companies, secrets: sampleConfig().secrets, settings: sampleConfig().settings, displayName: 'Acme Oy (Netvisor)', system: 'netvisor' };
    const answer = await fetch(`${harness.proxy.url}/v1/domains/${DOMAIN}/data-sources`, {
      method: 'POST',
      headers: { authorization: `Bearer ${harness.sandbox.token}`, 'content-type': 'application/json', 'idempotency-key': 'key-reorder-0001' },
      body: JSON.stringify(reordered, null, 4),
    });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { id: string }).id).toBe(first.id);
  });

  it('recovers a response lost after the commit: the retry carries the same key and gets the same id', async () => {
    harness.sandbox.faults.dropAfterCommit();
    const created = await harness.client.createDataSource(DOMAIN, sampleConfig(), 'key-dropped-0001');
    expect(posts().map((exchange) => (exchange.dropped ? 'dropped' : exchange.status))).toEqual(['dropped', 200]);
    expect(new Set(posts().map((exchange) => exchange.requestHeaders['idempotency-key']))).toEqual(new Set(['key-dropped-0001']));
    expect(harness.attempts.map((attempt) => [attempt.outcome, attempt.failure])).toEqual([
      ['retry', 'reset'],
      ['ok', undefined],
    ]);
    expect((await harness.client.listDataSources()).map((item) => item.id)).toEqual([created.id]);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('refuses the same key with a different body as a conflict, and creates nothing more', async () => {
    const first = await harness.client.createDataSource(DOMAIN, sampleConfig(), 'key-reused-00001');
    const failure = await harness.client
      .createDataSource(DOMAIN, sampleConfig({ displayName: 'Something else' }), 'key-reused-00001')
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'conflict', httpStatus: 422, problemCode: 'idempotency-key-reused' });
    expect((await harness.client.listDataSources()).map((item) => item.id)).toEqual([first.id]);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('creates one data source when the same request races itself', async () => {
    const results = await Promise.all([1, 2, 3].map(() => harness.client.createDataSource(DOMAIN, sampleConfig(), 'key-racing-00001')));
    expect(new Set(results.map((item) => item.id)).size).toBe(1);
    expect(await harness.client.listDataSources()).toHaveLength(1);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('creates a second data source for a second key and another credential', async () => {
    const first = await harness.client.createDataSource(DOMAIN, sampleConfig(), 'key-first-000001');
    const other = sampleConfig({ settings: { ...sampleConfig().settings, customerId: 'ACME-456' } });
    const second = await harness.client.createDataSource(DOMAIN, other, 'key-second-00001');
    expect(second.id).not.toBe(first.id);
    expect(await harness.client.listDataSources()).toHaveLength(2);
  });
});

describe('every change survives a lost response, and two assistants never make two data sources', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.close();
  });

  /** The statuses of the exchanges carrying `key`, a dropped one as 'dropped'. */
  const outcomes = (key: string) =>
    harness.proxy.exchanges.filter((exchange) => exchange.requestHeaders['idempotency-key'] === key).map((exchange) => (exchange.dropped ? 'dropped' : exchange.status));

  it('adding companies: the retry with the same key replays, nothing is added twice', async () => {
    const created = await harness.client.createDataSource(DOMAIN, sampleConfig(), 'key-lost-add-base');
    harness.sandbox.faults.dropAfterCommit();
    const added = await harness.client.addCompanies(created.id, [{ id: '9999999-9', name: 'Late Oy' }], 'key-lost-add-0001');
    expect(outcomes('key-lost-add-0001')).toEqual(['dropped', 200]);
    expect(added.companies.map((company) => company.id)).toEqual(['1234567-8', '2345678-9', '9999999-9']);
    expect((await harness.client.getDataSource(created.id)).companies).toHaveLength(3);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('removing companies, and removing the last one: the retries answer what the first did', async () => {
    const created = await harness.client.createDataSource(DOMAIN, sampleConfig(), 'key-lost-rm-base1');
    harness.sandbox.faults.dropAfterCommit(2);
    const partial = await harness.client.removeCompanies(created.id, ['1234567-8'], 'key-lost-rm-00001');
    expect(partial).toMatchObject({ deleted: false, dataSource: { id: created.id, companies: [{ id: '2345678-9' }] } });
    const last = await harness.client.removeCompanies(created.id, ['2345678-9'], 'key-lost-rm-00002');
    expect(last).toEqual({ deleted: true });
    expect(outcomes('key-lost-rm-00001')).toEqual(['dropped', 200]);
    expect(outcomes('key-lost-rm-00002')).toEqual(['dropped', 200]);
    expect(await harness.client.listDataSources()).toEqual([]);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('recreating: the retry replays the same new run instead of starting a third', async () => {
    const created = await harness.client.createDataSource(DOMAIN, sampleConfig(), 'key-lost-rec-base');
    harness.sandbox.faults.dropAfterCommit();
    const recreated = await harness.client.recreateDataSource(created.id, sampleConfig(), 'key-lost-rec-0001');
    expect(outcomes('key-lost-rec-0001')).toEqual(['dropped', 200]);
    expect(recreated.id).toBe(created.id);
    expect((await harness.client.listSyncs(created.id)).map((sync) => sync.kind)).toEqual(['initial', 'initial']);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('deleting: the retry answers 204 again rather than 404', async () => {
    const created = await harness.client.createDataSource(DOMAIN, sampleConfig(), 'key-lost-del-base');
    harness.sandbox.faults.dropAfterCommit();
    await harness.client.deleteDataSource(created.id, 'key-lost-del-0001');
    expect(outcomes('key-lost-del-0001')).toEqual(['dropped', 204]);
    expect(await harness.client.listDataSources()).toEqual([]);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('two assistants creating the same credential at once, each with its own key, end with one data source', async () => {
    const attempts = await Promise.allSettled(
      [1, 2, 3, 4, 5, 6].map((n) => harness.client.createDataSource(DOMAIN, sampleConfig({ displayName: `Acme ${n}` }), `key-assistant-${n}-0001`)),
    );
    const created = attempts.flatMap((attempt) => (attempt.status === 'fulfilled' ? [attempt.value] : []));
    const refused = attempts.flatMap((attempt) => (attempt.status === 'rejected' ? [attempt.reason as unknown] : []));
    expect(created).toHaveLength(1);
    expect(refused).toHaveLength(5);
    for (const error of refused) {
      expect(error).toBeInstanceOf(ExopenError);
      expect(error).toMatchObject({ code: 'exists', httpStatus: 409, problemCode: 'data-source-exists', dataSourceId: created[0]?.id });
      expect((error as ExopenError).msg).toEqual({ key: 'exopen:errors.existsDataSource' });
    }
    expect((await harness.client.listDataSources()).map((item) => item.id)).toEqual([created[0]?.id]);
    // The same credential is the same whatever the case and spaces of its identifying settings.
    const shouted = sampleConfig({ settings: { ...sampleConfig().settings, customerId: ' acme-123 ' } });
    expect(await harness.client.createDataSource(DOMAIN, shouted, 'key-assistant-7-0001').catch((error: unknown) => error)).toMatchObject({ code: 'exists' });
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('refuses a key reused on another endpoint, whatever the body', async () => {
    const created = await harness.client.createDataSource(DOMAIN, sampleConfig(), 'key-cross-op-0001');
    const failure = await harness.client.deleteDataSource(created.id, 'key-cross-op-0001').catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'conflict', httpStatus: 422, problemCode: 'idempotency-key-reused' });
    expect((await harness.client.getDataSource(created.id)).id).toBe(created.id);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });
});
