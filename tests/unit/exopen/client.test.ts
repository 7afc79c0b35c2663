import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExopenError, toDataSourceStatus } from '../../../main/exopen';
import { DOMAIN, contractViolations, CANARY, pollUntil, sampleConfig, startHarness, type Harness } from './support/harness';

describe('Exopen client against the sandbox backend', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.close();
  });

  it('creates a data source, reads it back and lists it, every exchange as the document allows', async () => {
    const config = sampleConfig();
    const created = await harness.client.createDataSource(DOMAIN, config, 'key-create-0001');
    expect(created).toMatchObject({
      system: 'netvisor',
      displayName: config.displayName,
      settings: config.settings,
      secretFields: ['customerKey'],
      companies: config.companies,
      initialRun: { status: 'queued', progress: 0 },
    });
    expect(created.id).toMatch(/^ds_/);

    const read = await harness.client.getDataSource(created.id);
    expect(read.id).toBe(created.id);
    const listed = await harness.client.listDataSources();
    expect(listed.map((item) => item.id)).toEqual([created.id]);

    const post = harness.proxy.exchanges.find((exchange) => exchange.method === 'POST');
    expect(post?.status).toBe(201);
    expect(post?.responseHeaders?.location).toBe(`/v1/data-sources/${created.id}`);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('sends only id and name of each company, whatever else the caller holds', async () => {
    const companies = [{ id: '1', name: 'Acme Oy', active: true, businessId: '1234567-8' }];
    await harness.client.createDataSource(DOMAIN, sampleConfig({ companies }), 'key-companies-01');
    const body = JSON.parse(harness.proxy.exchanges[0]?.requestBody ?? '{}') as { companies: unknown };
    expect(body.companies).toEqual([{ id: '1', name: 'Acme Oy' }]);
  });

  it('never returns a secret in any answer', async () => {
    const created = await harness.client.createDataSource(DOMAIN, sampleConfig(), 'key-no-echo-0001');
    await pollUntil(() => harness.client.getDataSource(created.id), (ds) => ds.initialRun.status === 'done');
    await harness.client.listDataSources();
    const answers = harness.proxy.exchanges.map((exchange) => exchange.responseBody ?? '');
    expect(answers.filter((body) => body.includes(CANARY))).toEqual([]);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('answers an unknown id with not-found', async () => {
    const failure = await harness.client.getDataSource('ds_doesnotexist').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ExopenError);
    expect(failure).toMatchObject({ code: 'not-found', httpStatus: 404, problemCode: 'not-found' });
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('reports a refused token as unauthorized, without retrying', async () => {
    const client = harness.clientWith({ token: async () => 'not-the-sandbox-token' });
    const failure = await client.listDataSources().catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'unauthorized', httpStatus: 401 });
    expect(harness.proxy.exchanges).toHaveLength(1);
    expect(harness.proxy.exchanges[0]?.responseHeaders?.['www-authenticate']).toMatch(/^Bearer/);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('maps a data source to the status the wizard shows', async () => {
    const created = await harness.client.createDataSource(DOMAIN, sampleConfig(), 'key-status-00001');
    const done = await pollUntil(() => harness.client.getDataSource(created.id), (ds) => ds.initialRun.status === 'done');
    const status = toDataSourceStatus(done);
    expect(status).toMatchObject({ dataSourceId: created.id, displayName: 'Acme Oy (Netvisor)', status: 'done', progress: 1 });
    expect(status.resources.length).toBeGreaterThan(0);
    expect(status.resources.every((resource) => resource.status === 'done' && (resource.rows ?? 0) > 0)).toBe(true);
    expect(status.error).toBeUndefined();
  });
});
