import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNetvisorConnector, UnknownCheckError } from '../../../main/connectors/netvisor';
import type { CheckReport, MatrixRow } from '../../../main/connectors/types';
import { startNetvisorSimulator, type NetvisorSimulator } from '../../../main/connectors/netvisor/sandbox';
import { collectEvents, contextFor, inputFor, resultOf, scenario } from './helpers';

let simulator: NetvisorSimulator;
beforeAll(async () => {
  simulator = await startNetvisorSimulator();
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

const rowsOf = (report: CheckReport): ReadonlyArray<MatrixRow> => {
  const rights = resultOf(report.results, 'rights');
  return rights.status === 'skipped' ? [] : (rights.rows ?? []);
};

async function firstRun(scenarioId: string) {
  const ctx = contextFor(simulator);
  const connector = createNetvisorConnector(ctx);
  const input = inputFor(scenario(simulator, scenarioId));
  const report = await connector.runChecks(input, { onEvent: () => undefined });
  ctx.requests.length = 0;
  return { ctx, connector, input, report };
}

describe('re-running only what failed', () => {
  it('re-tests just the blocked rows after the admin allows them (setRight), keeping the rest', async () => {
    const { ctx, connector, input, report: previous } = await firstRun('two-blocked');
    const failedRows = rowsOf(previous).filter((row) => row.status !== 'allowed').map((row) => `rights:${row.id}`);
    expect(failedRows).toEqual(['rights:accountingledger.nv', 'rights:salesinvoicelist.nv']);

    const { customerId } = scenario(simulator, 'two-blocked').credentials;
    simulator.setRight(customerId, 'accountingledger.nv', true);
    simulator.setRight(customerId, 'salesinvoicelist.nv', true);
    const { events, onEvent } = collectEvents();
    const report = await connector.runChecks(input, { only: failedRows, previous, onEvent });

    expect(report.overall).toBe('passed');
    expect(rowsOf(report).every((row) => row.status === 'allowed')).toBe(true);
    expect(rowsOf(report)).toHaveLength(10);
    // Dependencies are re-proved (root ping + the auth probe), then only the two rows.
    const paths = ctx.requests.map((request) => new URL(request.url).pathname);
    expect(paths).toEqual(['/', '/accountingperiodlist.nv', '/accountingledger.nv', '/salesinvoicelist.nv']);
    expect(report.requestCount).toBe(4);
    expect(events.filter((event) => event.type === 'row').map((event) => (event.type === 'row' ? [event.row.id, event.done, event.total] : []))).toEqual([
      ['accountingledger.nv', 1, 2],
      ['salesinvoicelist.nv', 2, 2],
    ]);
  });

  it('the admin endpoint fixes rights the same way; a still-blocked row stays failed', async () => {
    const { connector, input, report: previous } = await firstRun('two-blocked');
    const { customerId } = scenario(simulator, 'two-blocked').credentials;
    const response = await fetch(`${simulator.url}/_sandbox/rights`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customerId, resource: 'AccountingLedger.nv', allowed: true }),
    });
    expect(response.status).toBe(200);
    const report = await connector.runChecks(input, { only: ['rights:accountingledger', 'rights:salesinvoicelist.nv'], previous, onEvent: () => undefined });
    expect(rowsOf(report).filter((row) => row.status !== 'allowed').map((row) => row.id)).toEqual(['salesinvoicelist.nv']);
    expect(report.overall).toBe('failed');
  });

  it('re-running one check keeps the other results from the previous report', async () => {
    const { connector, input, report: previous } = await firstRun('two-blocked');
    const report = await connector.runChecks(input, { only: ['authentication'], previous, onEvent: () => undefined });
    expect(resultOf(report.results, 'rights')).toBe(resultOf(previous.results, 'rights'));
    expect(resultOf(report.results, 'company')).toBe(resultOf(previous.results, 'company'));
    expect(report.requestCount).toBe(2);
  });

  it('a kept result falls when what it depends on fails now', async () => {
    const { connector, input, report: previous } = await firstRun('healthy');
    const report = await connector.runChecks({ ...input, secrets: { customerKey: 'a-different-key' } }, { only: ['authentication'], previous, onEvent: () => undefined });
    expect(report.results.map((result) => result.status)).toEqual(['passed', 'failed', 'skipped', 'skipped']);
    expect(report.companies).toEqual([]);
  });

  it('rejects names that are neither a check nor a rights row', async () => {
    const { connector, input } = await firstRun('healthy');
    await expect(connector.runChecks(input, { only: ['rights:nosuch.nv'], onEvent: () => undefined })).rejects.toBeInstanceOf(UnknownCheckError);
    await expect(connector.runChecks(input, { only: ['dns'], onEvent: () => undefined })).rejects.toThrow(/unknown Netvisor check or row: dns/i);
  });
});
