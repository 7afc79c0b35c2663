import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createProcountorConnector, UnknownCheckError } from '../../../main/connectors/procountor';
import { startProcountorSimulator, type ProcountorSimulator } from '../../../main/connectors/procountor/sandbox';
import { collectEvents, contextFor, inputFor, resultOf, rowsOf, scenario, statuses } from './helpers';

let simulator: ProcountorSimulator;
beforeAll(async () => {
  simulator = await startProcountorSimulator();
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

async function firstRun(scenarioId: string) {
  const ctx = contextFor(simulator);
  const connector = createProcountorConnector(ctx);
  const input = inputFor(scenario(simulator, scenarioId));
  const report = await connector.runChecks(input, { onEvent: () => undefined });
  ctx.requests.length = 0;
  return { ctx, connector, input, report };
}

const paths = (requests: ReadonlyArray<{ url: string }>) => requests.map((request) => new URL(request.url).pathname.replace('/api/', ''));

describe('re-running only what failed', () => {
  it('re-tests just the refused rows after the admin gives the rights, keeping the rest', async () => {
    const { ctx, connector, input, report: previous } = await firstRun('no-accounting-rights');
    const failed = rowsOf(previous, 'rights').filter((row) => row.status !== 'allowed').map((row) => `rights:${row.id}`);
    expect(failed).toEqual(['rights:ledgerReceipts', 'rights:chartOfAccounts']);
    simulator.setRight('no-accounting-rights', 'ledgerReceipts', 'VIEWING_RIGHTS');
    simulator.setRight('no-accounting-rights', 'chartOfAccounts', 'VIEWING_RIGHTS');
    const { events, onEvent } = collectEvents();
    const report = await connector.runChecks(input, { only: failed, previous, onEvent });

    expect(statuses(report)).toEqual({ token: 'passed', identity: 'passed', rights: 'passed', data: 'warning', documents: 'passed' });
    expect(rowsOf(report, 'rights').every((row) => row.status === 'allowed')).toBe(true);
    expect(rowsOf(report, 'rights')).toHaveLength(8);
    // Dependencies are re-proved (token, identity), then the user rights and only the two rows.
    expect(paths(ctx.requests)).toEqual(['oauth/token', 'sessioninfo', 'company', 'users/rights', 'ledgerreceipts', 'coa']);
    expect(events.filter((event) => event.type === 'row').map((event) => (event.type === 'row' ? [event.row.id, event.done, event.total] : []))).toEqual([
      ['ledgerReceipts', 1, 2],
      ['chartOfAccounts', 2, 2],
    ]);
    // Not re-run: the data check keeps its earlier (refused) verdict until it is re-tested too.
    expect(resultOf(report.results, 'data')).toBe(resultOf(previous.results, 'data'));
  });

  it('data rows re-run on their own, sharing nothing but the dependencies', async () => {
    const { ctx, connector, input, report: previous } = await firstRun('empty-data');
    const report = await connector.runChecks(input, { only: ['data:ledgerReceipts'], previous, onEvent: () => undefined });
    expect(paths(ctx.requests)).toEqual(['oauth/token', 'sessioninfo', 'company', 'users/rights', 'ledgerreceipts']);
    expect(rowsOf(report, 'data').map((row) => [row.id, row.status])).toEqual([
      ['ledgerReceipts', 'unavailable'], ['chartOfAccounts', 'allowed'], ['fiscalYears', 'allowed'], ['salesInvoices', 'unavailable'], ['purchaseInvoices', 'unavailable'],
    ]);
  });

  it('re-running one check keeps the other results from the previous report', async () => {
    const { connector, input, report: previous } = await firstRun('documents-off');
    simulator.setDocuments('documents-off', true);
    const report = await connector.runChecks(input, { only: ['documents'], previous, onEvent: () => undefined });
    expect(resultOf(report.results, 'rights')).toBe(resultOf(previous.results, 'rights'));
    expect(resultOf(report.results, 'documents').status).toBe('passed');
    expect(report.overall).toBe('passed');
    expect(report.requestCount).toBe(4);
  });

  it('a kept result falls when what it depends on fails now', async () => {
    const { connector, report: previous } = await firstRun('healthy');
    const report = await connector.runChecks(inputFor(scenario(simulator, 'revoked-key')), { only: ['token'], previous, onEvent: () => undefined });
    expect(report.results.map((result) => result.status)).toEqual(['failed', 'skipped', 'skipped', 'skipped', 'skipped']);
    expect(report.companies).toEqual([]);
  });

  it('rejects names that are neither a check nor a row', async () => {
    const { connector, input } = await firstRun('healthy');
    for (const only of [['rights:nosuch'], ['data:products'], ['token:x'], ['dns']]) {
      await expect(connector.runChecks(input, { only, onEvent: () => undefined })).rejects.toBeInstanceOf(UnknownCheckError);
    }
    await expect(connector.runChecks(input, { only: ['dns'], onEvent: () => undefined })).rejects.toThrow(/unknown Procountor check or row: dns/i);
  });
});
