import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contractViolations, sampleConfig, startHarness, type Harness } from './support/harness';

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
    const first = await harness.client.createDataSource(sampleConfig(), 'key-repeat-00001');
    const second = await harness.client.createDataSource(sampleConfig(), 'key-repeat-00001');
    expect(second.id).toBe(first.id);
    expect(posts().map((exchange) => exchange.status)).toEqual([201, 200]);
    expect(posts()[1]?.responseHeaders?.['idempotent-replayed']).toBe('true');
    expect((await harness.client.listDataSources()).map((item) => item.id)).toEqual([first.id]);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('treats a body with its keys in another order as the same request', async () => {
    const first = await harness.client.createDataSource(sampleConfig(), 'key-reorder-0001');
    const reordered = { companies: sampleConfig().companies, secrets: sampleConfig().secrets, settings: sampleConfig().settings, displayName: 'Acme Oy (Netvisor)', system: 'netvisor' };
    const answer = await fetch(`${harness.proxy.url}/v1/data-sources`, {
      method: 'POST',
      headers: { authorization: `Bearer ${harness.sandbox.token}`, 'content-type': 'application/json', 'idempotency-key': 'key-reorder-0001' },
      body: JSON.stringify(reordered, null, 4),
    });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { id: string }).id).toBe(first.id);
  });

  it('recovers a response lost after the commit: the retry carries the same key and gets the same id', async () => {
    harness.sandbox.faults.dropAfterCommit();
    const created = await harness.client.createDataSource(sampleConfig(), 'key-dropped-0001');
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
    const first = await harness.client.createDataSource(sampleConfig(), 'key-reused-00001');
    const failure = await harness.client
      .createDataSource(sampleConfig({ displayName: 'Something else' }), 'key-reused-00001')
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'conflict', httpStatus: 422, problemCode: 'idempotency-key-reused' });
    expect((await harness.client.listDataSources()).map((item) => item.id)).toEqual([first.id]);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('creates one data source when the same request races itself', async () => {
    const results = await Promise.all([1, 2, 3].map(() => harness.client.createDataSource(sampleConfig(), 'key-racing-00001')));
    expect(new Set(results.map((item) => item.id)).size).toBe(1);
    expect(await harness.client.listDataSources()).toHaveLength(1);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('creates a second data source for a second key', async () => {
    const first = await harness.client.createDataSource(sampleConfig(), 'key-first-000001');
    const second = await harness.client.createDataSource(sampleConfig(), 'key-second-00001');
    expect(second.id).not.toBe(first.id);
    expect(await harness.client.listDataSources()).toHaveLength(2);
  });
});
