/**
 * `GET /v1/data-sources/{id}/available-companies` through the real client, the sandbox backend and the Vitec
 * simulator: the backend lists with the password it holds in memory (never returning it), marks the connected
 * companies, answers a credential-less system with its connected companies, and maps each way it can fail —
 * members, a restart that lost the credential, a vendor that refuses or does not answer — to the documented
 * problem. Every exchange is held to openapi/exopen.yaml.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DataSourceConfig } from '../../../main/connectors/types';
import { ExopenError } from '../../../main/exopen';
import { vitecLister } from '../../../main/connectors/vitec/sandbox/lister';
import { startVitecSimulator, type VitecSimulator } from '../../../main/connectors/vitec/sandbox';
import { authenticateFromTable, contractViolations, DOMAIN, sampleConfig, startHarness, type Harness } from './support/harness';

const failureOf = (promise: Promise<unknown>): Promise<unknown> => promise.then(
  () => {
    throw new Error('expected the call to fail');
  },
  (error: unknown) => error,
);

function vitecConfig(simulator: VitecSimulator, scenarioId: string, overrides: { password?: string } = {}): DataSourceConfig {
  const scenario = simulator.scenarios.find((candidate) => candidate.id === scenarioId)!;
  const { domain, username, integrationId, password } = scenario.credentials;
  return {
    system: 'vitec',
    displayName: `${domain}.vitec.net`,
    settings: { domain, username, integrationId, environment: 'sandbox', baseUrl: simulator.url },
    secrets: { password: overrides.password ?? password },
    companies: [
      { id: '1001', name: 'First AB' },
      { id: '1003', name: 'Third AB' },
    ],
  };
}

describe('available companies of a data source', () => {
  let simulator: VitecSimulator;
  let harness: Harness | undefined;
  beforeAll(async () => {
    simulator = await startVitecSimulator();
  });
  afterAll(async () => {
    await simulator.close();
  });
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('lists every company the Vitec credential reaches, the connected ones marked, inactive ones flagged', async () => {
    harness = await startHarness({ listers: { vitec: vitecLister(simulator.url) } });
    const config = vitecConfig(simulator, 'healthy');
    const created = await harness.client.createDataSource(DOMAIN, config, 'key-available-001');
    const items = await harness.client.listAvailableCompanies(created.id);
    expect(items).toHaveLength(40);
    expect(items.filter((item) => item.connected).map((item) => item.id)).toEqual(['1001', '1003']);
    expect(items.filter((item) => !item.active).map((item) => item.id)).toEqual(['1008', '1016', '1024', '1032', '1040']);
    expect(items[0]).toEqual({ id: '1001', name: expect.any(String), active: true, connected: true });

    // A connected company the vendor no longer lists stays listed (connected, not active).
    await harness.client.addCompanies(created.id, [{ id: 'gone-1', name: 'Sold AB' }], 'key-available-002');
    expect((await harness.client.listAvailableCompanies(created.id)).at(-1)).toEqual({ id: 'gone-1', name: 'Sold AB', active: false, connected: true });

    const bodies = harness.proxy.exchanges.map((exchange) => exchange.responseBody ?? '');
    expect(bodies.filter((body) => body.includes(config.secrets.password!))).toEqual([]);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('answers a system without a lister with its connected companies', async () => {
    harness = await startHarness({ listers: { vitec: vitecLister(simulator.url) } });
    const created = await harness.client.createDataSource(DOMAIN, sampleConfig(), 'key-available-003');
    expect(await harness.client.listAvailableCompanies(created.id)).toEqual(sampleConfig().companies.map((company) => ({ ...company, active: true, connected: true })));
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('refuses members (403), unknown ids (404), and says when a restart took the credential (409 credentials-lost)', async () => {
    harness = await startHarness({ authenticate: authenticateFromTable, listers: { vitec: vitecLister(simulator.url) } });
    const admin = harness.clientAs('token-admin-0001');
    const created = await admin.createDataSource(DOMAIN, vitecConfig(simulator, 'healthy'), 'key-available-004');
    expect(await failureOf(harness.clientAs('token-viewer-001').listAvailableCompanies(created.id))).toMatchObject({ code: 'forbidden', problemCode: 'not-domain-admin' });
    expect(await failureOf(admin.listAvailableCompanies('ds_unknown'))).toMatchObject({ code: 'not-found', httpStatus: 404 });

    await harness.restart({ authenticate: authenticateFromTable, listers: { vitec: vitecLister(simulator.url) } });
    const lost = await failureOf(admin.listAvailableCompanies(created.id));
    expect(lost).toBeInstanceOf(ExopenError);
    expect(lost).toMatchObject({ httpStatus: 409, problemCode: 'credentials-lost' });
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('passes on the vendor refusing the stored credential (422 upstream-refused) and not answering (502)', async () => {
    harness = await startHarness({ listers: { vitec: vitecLister(simulator.url) } });
    const wrong = await harness.client.createDataSource(DOMAIN, vitecConfig(simulator, 'healthy', { password: 'not-the-password' }), 'key-available-005');
    const refused = await failureOf(harness.client.listAvailableCompanies(wrong.id));
    expect(refused).toMatchObject({ code: 'upstream', problemCode: 'upstream-refused', upstream: { status: 401, error: 'invalid-credentials' } });

    await harness.restart({ listers: { vitec: vitecLister('http://127.0.0.1:9') } });
    const created = await harness.client.createDataSource(DOMAIN, vitecConfig(simulator, 'integration-partial'), 'key-available-006');
    const unavailable = await failureOf(harness.clientWith({ retry: { attempts: 1 } }).listAvailableCompanies(created.id));
    expect(unavailable).toMatchObject({ code: 'unavailable', httpStatus: 502, problemCode: 'upstream-unavailable' });
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });
});
