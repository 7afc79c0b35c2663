import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createProcountorConnector } from '../../../main/connectors/procountor';
import type { ConnectorContext } from '../../../main/connectors/context';
import type { CheckReport } from '../../../main/connectors/types';
import { startProcountorSimulator, type ProcountorSimulator } from '../../../main/connectors/procountor/sandbox';
import { assertNoSecrets, collectEvents, contextFor, failing, inputFor, messagesIn, render, rowsOf, scenario, statuses } from './helpers';

let simulator: ProcountorSimulator;
beforeAll(async () => {
  simulator = await startProcountorSimulator();
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

async function run(scenarioId: string, fields: Record<string, string> = {}, ctxExtra: Partial<ConnectorContext> = {}, previous?: CheckReport) {
  const ctx = contextFor(simulator, ctxExtra);
  const { events, onEvent } = collectEvents();
  const info = scenario(simulator, scenarioId);
  const report = await createProcountorConnector(ctx).runChecks(inputFor(info, fields), { onEvent, ...(previous ? { previous } : {}) });
  // Every message the run produced exists in English with every placeholder filled, and no secret leaked.
  for (const message of messagesIn(report)) render(message);
  assertNoSecrets({ report, events, requests: ctx.requests }, [info.credentials.apiKey, simulator.partner.clientSecret]);
  return { report, events, requests: ctx.requests };
}

const ALL_PASSED = { token: 'passed', identity: 'passed', rights: 'passed', data: 'passed', documents: 'passed' };
const AFTER_TOKEN = { token: 'failed', identity: 'skipped', rights: 'skipped', data: 'skipped', documents: 'skipped' };

describe('Procountor checks against each scenario', () => {
  it('healthy: everything passes, the company and user are named, progress streamed', async () => {
    const { report, events } = await run('healthy');
    expect(report.overall).toBe('passed');
    expect(statuses(report)).toEqual(ALL_PASSED);
    expect(report.companies).toEqual([{ id: '100201', name: 'Aurinkoranta Oy', businessId: '1123581-7', active: true }]);
    const identity = report.results.find((result) => result.checkId === 'identity')!;
    expect(render(identity.summary)).toBe('The key belongs to the user Exopen API in Aurinkoranta Oy (1123581-7, Procountor company ID 100201).');
    expect(rowsOf(report, 'rights').map((row) => [row.id, row.status])).toEqual([
      ['ledgerReceipts', 'allowed'], ['chartOfAccounts', 'allowed'], ['fiscalYears', 'allowed'], ['salesInvoices', 'allowed'],
      ['purchaseInvoices', 'allowed'], ['businessPartners', 'allowed'], ['dimensions', 'allowed'], ['products', 'allowed'],
    ]);
    expect(rowsOf(report, 'data').map((row) => row.id)).toEqual(['ledgerReceipts', 'chartOfAccounts', 'fiscalYears', 'salesInvoices', 'purchaseInvoices']);
    // token + sessioninfo + company + users/rights + one probe per area (shared by rights and data) + attachments.
    expect(report.requestCount).toBe(13);
    const types = events.map((event) => (event.type === 'row' ? `row ${event.checkId} ${event.done}/${event.total}` : event.type));
    expect(types.slice(0, 5)).toEqual(['check-started', 'check-finished', 'check-started', 'check-finished', 'check-started']);
    expect(types.slice(5, 13)).toEqual(Array.from({ length: 8 }, (_, i) => `row rights ${i + 1}/8`));
    expect(types.slice(-2)).toEqual(['check-finished', 'run-finished']);
  });

  it('user without accounting rights: the matrix names the refused areas, with the right to give', async () => {
    const { report } = await run('no-accounting-rights');
    expect(report.overall).toBe('failed');
    const rights = failing(report, 'rights');
    expect(rights.kind).toBe('customer-action');
    expect(render(rights.summary)).toBe('2 of 8 areas are refused to the API user.');
    const refused = rowsOf(report, 'rights').filter((row) => row.status !== 'allowed');
    expect(refused.map((row) => [row.id, row.status])).toEqual([['ledgerReceipts', 'blocked'], ['chartOfAccounts', 'blocked']]);
    expect(refused.map((row) => row.id)).toEqual(scenario(simulator, 'no-accounting-rights').expectMissing);
    const ledger = refused[0]!;
    expect(ledger.vendor).toEqual({ text: 'Insufficient user rights', httpStatus: 403 });
    expect(render(ledger.fix)).toBe(
      "In Procountor's user management (Management › Users) open Integraatio Käyttäjä and set Accounting › Journal receipts to Viewing rights (enough for Exopen, which only reads).",
    );
    expect(render(rights.fix)).toContain('give at least Viewing rights to: Accounting › Journal receipts; Management › Chart of accounts and default reports.');
    // The data check does not count what it may not read, and says so.
    expect(failing(report, 'data').status).toBe('warning');
    expect(statuses(report)['documents']).toBe('passed');
    expect(report.companies).toHaveLength(1);
  });

  it('empty data: rights fine, no receipts or invoices, a warning with the likely causes', async () => {
    const { report } = await run('empty-data');
    expect(report.overall).toBe('warning');
    expect(statuses(report)).toEqual({ ...ALL_PASSED, data: 'warning' });
    const data = failing(report, 'data');
    expect(render(data.summary)).toBe('3 of 5 areas answer but are empty.');
    expect(render(data.meaning)).toContain('Either the company is new');
    expect(render(data.fix)).toContain('Personal journal receipts only');
    const empty = rowsOf(report, 'data').filter((row) => row.status !== 'allowed');
    expect(empty.map((row) => row.id)).toEqual(scenario(simulator, 'empty-data').expectMissing);
    expect(empty.map((row) => render(row.meaning))).toEqual([
      'No ledger receipts dated in the last 12 months.',
      'No sales invoices dated in the last 12 months.',
      'No purchase invoices dated in the last 12 months.',
    ]);
  });

  it('personal receipts only: the empty-data warning names the limitation to turn off', async () => {
    const { report } = await run('personal-only');
    const data = failing(report, 'data');
    expect(render(data.meaning)).toContain('Personal journal receipts only, Personal sales invoices only, Personal purchase invoices only');
    expect(render(data.fix)).toBe("In Procountor's user management (Management › Users) open Exopen API and turn off Personal journal receipts only, Personal sales invoices only, Personal purchase invoices only. Then test again.");
    expect(statuses(report)['rights']).toBe('passed');
  });

  it('Documents off: an optional warning, where to turn it on and the fee note', async () => {
    const { report } = await run('documents-off');
    expect(report.overall).toBe('warning');
    const documents = failing(report, 'documents');
    expect(documents.status).toBe('warning');
    expect(render(documents.summary)).toBe('Documents are off: invoice images and attachments will not sync.');
    expect(render(documents.fix)).toContain('Management › Company info › Usage settings › Documents › Activate Documents in environment');
    expect(render(documents.fix)).toContain('Procountor may charge a fee for each downloaded document');
    expect(documents.vendor?.httpStatus).toBe(403);
    expect(documents.vendor?.text).toMatch(/^Document management is not active/);
  });

  it('Documents switched on through the simulator: passed', async () => {
    simulator.setDocuments('documents-off', true);
    const { report } = await run('documents-off');
    expect(render(report.results.find((result) => result.checkId === 'documents')!.summary)).toBe('Documents are on: Exopen can download invoice images and attachments.');
  });

  it('a feature outside the product: a rights warning, and no empty-data warning for it', async () => {
    const { report } = await run('purchases-not-enabled');
    const rights = failing(report, 'rights');
    expect(rights.status).toBe('warning');
    expect(render(rights.meaning)).toContain('Purchases › Purchase invoice search');
    expect(statuses(report)['data']).toBe('passed');
  });

  it('revoked key: "create a new key", everything after the token skipped', async () => {
    const { report } = await run('revoked-key');
    expect(statuses(report)).toEqual(AFTER_TOKEN);
    const token = failing(report, 'token');
    expect(token.kind).toBe('customer-action');
    expect(token.vendor).toEqual({ code: 'invalid_grant', text: 'The API key has been revoked', httpStatus: 401 });
    expect(render(token.fix)).toMatch(/^Create a new key in Procountor \(Basics › API client keys › New API key\)/);
    expect(render(report.results[1]!.summary)).toBe('Skipped: Procountor did not accept the API key.');
    expect(render(report.results[2]!.summary)).toBe("Skipped: the key's company could not be confirmed.");
    expect(report.companies).toEqual([]);
    expect(report.requestCount).toBe(1);
  });

  it('key made for another integration: names its client ID and exopenClient', async () => {
    const { report } = await run('foreign-key');
    const token = failing(report, 'token');
    expect(token.kind).toBe('input');
    expect(render(token.meaning)).toBe(
      'This key was made for another integration (client ID “otherIntegrationClient”), not for Exopen\'s client ID exopenClient. A Procountor key only works for the client it was made for.',
    );
  });

  it('key copied in part: "copy the whole key"', async () => {
    const { report } = await run('malformed-key');
    const token = failing(report, 'token');
    expect(token.meaning.key).toBe('procountor:diagnosis.token.malformed.meaning');
    expect(render(token.fix)).toMatch(/^Copy the whole key again/);
  });

  it('throttled: waits out the 429s as Retry-After says and passes', async () => {
    const { report, requests } = await run('throttled');
    expect(report.overall).toBe('passed');
    expect(requests.filter((request) => request.status === 429)).toHaveLength(2);
    expect(report.requestCount).toBe(15);
  });

  it('key of another company: passes on its own and reports that company for the swap to compare', async () => {
    const { report } = await run('other-company');
    expect(report.overall).toBe('passed');
    expect(report.companies.map((company) => company.id)).toEqual(['100777']);
    expect(report.companies[0]?.id).not.toBe(scenario(simulator, 'other-company').expectedCompany?.id);
  });

  it('key of another company, re-tested against the earlier report: identity fails and names both companies', async () => {
    const { report: healthy } = await run('healthy');
    const { report } = await run('other-company', {}, {}, healthy);
    expect(statuses(report)).toEqual({ token: 'passed', identity: 'failed', rights: 'skipped', data: 'skipped', documents: 'skipped' });
    const identity = failing(report, 'identity');
    expect(identity.kind).toBe('input');
    expect(render(identity.summary)).toBe('This key belongs to Toinen Yhtiö Oy (100777), not to Aurinkoranta Oy (100201).');
    expect(report.companies).toEqual([]);
  });

  it('without partner credentials: a clear input failure, not a crash', async () => {
    const { report } = await run('healthy', {}, { partnerCredentials: { describe: async () => 'none', get: async () => undefined } });
    expect(statuses(report)).toEqual(AFTER_TOKEN);
    expect(failing(report, 'token').meaning.key).toBe('procountor:diagnosis.partner.missing.meaning');
    expect(report.requestCount).toBe(0);
  });

  it('a wrong client secret: explained as Exopen\'s credentials, not the customer\'s key', async () => {
    const { report } = await run('healthy', {}, { partnerCredentials: { describe: async () => 'keychain', get: async () => ({ clientId: 'exopenClient', clientSecret: 'not-the-secret' }) } });
    const token = failing(report, 'token');
    expect(token.vendor).toEqual({ code: 'invalid_client', text: 'Client authentication failed', httpStatus: 401 });
    expect(token.meaning.key).toBe('procountor:diagnosis.token.client.meaning');
  });

  it('an API key with a line break inside: named as a field problem before anything is sent', async () => {
    const ctx = contextFor(simulator);
    const key = scenario(simulator, 'healthy').credentials.apiKey;
    const report = await createProcountorConnector(ctx).runChecks({ fields: { environment: 'sandbox' }, secrets: { apiKey: `${key.slice(0, 40)}\n${key.slice(40)}` } }, { onEvent: () => undefined });
    const token = failing(report, 'token');
    expect(token.kind).toBe('input');
    expect(render(token.meaning)).toMatch(/^API key: it contains spaces or line breaks/);
    expect(report.requestCount).toBe(0);
  });

  it('an unreachable host: refused explained, everything else skipped', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const { report } = await run('healthy', { environment: 'custom', baseUrl: `http://127.0.0.1:${port}/api` });
    expect(statuses(report)).toEqual(AFTER_TOKEN);
    const token = failing(report, 'token');
    expect(token.kind).toBe('unreachable');
    expect(token.meaning.key).toBe('procountor:diagnosis.network.refused.meaning');
  });

  it('a host that is not Procountor: the token answer is explained as the wrong address', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html><body>Welcome to the proxy</body></html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { report } = await run('healthy', { environment: 'custom', baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api` });
      const token = failing(report, 'token');
      expect(token.meaning.key).toBe('procountor:diagnosis.parse.custom.meaning');
      expect(token.kind).toBe('input');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('a cancelled run skips what it did not start', async () => {
    const controller = new AbortController();
    controller.abort();
    const report = await createProcountorConnector(contextFor(simulator)).runChecks(inputFor(scenario(simulator, 'healthy')), { signal: controller.signal, onEvent: () => undefined });
    expect(report.results.map((result) => result.status)).toEqual(['skipped', 'skipped', 'skipped', 'skipped', 'skipped']);
    expect(report.requestCount).toBe(0);
  });
});
