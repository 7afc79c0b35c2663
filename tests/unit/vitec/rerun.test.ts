/** Re-running only what failed (`only`) and keeping the rest (`previous`). */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createVitecConnector, UnknownCheckError } from '../../../main/connectors/vitec';
import { startVitecSimulator, type VitecSimulator } from '../../../main/connectors/vitec/sandbox';
import { collectEvents, contextFor, inputFor, resultOf, rowsOf, scenario } from './helpers';

let simulator: VitecSimulator;
beforeAll(async () => {
  simulator = await startVitecSimulator();
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

async function firstRun(id: string) {
  const ctx = contextFor(simulator.url);
  const connector = createVitecConnector(ctx);
  const input = inputFor(scenario(simulator, id));
  const report = await connector.runChecks(input, { onEvent: () => undefined });
  ctx.requests.length = 0;
  return { ctx, connector, input, report };
}

describe('Vitec re-runs', () => {
  it('after the admin enables the integration for the 3 companies, re-testing those rows passes and clears the notes', async () => {
    const { ctx, connector, input, report: previous } = await firstRun('integration-partial');
    const missing = rowsOf(previous).filter((row) => row.status !== 'allowed').map((row) => `integration:${row.id}`);
    expect(missing).toEqual(['integration:1007', 'integration:1019', 'integration:1033']);
    const { domain } = scenario(simulator, 'integration-partial').credentials;
    for (const entry of missing) simulator.setIntegrationEnabled(domain, entry.split(':')[1]!, true);

    const { events, onEvent } = collectEvents();
    const report = await connector.runChecks(input, { only: missing, previous, onEvent });
    expect(report.overall).toBe('passed');
    expect(report.companies.some((company) => company.note)).toBe(false);
    expect(report.companies).toHaveLength(40);
    // Dependencies are re-proved: status, sign-in, the company list, then the integration.
    expect(ctx.requests.map((request) => request.checkId)).toEqual(['domain', 'login', 'companies', 'integration']);
    expect(events.filter((event) => event.type === 'row')).toHaveLength(40);
  });

  it('re-running the sign-in keeps the company list and the integration result from before', async () => {
    const { connector, input, report: previous } = await firstRun('integration-partial');
    const report = await connector.runChecks(input, { only: ['login'], previous, onEvent: () => undefined });
    expect(resultOf(report.results, 'integration')).toBe(resultOf(previous.results, 'integration'));
    expect(resultOf(report.results, 'companies')).toBe(resultOf(previous.results, 'companies'));
    expect(report.companies).toEqual(previous.companies);
    expect(report.requestCount).toBe(2);
  });

  it('a kept result falls when what it depends on fails now', async () => {
    const { connector, input, report: previous } = await firstRun('healthy');
    const report = await connector.runChecks({ ...input, secrets: { password: 'not-it' } }, { only: ['login'], previous, onEvent: () => undefined });
    expect(report.results.map((result) => result.status)).toEqual(['passed', 'failed', 'skipped', 'skipped']);
    expect(report.companies).toEqual([]);
  });

  it('without a previous report, checks not asked for are marked as not run', async () => {
    const { connector, input } = await firstRun('healthy');
    const report = await connector.runChecks(input, { only: ['domain'], onEvent: () => undefined });
    expect(report.results.map((result) => result.status)).toEqual(['passed', 'skipped', 'skipped', 'skipped']);
    expect(resultOf(report.results, 'login').summary.key).toBe('vitec:skipped.notRequested');
    expect(resultOf(report.results, 'integration').summary.key).toBe('vitec:skipped.notRequested');
    expect(report.requestCount).toBe(1);
  });

  it('rejects names that are neither a check nor an integration row', async () => {
    const { connector, input } = await firstRun('healthy');
    await expect(connector.runChecks(input, { only: ['dns'], onEvent: () => undefined })).rejects.toBeInstanceOf(UnknownCheckError);
    await expect(connector.runChecks(input, { only: ['login:1001'], onEvent: () => undefined })).rejects.toThrow(/unknown vitec check or row: login:1001/i);
    await expect(connector.runChecks(input, { only: ['integration:'], onEvent: () => undefined })).rejects.toBeInstanceOf(UnknownCheckError);
  });

  it('ignores a previous report of another system', async () => {
    const { connector, input, report } = await firstRun('healthy');
    const foreign = { ...report, system: 'netvisor' as const };
    const rerun = await connector.runChecks(input, { only: ['domain'], previous: foreign, onEvent: () => undefined });
    expect(resultOf(rerun.results, 'login').summary.key).toBe('vitec:skipped.notRequested');
  });
});
