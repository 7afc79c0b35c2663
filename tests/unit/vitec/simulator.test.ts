/**
 * The Vitec simulator through our own client (never mocked): revisions flow only where the integration is
 * enabled, a failing company, the admin endpoints, the datasets. All paths are the ASSUMED API's.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { probeCompany, VitecApiError, VitecClient } from '../../../main/connectors/vitec';
import { API_PATHS, SANDBOX_DOMAIN_HEADER, basicAuthorization } from '../../../main/connectors/vitec/assumedApi';
import { startVitecSimulator, type VitecSimulator } from '../../../main/connectors/vitec/sandbox';
import { contextFor, inputFor, render, scenario } from './helpers';

let simulator: VitecSimulator;
beforeAll(async () => {
  simulator = await startVitecSimulator();
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

function clientFor(id: string, password?: string): VitecClient {
  const { credentials } = scenario(simulator, id);
  return new VitecClient({ installation: { subdomain: credentials.domain, sandboxUrl: simulator.url }, username: credentials.username, password: password ?? credentials.password });
}

const admin = (path: string, body: unknown) =>
  fetch(`${simulator.url}/_sandbox/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('Vitec simulator: revisions', () => {
  it('flow only for companies where the integration is enabled, exactly the "revisions not arriving" symptom', async () => {
    const info = scenario(simulator, 'integration-partial');
    const { domain, integrationId } = info.credentials;
    const client = clientFor('integration-partial');
    const enabled = await client.revisions('1001', integrationId, 0);
    expect(enabled.revisions.map((change) => change.revision)).toEqual([1, 2, 3]);
    expect(enabled.lastRevision).toBe(3);
    const without = await client.revisions('1007', integrationId, 0);
    expect(without).toEqual({ revisions: [], lastRevision: 0 });

    // Bookkeeping happens in both companies: only the enabled one passes it on.
    for (const companyId of ['1001', '1007']) expect((await admin('changes', { domain, companyId, count: 2, entityType: 'voucher' })).status).toBe(200);
    const next = await client.revisions('1001', integrationId, 3);
    expect(next.revisions.map((change) => [change.revision, change.entityType, change.event])).toEqual([[4, 'voucher', 'Update'], [5, 'voucher', 'Update']]);
    expect(await client.revisions('1007', integrationId, 0)).toEqual({ revisions: [], lastRevision: 0 });

    // The admin enables the integration: changes from then on arrive; the missed ones do not.
    simulator.setIntegrationEnabled(domain, '1007', true);
    await admin('changes', { domain, companyId: '1007', count: 1 });
    const after = await client.revisions('1007', integrationId, 0);
    expect(after.revisions.map((change) => change.revision)).toEqual([6]);
    expect(after.lastRevision).toBe(6);
  });

  it('ask for the Integration ID and refuse an unknown one', async () => {
    const client = clientFor('healthy');
    await expect(client.revisions('1001', 'not-ours', 0)).rejects.toMatchObject({ kind: 'unknownIntegration', httpStatus: 404 });
  });
});

describe('Vitec simulator: a company that fails to connect', () => {
  it('fails reads of that company only, explained; failCompany turns it off again', async () => {
    const info = scenario(simulator, 'company-fails');
    const ctx = contextFor(simulator.url);
    const input = inputFor(info);
    const failed = await probeCompany(ctx, input, '1005');
    if (failed.ok) throw new Error('expected 1005 to fail');
    expect(render(failed.summary)).toBe('Company 1005 could not be read from Vitec Ekonomi.');
    expect(failed.diagnosis.vendor).toEqual({ code: 'company-unavailable', text: 'Företaget 1005 kunde inte öppnas just nu. Försök igen senare.', httpStatus: 503 });
    expect(render(failed.diagnosis.meaning)).toContain('The other companies are not affected');
    expect(await probeCompany(ctx, input, '1004')).toMatchObject({ ok: true, company: { id: '1004', active: true } });

    simulator.failCompany(info.credentials.domain, '1005', false);
    expect(await probeCompany(ctx, input, '1005')).toMatchObject({ ok: true });
    simulator.failCompany(info.credentials.domain, '1003', true);
    await expect(clientFor('company-fails').dataset('1003', 'accounts')).rejects.toBeInstanceOf(VitecApiError);
    expect((await admin('fail-company', { domain: info.credentials.domain, companyId: '1003', failing: false })).status).toBe(200);
    expect(await clientFor('company-fails').dataset('1003', 'accounts')).toHaveLength(10);
  });

  it('a company the user cannot reach is forbidden', async () => {
    await expect(clientFor('healthy').company('9999')).rejects.toMatchObject({ kind: 'forbidden', httpStatus: 403 });
  });
});

describe('Vitec simulator: the wire (ASSUMED API)', () => {
  it('names the installation by header, and says when it does not exist', async () => {
    const answer = await fetch(`${simulator.url}${API_PATHS.status}`, { headers: { [SANDBOX_DOMAIN_HEADER]: 'nosuch' } });
    expect(answer.status).toBe(404);
    expect(await answer.json()).toEqual({ error: 'unknown-domain', message: 'Installationen nosuch.vitec.net finns inte.' });
    const missing = await fetch(`${simulator.url}${API_PATHS.status}`);
    expect(missing.status).toBe(404);
    const known = await fetch(`${simulator.url}${API_PATHS.status}`, { headers: { [SANDBOX_DOMAIN_HEADER]: 'demo-healthy' } });
    expect(await known.json()).toEqual({ product: 'Vitec Ekonomi', installation: 'demo-healthy' });
  });

  it('takes Basic credentials in UTF-8 (the healthy password has an ö) and refuses Latin-1', async () => {
    const { credentials } = scenario(simulator, 'healthy');
    expect(credentials.password).toContain('ö');
    expect(await clientFor('healthy').me()).toEqual({ username: 'exopen.api', name: 'Exopen API' });
    const latin1 = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'latin1').toString('base64')}`;
    expect(latin1).not.toBe(basicAuthorization(credentials.username, credentials.password));
    const answer = await fetch(`${simulator.url}${API_PATHS.me}`, { headers: { [SANDBOX_DOMAIN_HEADER]: credentials.domain, authorization: latin1 } });
    expect(answer.status).toBe(401);
  });

  it('pages companies and hides inactive ones unless asked', async () => {
    const { credentials } = scenario(simulator, 'healthy');
    const headers = { [SANDBOX_DOMAIN_HEADER]: credentials.domain, authorization: basicAuthorization(credentials.username, credentials.password) };
    const active = await (await fetch(`${simulator.url}${API_PATHS.companies}?pageSize=100`, { headers })).json();
    expect(active.totalCount).toBe(35);
    const page2 = await (await fetch(`${simulator.url}${API_PATHS.companies}?includeInactive=true&page=2&pageSize=30`, { headers })).json();
    expect(page2.companies.map((company: { companyId: string }) => company.companyId)).toEqual(['1031', '1032', '1033', '1034', '1035', '1036', '1037', '1038', '1039', '1040']);
  });

  it('serves small Swedish datasets; vouchers balance and honour the dates', async () => {
    const client = clientFor('healthy');
    const accounts = await client.dataset('1001', 'accounts');
    expect(accounts.map((account) => account['number'])).toContain('3001');
    const customers = await client.dataset('1001', 'customers');
    expect(customers[0]).toMatchObject({ customerId: 'K1001', name: 'Byggmästarna i Mälardalen AB' });
    expect((await client.dataset('1001', 'suppliers')).length).toBe(3);
    expect((await client.dataset('1001', 'dimensions')).map((item) => item['dimension'])).toContain('Kostnadsställe');
    const vouchers = await client.dataset('1002', 'vouchers');
    expect(vouchers).toHaveLength(5);
    for (const voucher of vouchers) {
      const rows = voucher['rows'] as Array<{ debit: number; credit: number }>;
      const sum = rows.reduce((total, row) => total + row.debit - row.credit, 0);
      expect(Math.abs(sum)).toBeLessThan(0.001);
    }
    expect(await client.dataset('1002', 'vouchers', { from: '2024-02-01', to: '2024-12-31' })).toHaveLength(1);
  });

  it('answers admin mistakes with 400 naming the problem, unknown routes with 404', async () => {
    const bad = await admin('integration', { domain: 'nosuch', companyId: '1001', enabled: true });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/unknown domain "nosuch"/);
    expect((await admin('integration', { domain: 'demo-healthy', companyId: '1001' })).status).toBe(400);
    expect((await admin('nosuch', {})).status).toBe(404);
    const scenarios = await (await fetch(`${simulator.url}/_sandbox/scenarios`)).json();
    expect(scenarios.map((info: { id: string }) => info.id)).toEqual(simulator.scenarios.map((info) => info.id));
  });

  it('reset restores every scenario', async () => {
    const { domain } = scenario(simulator, 'healthy').credentials;
    simulator.setIntegrationEnabled(domain, '1001', false);
    expect((await admin('reset', {})).status).toBe(200);
    const integration = await clientFor('healthy').integration(scenario(simulator, 'healthy').credentials.integrationId);
    expect(integration.enabledCompanyIds).toContain('1001');
    expect(() => simulator.setIntegrationEnabled(domain, '4242', true)).toThrow(/has no company "4242"/);
  });
});

describe('Vitec simulator: scenarios', () => {
  it('each has its own domain and complete demo credentials', () => {
    expect(simulator.scenarios.map((info) => info.id)).toEqual([
      'healthy', 'integration-partial', 'unknown-integration', 'locked-user', 'expired-password', 'wrong-password', 'no-companies', 'all-inactive', 'company-fails', 'large', 'unknown-domain', 'connection-dropped',
    ]);
    expect(new Set(simulator.scenarios.map((info) => info.credentials.domain)).size).toBe(simulator.scenarios.length);
    for (const info of simulator.scenarios) {
      expect(info.credentials).toEqual({ domain: expect.any(String), username: expect.any(String), password: expect.any(String), integrationId: expect.any(String) });
    }
  });
});
