/**
 * Every operation of openapi/exopen.yaml, driven once through the real client against the real sandbox and
 * checked against the document both ways, so no endpoint escapes the contract tests. The other files go deep
 * on each; this one makes sure none is missing and that each of its documented outcomes held here.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNetvisorSimulator, type NetvisorSimulator } from '../../../main/connectors/netvisor/sandbox';
import { contractViolations, DOMAIN, openApi, pollUntil, sampleConfig, startHarness, type Harness } from './support/harness';

describe('the contract covers every endpoint', () => {
  let harness: Harness;
  let simulator: NetvisorSimulator;
  let vendor: ReturnType<typeof createServer>;
  beforeAll(async () => {
    simulator = await startNetvisorSimulator();
    // One tiny vendor for every upstream: a token endpoint and an e-conomic `/self`.
    vendor = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(request.url === '/self' ? { agreementNumber: 1 } : { access_token: 'a', refresh_token: 'r', expires_in: '600' }));
      });
    });
    await new Promise<void>((resolve) => vendor.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(vendor.address() as AddressInfo).port}`;
    const oauth = { tokenUrl: `${url}/token`, clientId: 'exopen', clientSecret: 'client-secret' };
    harness = await startHarness({
      partners: { netvisor: simulator.partner },
      upstreams: { procountor: oauth, exact: oauth, economic: { baseUrl: url, appSecretToken: 'app-secret' } },
    });
  });
  afterAll(async () => {
    await harness.close();
    await simulator.close();
    await new Promise((resolve) => vendor.close(resolve));
  });

  it('exercises each documented operation, every exchange as the document allows', async () => {
    const { client } = harness;
    await client.me();
    await client.listDomains();
    await client.createDomain('Coverage Group', 'key-cover-domain');
    const created = await client.createDataSource(DOMAIN, sampleConfig(), 'key-cover-create');
    await client.listDataSources();
    await client.listDataSources(DOMAIN);
    await client.getDataSource(created.id);
    await pollUntil(() => client.getDataSource(created.id), (ds) => ds.initialRun.status === 'done');
    await client.listAvailableCompanies(created.id);
    await client.addCompanies(created.id, [{ id: '5555555-5', name: 'Five Oy' }], 'key-cover-add-01');
    await client.removeCompanies(created.id, ['5555555-5'], 'key-cover-rm-001');
    await client.recreateDataSource(created.id, sampleConfig(), 'key-cover-recreat');
    await client.listSyncs(created.id);
    await client.brokerNetvisorSign({
      url: `${simulator.url}/accountlist.nv`,
      sender: 'Exopen Connect',
      customerId: 'C',
      timestamp: '2026-01-02 03:04:05.678',
      language: 'EN',
      organisationId: '1234567-8',
      transactionId: 't1',
      timestampUnix: '1767323045',
      customerKey: 'k',
    });
    await client.brokerProcountorToken({ apiKey: 'k', environment: 'test' });
    await client.brokerExactToken({ code: 'c', redirectUri: 'https://connect.exopen.test/cb' });
    await client.brokerExactRefresh('r');
    await client.brokerEconomicRelay({ method: 'GET', path: '/self', agreementGrantToken: 'g' });
    await client.deleteDataSource(created.id, 'key-cover-delete');

    const documented = Object.values(openApi().document.paths as Record<string, Record<string, { operationId?: string }>>)
      .flatMap((item) => Object.values(item).map((operation) => operation.operationId))
      .filter((id): id is string => typeof id === 'string');
    const exercised = new Set(harness.proxy.exchanges.map((exchange) => openApi().operationIdOf(exchange)));
    expect(documented.filter((id) => !exercised.has(id))).toEqual([]);
    expect(documented).toHaveLength(18);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });
});
