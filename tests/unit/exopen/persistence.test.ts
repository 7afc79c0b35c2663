import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toDataSourceStatus } from '../../../main/exopen';
import type { InitialRunRunner } from '../../../main/sandbox/exopen';
import { DOMAIN, CANARY, contractViolations, filesContaining, pollUntil, sampleConfig, startHarness, type Harness } from './support/harness';

describe('the sandbox keeps its data sources across a restart, and never a secret on disk', () => {
  let harness: Harness;
  const errors: Error[] = [];
  beforeEach(async () => {
    errors.length = 0;
    harness = await startHarness({ onError: (error) => errors.push(error) });
  });
  afterEach(async () => {
    await harness.close();
  });

  it('brings back metadata, settings, companies and the finished run; no file holds the secret', async () => {
    const created = await harness.client.createDataSource(DOMAIN, sampleConfig(), 'key-persist-0001');
    const done = await pollUntil(() => harness.client.getDataSource(created.id), (ds) => ds.initialRun.status === 'done');
    await harness.restart();

    const back = await harness.client.getDataSource(created.id);
    expect(back).toEqual(done);
    expect((await harness.client.listDataSources()).map((item) => item.id)).toEqual([created.id]);
    expect(await filesContaining(harness.dataDir, CANARY)).toEqual([]);
    expect(errors).toEqual([]);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('writes one private file, atomically, with a fingerprint instead of the secret', async () => {
    await harness.client.createDataSource(DOMAIN, sampleConfig(), 'key-private-0001');
    await harness.sandbox.close();
    const dir = path.join(harness.dataDir, 'exopen-sandbox');
    expect(await readdir(dir)).toEqual(['data-sources.json']);
    const file = path.join(dir, 'data-sources.json');
    if (process.platform !== 'win32') {
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect((await stat(dir)).mode & 0o777).toBe(0o700);
    }
    const stored = JSON.parse(await readFile(file, 'utf8')) as { dataSources: Array<{ secretsFingerprint: string; secretFields: string[] }> };
    expect(stored.dataSources[0]?.secretFields).toEqual(['customerKey']);
    expect(stored.dataSources[0]?.secretsFingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await filesContaining(harness.dataDir, CANARY)).toEqual([]);
    await harness.restart();
  });

  it('still recognises an Idempotency-Key after a restart', async () => {
    const created = await harness.client.createDataSource(DOMAIN, sampleConfig(), 'key-restart-0001');
    await harness.restart();
    const again = await harness.client.createDataSource(DOMAIN, sampleConfig(), 'key-restart-0001');
    expect(again.id).toBe(created.id);
    expect(harness.proxy.exchanges.filter((exchange) => exchange.method === 'POST').map((exchange) => exchange.status)).toEqual([201, 200]);
    expect(await harness.client.listDataSources()).toHaveLength(1);
  });

  it('fails a run the restart interrupted, because the credentials were only in memory', async () => {
    const never: InitialRunRunner = async (_ds, _secrets, report, signal) => {
      report({ resource: 'accounts', status: 'running' });
      await new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error)));
    };
    await harness.restart({ runner: never });
    const created = await harness.client.createDataSource(DOMAIN, sampleConfig(), 'key-interrupt-01');
    await pollUntil(() => harness.client.getDataSource(created.id), (ds) => ds.initialRun.status === 'running');
    await harness.restart();

    const after = await harness.client.getDataSource(created.id);
    expect(after.initialRun).toMatchObject({
      status: 'failed',
      error: { code: 'credentials-lost', message: expect.stringMatching(/Recreate the data source/) as unknown as string },
      resources: [{ name: 'accounts', status: 'failed' }],
    });
    expect(toDataSourceStatus(after).error?.fix).toEqual({ key: 'exopen:run.fix.credentialsLost' });
    await harness.sandbox.close();
    expect(await filesContaining(harness.dataDir, CANARY)).toEqual([]);
  });

  it('sets a damaged data file aside, says so, and starts empty', async () => {
    await harness.sandbox.close();
    await writeFile(path.join(harness.dataDir, 'exopen-sandbox', 'data-sources.json'), '{"schemaVersion": 1, "dataSo');
    await harness.restart();
    expect(await harness.client.listDataSources()).toEqual([]);
    expect(errors.map((error) => error.message)).toEqual([expect.stringMatching(/damaged.*moved to .*corrupt-/) as unknown as string]);
    const names = await readdir(path.join(harness.dataDir, 'exopen-sandbox'));
    expect(names.some((name) => name.startsWith('data-sources.json.corrupt-'))).toBe(true);
  });

  it('sets aside a data file of an older sandbox version, saying so', async () => {
    await harness.sandbox.close();
    const v1 = { schemaVersion: 1, salt: '0'.repeat(32), dataSources: [], idempotencyKeys: [] };
    await writeFile(path.join(harness.dataDir, 'exopen-sandbox', 'data-sources.json'), JSON.stringify(v1));
    await harness.restart();
    expect(await harness.client.listDataSources()).toEqual([]);
    expect(errors.map((error) => error.message)).toEqual([expect.stringMatching(/older sandbox version \(schema 1\).*moved to/) as unknown as string]);
  });
});
