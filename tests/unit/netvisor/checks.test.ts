import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNetvisorConnector } from '../../../main/connectors/netvisor';
import type { CheckReport, CheckResult, MatrixRow } from '../../../main/connectors/types';
import { startNetvisorSimulator, type NetvisorSimulator } from '../../../main/connectors/netvisor/sandbox';
import { collectEvents, contextFor, inputFor, messagesIn, render, resultOf, scenario } from './helpers';

let simulator: NetvisorSimulator;
beforeAll(async () => {
  simulator = await startNetvisorSimulator();
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

const PARTNER_KEY = '10DF2FEE83FE7AF6A7904255AF607A6E';

async function run(scenarioId: string, fields: Record<string, string> = {}, ctxExtra = {}) {
  const ctx = contextFor(simulator, ctxExtra);
  const { events, onEvent } = collectEvents();
  const report = await createNetvisorConnector(ctx).runChecks(inputFor(scenario(simulator, scenarioId), fields), { onEvent });
  // Every message the run produced exists in English with every placeholder filled.
  for (const message of messagesIn(report)) render(message);
  return { report, events, requests: ctx.requests };
}

type Failing = Extract<CheckResult, { status: 'failed' | 'warning' }>;
function failing(report: CheckReport, checkId: string): Failing {
  const result = resultOf(report.results, checkId);
  if (result.status !== 'failed' && result.status !== 'warning') throw new Error(`${checkId} is ${result.status}`);
  return result;
}
const rowsOf = (report: CheckReport): ReadonlyArray<MatrixRow> => {
  const rights = resultOf(report.results, 'rights');
  return rights.status === 'skipped' ? [] : (rights.rows ?? []);
};
const statuses = (report: CheckReport) => Object.fromEntries(report.results.map((result) => [result.checkId, result.status]));

describe('Netvisor checks against each scenario', () => {
  it('healthy: everything passes, one company, progress streamed', async () => {
    const { report, events, requests } = await run('healthy');
    expect(report.overall).toBe('passed');
    expect(statuses(report)).toEqual({ reachable: 'passed', authentication: 'passed', company: 'passed', rights: 'passed' });
    expect(report.companies).toEqual([{ id: '1618033-3', name: 'Healthy company', businessId: '1618033-3', active: true }]);
    expect(rowsOf(report).map((row) => [row.id, row.status])).toEqual([
      ['accountlist.nv', 'allowed'], ['accountingledger.nv', 'allowed'], ['accountingperiodlist.nv', 'allowed'], ['vouchertypelist.nv', 'allowed'],
      ['dimensionlist.nv', 'allowed'], ['accountbalance.nv', 'allowed'], ['customerlist.nv', 'allowed'], ['getvendor.nv', 'allowed'],
      ['salesinvoicelist.nv', 'allowed'], ['purchaseinvoicelist.nv', 'allowed'],
    ]);
    // The root ping plus one read per resource: the auth probe's answer is reused by company and rights.
    expect(report.requestCount).toBe(11);
    expect(requests.filter((request) => request.url.includes('accountingperiodlist.nv'))).toHaveLength(1);
    const types = events.map((event) => (event.type === 'row' ? `row ${event.done}/${event.total}` : event.type));
    expect(types.slice(0, 6)).toEqual(['check-started', 'check-finished', 'check-started', 'check-finished', 'check-started', 'check-finished']);
    expect(types.slice(6, 17)).toEqual(['check-started', ...Array.from({ length: 10 }, (_, i) => `row ${i + 1}/10`)]);
    expect(types.slice(17)).toEqual(['check-finished', 'run-finished']);
  });

  it('two resources blocked: the rows say which, with Netvisor\'s text and the exact fix', async () => {
    const { report } = await run('two-blocked');
    expect(report.overall).toBe('failed');
    const rights = failing(report, 'rights');
    expect(rights.kind).toBe('customer-action');
    expect(render(rights.summary)).toBe('2 of 10 resources are blocked for Exopen.');
    const blocked = rowsOf(report).filter((row) => row.status !== 'allowed');
    expect(blocked.map((row) => row.id)).toEqual(['accountingledger.nv', 'salesinvoicelist.nv']);
    const ledger = blocked[0]!;
    expect(ledger.status).toBe('blocked');
    expect(ledger.vendor).toMatchObject({ code: 'SERVICE_ACCESS_ERROR', httpStatus: 403 });
    expect(ledger.vendor?.text).toMatch(/^SERVICE_ACCESS_ERROR :: .*accountingledger\.nv/);
    expect(render(ledger.fix)).toBe(`Company menu › Rights of interface resources › Custom integrations › search the partner key ${PARTNER_KEY} › set Accounting ledger to Allowed`);
    expect(render(rights.fix)).toContain('set Accounting ledger, Sales invoice list to Allowed');
    expect(report.companies).toHaveLength(1);
  });

  it('API not in the plan: keys and company pass, rights explain the plan', async () => {
    const { report } = await run('no-api');
    expect(statuses(report)).toEqual({ reachable: 'passed', authentication: 'passed', company: 'passed', rights: 'failed' });
    const rights = failing(report, 'rights');
    expect(render(rights.summary)).toBe("The company's Netvisor plan does not include the API.");
    expect(render(rights.fix)).toContain('Professional, Premium or Payroll');
    expect(rowsOf(report).every((row) => row.status === 'unavailable')).toBe(true);
  });

  it('no resources allowed yet: every row blocked, explained as such', async () => {
    const { report } = await run('no-rights-yet');
    expect(statuses(report)).toEqual({ reachable: 'passed', authentication: 'passed', company: 'passed', rights: 'failed' });
    expect(render(failing(report, 'rights').summary)).toBe('Netvisor refused all 10 resources.');
  });

  it('module not in the plan: a warning, not a failure', async () => {
    const { report } = await run('module-missing');
    expect(report.overall).toBe('warning');
    const rights = failing(report, 'rights');
    expect(rights.status).toBe('warning');
    expect(rowsOf(report).find((row) => row.id === 'purchaseinvoicelist.nv')?.status).toBe('unavailable');
  });

  it('wrong keys: authentication fails with the vendor text; later checks are skipped with the reason', async () => {
    const { report } = await run('wrong-keys');
    expect(statuses(report)).toEqual({ reachable: 'passed', authentication: 'failed', company: 'skipped', rights: 'skipped' });
    const auth = failing(report, 'authentication');
    expect(auth.kind).toBe('input');
    expect(auth.vendor).toEqual({ code: 'AUTHENTICATION_FAILED', text: 'AUTHENTICATION_FAILED :: Integration keys are not valid. Please check the keys specific to the user and partner.', httpStatus: 401 });
    expect(render(auth.fix)).toContain('Company menu › Api identifiers');
    expect(render(resultOf(report.results, 'company').summary)).toBe('Skipped: Netvisor did not accept the API user.');
    expect(render(resultOf(report.results, 'rights').summary)).toBe('Skipped: the company could not be reached.');
    expect(report.companies).toEqual([]);
  });

  it('unknown partner: explained as the environment / partner credentials', async () => {
    const { report } = await run('unknown-partner');
    const auth = failing(report, 'authentication');
    expect(auth.vendor?.text).toBe('AUTHENTICATION_FAILED :: Integraatiokumppania ei löydy, katso dokumentaatio');
    expect(auth.meaning.key).toBe('netvisor:diagnosis.auth.unknownPartner.meaning');
    expect(render(auth.fix)).toContain('Environment');
  });

  it("clock skew: says how far off the computer's clock is", async () => {
    const { report } = await run('clock-skew');
    const auth = failing(report, 'authentication');
    expect(auth.kind).toBe('customer-action');
    expect(render(auth.meaning)).toContain("your computer's clock is 17 minutes behind Netvisor's");
  });

  it('a Business ID the API user cannot reach: keys pass, company fails', async () => {
    const { report } = await run('healthy', { businessId: '3605551-3' });
    expect(statuses(report)).toEqual({ reachable: 'passed', authentication: 'passed', company: 'failed', rights: 'skipped' });
    const company = failing(report, 'company');
    expect(render(company.meaning)).toContain('cannot reach a company with Business ID 3605551-3');
    expect(report.companies).toEqual([]);
  });

  it('an unreachable host: refused explained, everything else skipped', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const { report } = await run('healthy', { environment: 'custom', baseUrl: `http://127.0.0.1:${port}` });
    expect(statuses(report)).toEqual({ reachable: 'failed', authentication: 'skipped', company: 'skipped', rights: 'skipped' });
    const reachable = failing(report, 'reachable');
    expect(reachable.kind).toBe('unreachable');
    expect(reachable.meaning.key).toBe('netvisor:diagnosis.network.refused.meaning');
  });

  it('a Netvisor that never answers: the request deadline that ran out is explained', async () => {
    simulator.failNext(scenario(simulator, 'healthy').credentials.customerId, { kind: 'hang' });
    const { report } = await run('healthy', {}, { timeoutMs: 300 });
    const auth = failing(report, 'authentication');
    expect(auth.kind).toBe('unreachable');
    expect(auth.meaning.key).toBe('netvisor:diagnosis.network.deadline.meaning');
    expect(auth.meaning.params).toMatchObject({ scope: 'request', seconds: 1 });
  });

  it('maintenance during the rights check: that row is an error with the vendor text', async () => {
    const { customerId } = scenario(simulator, 'healthy').credentials;
    // Queue maintenance for the second signed request of the next run (the first is the auth probe).
    const ctx = contextFor(simulator);
    const { onEvent } = collectEvents();
    const connector = createNetvisorConnector(ctx);
    let injected = false;
    const report = await connector.runChecks(inputFor(scenario(simulator, 'healthy')), {
      onEvent: (event) => {
        onEvent(event);
        if (event.type === 'check-started' && event.checkId === 'rights' && !injected) {
          injected = true;
          simulator.failNext(customerId, { kind: 'error', code: 'SYSTEM_MAINTANANCE', text: 'Huoltokatko' });
        }
      },
    });
    const row = rowsOf(report).find((candidate) => candidate.status === 'error');
    if (!row || row.status === 'allowed') throw new Error('expected an error row');
    expect(row.id).toBe('accountlist.nv');
    expect(row.vendor).toEqual({ code: 'SYSTEM_MAINTANANCE', text: 'SYSTEM_MAINTANANCE :: Huoltokatko', httpStatus: 503 });
    expect(row.meaning.key).toBe('netvisor:diagnosis.code.maintenance.meaning');
    expect(failing(report, 'rights').kind).toBe('unreachable');
  });

  it('without partner credentials: a clear input failure, not a crash', async () => {
    const { report } = await run('healthy', {}, { partnerCredentials: { describe: async () => 'none', get: async () => undefined } });
    expect(statuses(report)).toEqual({ reachable: 'passed', authentication: 'failed', company: 'skipped', rights: 'skipped' });
    const auth = failing(report, 'authentication');
    expect(auth.kind).toBe('input');
    expect(auth.meaning.key).toBe('netvisor:diagnosis.partner.missing.meaning');
  });

  it('a bad Business ID: authentication names the field and the fix', async () => {
    const { report } = await run('healthy', { businessId: '1618033-4' });
    const auth = failing(report, 'authentication');
    expect(auth.kind).toBe('input');
    expect(render(auth.meaning)).toContain('the check digit should be 3 for 1618033');
    expect(report.requestCount).toBe(1);
  });

  it('a cancelled run skips what it did not start', async () => {
    const controller = new AbortController();
    controller.abort();
    const ctx = contextFor(simulator);
    const report = await createNetvisorConnector(ctx).runChecks(inputFor(scenario(simulator, 'healthy')), { signal: controller.signal, onEvent: () => undefined });
    expect(report.results.map((result) => render(result.summary))).toEqual(Array(4).fill('Skipped: the test was cancelled.'));
    expect(report.requestCount).toBe(0);
  });

  it('never leaks the customer key or the partner key', async () => {
    const ctx = contextFor(simulator);
    const { events, onEvent } = collectEvents();
    const info = scenario(simulator, 'wrong-keys');
    const report = await createNetvisorConnector(ctx).runChecks(inputFor(info), { onEvent });
    const everything = JSON.stringify({ report, events, requests: ctx.requests });
    expect(everything).not.toContain(info.credentials.customerKey);
    expect(everything).not.toContain(simulator.partner.partnerKey);
  });
});
