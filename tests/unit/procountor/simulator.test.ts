import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseBusinessId } from '../../../main/connectors/netvisor/businessId';
import { inspectApiKey } from '../../../main/connectors/procountor/apiKey';
import { startProcountorSimulator, type ProcountorSimulator } from '../../../main/connectors/procountor/sandbox';
import { scenario } from './helpers';

let simulator: ProcountorSimulator;
beforeAll(async () => {
  simulator = await startProcountorSimulator();
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

async function token(scenarioId = 'healthy'): Promise<string> {
  const response = await fetch(`${simulator.url}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: simulator.partner.clientId, client_secret: simulator.partner.clientSecret, api_key: scenario(simulator, scenarioId).credentials.apiKey }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

const get = async (path: string, bearer?: string) => {
  const response = await fetch(`${simulator.url}/${path}`, bearer ? { headers: { Authorization: `Bearer ${bearer}` } } : {});
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
};

const admin = (path: string, body: unknown) =>
  fetch(`${simulator.url.replace(/\/api$/, '')}/_sandbox/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('Procountor simulator', () => {
  it('offers demo credentials for every scenario, JWT-shaped keys with the documented claims', () => {
    expect(simulator.scenarios.map((info) => info.id)).toEqual(
      expect.arrayContaining(['healthy', 'no-accounting-rights', 'documents-off', 'revoked-key', 'other-company', 'throttled', 'empty-data']),
    );
    for (const info of simulator.scenarios) {
      expect(Object.keys(info.credentials)).toEqual(['apiKey']);
      const key = inspectApiKey(info.credentials.apiKey);
      if (info.id === 'malformed-key') expect(key.shape).toBe('truncated');
      else if (info.id === 'test-server-key') expect(key).toMatchObject({ shape: 'jwt', claims: { iss: 'https://pts-api.procountor.com/api' } });
      else expect(key).toMatchObject({ shape: 'jwt', claims: { sub: expect.any(String), iss: simulator.url, cid: Number(info.company.id) } });
    }
    expect(scenario(simulator, 'other-company').expectedCompany).toEqual(scenario(simulator, 'healthy').company);
    expect(scenario(simulator, 'no-accounting-rights').expectMissing).toEqual(['ledgerReceipts', 'chartOfAccounts']);
    expect(simulator.partner.clientId).toBe('exopenClient');
  });

  it('the token endpoint checks the grant, the client and the key, OAuth-style', async () => {
    const post = async (form: Record<string, string>, headers: Record<string, string> = {}) => {
      const response = await fetch(`${simulator.url}/oauth/token`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(form) });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const apiKey = scenario(simulator, 'healthy').credentials.apiKey;
    const { clientId, clientSecret } = simulator.partner;
    expect(await post({ grant_type: 'password', client_id: clientId, client_secret: clientSecret, api_key: apiKey })).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
    expect(await post({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret })).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(await post({ grant_type: 'client_credentials', client_id: 'someone', client_secret: 'x', api_key: apiKey })).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    const basic = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
    const viaBasic = await post({ grant_type: 'client_credentials', api_key: apiKey }, { Authorization: basic });
    expect(viaBasic).toMatchObject({ status: 200, body: { token_type: 'bearer', expires_in: 3600, access_token: expect.any(String) } });
    expect(JSON.stringify(viaBasic.body)).not.toContain(apiKey);
  });

  it('every API call needs a live Bearer token', async () => {
    const missing = await get('sessioninfo');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(missing.body).toEqual({ errors: [{ status: 401, field: '', message: expect.stringMatching(/^Unauthorized/) }] });
    const bearer = await token();
    expect((await get('sessioninfo', bearer)).status).toBe(200);
    simulator.expireTokens();
    expect((await get('sessioninfo', bearer)).status).toBe(401);
    expect((await get('status')).body).toMatchObject({ status: 'OK' });
  });

  it('answers the OpenAPI shapes: session info, company, user rights', async () => {
    const bearer = await token('no-accounting-rights');
    expect((await get('sessioninfo', bearer)).body).toEqual({
      companyId: 100202, name: 'Rajattu Kirjanpito Oy', country: 'FINLAND', productVersion: 'FINANCIALS_PREMIUM', userId: 5102, userName: 'Integraatio Käyttäjä', companySettings: { invoiceDiscussionEnabled: false },
    });
    const company = (await get('company', bearer)).body;
    expect(company['businessIdentifier']).toEqual({ brnType: 'FI', code: '3141593-8' });
    expect(parseBusinessId('3141593-8').ok).toBe(true);
    const rights = (await get('users/rights', bearer)).body as { role: string; rights: Record<string, Record<string, unknown>> };
    expect(rights.rights['accounting']).toMatchObject({ journalReceipts: 'NO_ACCESS', journalReceiptSearch: 'NO_ACCESS', personalJournalReceiptsOnly: false, archive: 'VIEWING_RIGHTS' });
    expect(rights.rights['management']?.['chartOfAccountsAndDefaultReports']).toBe('NO_ACCESS');
    expect(await get('coa', bearer)).toMatchObject({ status: 403, body: { errors: [{ status: 403, message: 'Insufficient user rights' }] } });
  });

  it('throttles more than 20 requests per second per client with 429 and Retry-After', async () => {
    const bearer = await token();
    const answers = await Promise.all(Array.from({ length: 30 }, () => fetch(`${simulator.url}/products?size=1`, { headers: { Authorization: `Bearer ${bearer}` } })));
    const throttled = answers.filter((answer) => answer.status === 429);
    expect(throttled.length).toBeGreaterThanOrEqual(10);
    expect(Number(throttled[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(simulator.stats()).toMatchObject({ requests: 31, throttled: throttled.length });
  });

  it('Documents off answers 403 with a document-management message', async () => {
    const off = await get('attachments', await token('documents-off'));
    expect(off).toMatchObject({ status: 403, body: { errors: [{ message: expect.stringMatching(/^Document management is not active/) }] } });
    simulator.setDocuments('documents-off', true);
    expect((await get('attachments', await token('documents-off'))).body).toMatchObject({ meta: { totalCount: 5 } });
  });

  it('admin endpoints change rights (by scenario or key), validate input and reset', async () => {
    const bearer = await token();
    expect((await admin('rights', { scenario: 'healthy', area: 'ledgerReceipts', level: 'NO_ACCESS' })).status).toBe(200);
    expect((await get('ledgerreceipts', bearer)).status).toBe(403);
    simulator.setRight(scenario(simulator, 'healthy').credentials.apiKey, 'ledgerReceipts', 'VIEWING_RIGHTS');
    expect((await get('ledgerreceipts', bearer)).status).toBe(200);
    await admin('limitations', { scenario: 'healthy', right: 'accounting.personalJournalReceiptsOnly', on: true });
    expect((await get('ledgerreceipts', bearer)).body).toMatchObject({ meta: { totalCount: 0 } });

    const missing = await admin('rights', { scenario: 'healthy', area: 'coa' });
    expect(((await missing.json()) as { error: string }).error).toMatch(/^level: /);
    const badArea = await admin('rights', { scenario: 'healthy', area: 'payroll', level: 'NO_ACCESS' });
    expect(((await badArea.json()) as { error: string }).error).toMatch(/unknown area "payroll"/);
    const badLevel = await admin('rights', { scenario: 'healthy', area: 'ledgerReceipts', level: 'SOME' });
    expect(((await badLevel.json()) as { error: string }).error).toMatch(/unknown level "SOME"/);
    const nobody = await admin('documents', { scenario: 'nobody', on: true });
    expect(nobody.status).toBe(400);

    expect((await fetch(`${simulator.url}/_sandbox/reset`, { method: 'POST' })).status).toBe(200);
    expect((await get('ledgerreceipts', await token())).body).toMatchObject({ meta: { totalCount: 120 } });
    const list = (await (await fetch(`${simulator.url}/_sandbox/scenarios`)).json()) as Array<{ id: string }>;
    expect(list.map((item) => item.id)).toContain('throttled');
  });
});
