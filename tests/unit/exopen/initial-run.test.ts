import { afterEach, describe, expect, it } from 'vitest';
import { toDataSourceStatus, type DataSource } from '../../../main/exopen';
import { defaultResources, type InitialRunRunner, type RunDataSource } from '../../../main/sandbox/exopen';
import { DOMAIN, CANARY, contractViolations, filesContaining, pollUntil, sampleConfig, startHarness, type Harness } from './support/harness';

/** A runner the test steps by hand: it waits at each gate until the test opens it. */
function gatedRunner() {
  const gates: Array<() => void> = [];
  const seen: Array<{ dataSource: RunDataSource; secrets: Readonly<Record<string, string>> }> = [];
  const gate = () => new Promise<void>((resolve) => gates.push(resolve));
  const runner: InitialRunRunner = async (dataSource, secrets, report) => {
    seen.push({ dataSource, secrets });
    report({ resource: 'accounts', status: 'queued' });
    report({ resource: 'ledger', status: 'queued' });
    await gate();
    report({ resource: 'accounts', status: 'running' });
    await gate();
    report({ resource: 'accounts', status: 'done', rows: 120 });
    report({ resource: 'ledger', status: 'running' });
    await gate();
    report({ resource: 'ledger', status: 'done', rows: 5400 });
  };
  const open = async (): Promise<void> => {
    await pollUntil(async () => gates.length, (count) => count > 0);
    gates.shift()?.();
  };
  return { runner, seen, open };
}

describe('the initial data run', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('moves from queued through running to done, progress never going back', async () => {
    const gated = gatedRunner();
    harness = await startHarness({ runner: gated.runner });
    const h = harness;
    const created = await h.client.createDataSource(DOMAIN, sampleConfig(), 'key-run-00000001');
    expect(created.initialRun).toEqual({ status: 'queued', progress: 0, resources: [] });
    const read = () => h.client.getDataSource(created.id);

    const running = await pollUntil(read, (ds) => ds.initialRun.status === 'running' && ds.initialRun.resources.length === 2);
    expect(running.initialRun.resources.map((r) => r.status)).toEqual(['queued', 'queued']);
    await gated.open();
    await pollUntil(read, (ds) => ds.initialRun.resources[0]?.status === 'running');
    await gated.open();
    const half = await pollUntil(read, (ds) => ds.initialRun.resources[1]?.status === 'running');
    expect(half.initialRun).toMatchObject({ status: 'running', progress: 0.5, resources: [{ name: 'accounts', status: 'done', rows: 120 }, { name: 'ledger' }] });
    await gated.open();
    const done = await pollUntil(read, (ds) => ds.initialRun.status === 'done');
    expect(done.initialRun).toMatchObject({ progress: 1, resources: [{ status: 'done' }, { status: 'done', rows: 5400 }] });
    expect(done.initialRun.error).toBeUndefined();
    expect(Date.parse(done.initialRun.finishedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(done.initialRun.startedAt ?? ''));

    // The runner got what it needs: the secrets from memory, the settings and companies from the request.
    expect(gated.seen).toEqual([
      {
        dataSource: { id: created.id, system: 'netvisor', settings: sampleConfig().settings, companies: sampleConfig().companies },
        secrets: { customerKey: CANARY },
      },
    ]);
    expect(contractViolations(h.proxy.exchanges)).toEqual([]);
  });

  it('marks the run failed with the resource and the message when a resource fails', async () => {
    const runner: InitialRunRunner = async (_ds, _secrets, report) => {
      report({ resource: 'accountlist', status: 'done', rows: 10 });
      report({ resource: 'accountingledger', status: 'failed', error: { message: 'Access to resource denied', code: 'SERVICE_ACCESS_ERROR' } });
      report({ resource: 'budget', status: 'done', rows: 3 });
    };
    harness = await startHarness({ runner });
    const h = harness;
    const created = await h.client.createDataSource(DOMAIN, sampleConfig(), 'key-runfail-0001');
    const failed = await pollUntil(() => h.client.getDataSource(created.id), (ds) => ds.initialRun.status === 'failed');
    expect(failed.initialRun.error).toEqual({ message: 'Access to resource denied', resource: 'accountingledger', code: 'SERVICE_ACCESS_ERROR' });
    expect(failed.initialRun.resources.find((r) => r.name === 'accountingledger')).toMatchObject({
      status: 'failed',
      error: { message: 'Access to resource denied', code: 'SERVICE_ACCESS_ERROR' },
    });
    const status = toDataSourceStatus(failed);
    expect(status.status).toBe('failed');
    expect(status.error).toEqual({
      message: 'Access to resource denied',
      resource: 'accountingledger',
      fix: { key: 'exopen:run.fix.resource', params: { resource: 'accountingledger' } },
    });
    expect(status.resources.find((r) => r.name === 'accountingledger')?.error).toBe('Access to resource denied');
    expect(contractViolations(h.proxy.exchanges)).toEqual([]);
  });

  it('fails the run when the runner throws, without storing a secret it quoted', async () => {
    const runner: InitialRunRunner = async (_ds, secrets, report) => {
      report({ resource: 'accounts', status: 'running' });
      throw new Error(`vendor said: key ${secrets.customerKey} is not valid`);
    };
    harness = await startHarness({ runner });
    const h = harness;
    const created = await h.client.createDataSource(DOMAIN, sampleConfig(), 'key-runthrow-001');
    const failed = await pollUntil(() => h.client.getDataSource(created.id), (ds) => ds.initialRun.status === 'failed');
    expect(failed.initialRun.error).toEqual({ message: 'vendor said: key [redacted] is not valid', code: 'runner-error' });
    expect(failed.initialRun.resources).toEqual([{ name: 'accounts', status: 'failed', error: { message: 'vendor said: key [redacted] is not valid' } }]);
    expect(toDataSourceStatus(failed).error?.fix).toEqual({ key: 'exopen:run.fix.runnerError' });
    await h.sandbox.close();
    expect(await filesContaining(h.dataDir, CANARY)).toEqual([]);
  });

  it('runs the default runner over every resource of the system, with row counts', async () => {
    harness = await startHarness({ stepMs: 1 });
    const h = harness;
    const created = await h.client.createDataSource(DOMAIN, sampleConfig(), 'key-default-0001');
    const progress: number[] = [];
    const done = await pollUntil(
      () => h.client.getDataSource(created.id),
      (ds: DataSource) => {
        progress.push(ds.initialRun.progress);
        return ds.initialRun.status === 'done';
      },
    );
    expect(done.initialRun.resources.map((r) => r.name)).toEqual(defaultResources.netvisor);
    expect(done.initialRun.resources.every((r) => r.status === 'done' && (r.rows ?? 0) >= 2 * 20)).toBe(true);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(contractViolations(h.proxy.exchanges)).toEqual([]);
  });
});
