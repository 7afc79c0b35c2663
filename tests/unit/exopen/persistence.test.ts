import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toDataSourceStatus } from '../../../main/exopen';
import type { InitialRunRunner } from '../../../main/sandbox/exopen';
import { createHash, createHmac } from 'node:crypto';
import { DOMAIN, CANARY, contractViolations, filesContaining, memoryKeyStore, pollUntil, sampleConfig, startHarness, type Harness } from './support/harness';
import { canonicalJson } from '../../../main/sandbox/exopen/store';

const PROCOUNTOR_KEY = 'canary-procountor-key-5e1d-Do-Not-Leak';

/** A Procountor data source: no settings rule, so its identity comes from the secrets themselves. */
const procountorConfig = (apiKey: string) =>
  sampleConfig({ system: 'procountor', displayName: 'Acme Oy (Procountor)', settings: { environment: 'production' }, secrets: { apiKey } });

/** Every string in a parsed JSON value. */
const stringsIn = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(stringsIn) : [];

/**
 * Which stored strings a guess would confirm: with any stored string as a salt or key, the sha256 or
 * HMAC-SHA256 of a guessed secret, alone or in the JSON shapes the sandbox hashes (its secrets object, the
 * credential identity), equals another stored string. Empty when the file holds no offline verifier.
 */
function confirmsGuess(stored: unknown, secrets: ReadonlyArray<string>): string[] {
  const strings = stringsIn(stored);
  const hex = new Set(strings.flatMap((text) => [text, text.replace(/^[a-z0-9-]+:/, '')]));
  const messages = secrets.flatMap((secret) => [
    secret,
    canonicalJson({ customerKey: secret }),
    canonicalJson({ apiKey: secret }),
    ...['netvisor', 'procountor'].flatMap((system) => [canonicalJson({ system, secrets: { customerKey: secret } }), canonicalJson({ system, secrets: { apiKey: secret } })]),
  ]);
  const hits: string[] = [];
  for (const salt of ['', ...strings])
    for (const message of messages) {
      const digests = [
        createHash('sha256').update(salt).update(message).digest('hex'),
        createHash('sha256').update(message).update(salt).digest('hex'),
        createHmac('sha256', salt).update(message).digest('hex'),
      ];
      if (/^[0-9a-f]+$/.test(salt) && salt.length % 2 === 0) digests.push(createHmac('sha256', Buffer.from(salt, 'hex')).update(message).digest('hex'));
      for (const digest of digests) if (hex.has(digest)) hits.push(`${salt.slice(0, 12)}… → ${digest.slice(0, 12)}…`);
    }
  return hits;
}

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

  it('writes one private file, atomically, with the names of the secret fields and nothing that confirms a guessed secret', async () => {
    await harness.client.createDataSource(DOMAIN, sampleConfig(), 'key-private-0001');
    await harness.client.createDataSource(DOMAIN, procountorConfig(PROCOUNTOR_KEY), 'key-private-0002');
    await harness.sandbox.close();
    const dir = path.join(harness.dataDir, 'exopen-sandbox');
    expect(await readdir(dir)).toEqual(['data-sources.json']);
    const file = path.join(dir, 'data-sources.json');
    if (process.platform !== 'win32') {
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect((await stat(dir)).mode & 0o777).toBe(0o700);
    }
    const text = await readFile(file, 'utf8');
    const stored = JSON.parse(text) as { dataSources: Array<Record<string, unknown>> } & Record<string, unknown>;
    expect(stored.dataSources.map((record) => record['secretFields'])).toEqual([['customerKey'], ['apiKey']]);
    expect(await filesContaining(harness.dataDir, CANARY)).toEqual([]);
    expect(await filesContaining(harness.dataDir, PROCOUNTOR_KEY)).toEqual([]);
    // No salt, no hash of the secrets: nothing a guess can be checked against with the file alone.
    expect(Object.keys(stored)).not.toContain('salt');
    for (const record of stored.dataSources) expect(Object.keys(record)).not.toContain('secretsFingerprint');
    expect(confirmsGuess(stored, [CANARY, PROCOUNTOR_KEY])).toEqual([]);
    // The key the fingerprints are made with is not in the file either (it is in the keychain).
    const key = [...harness.keyStore.values.values()];
    expect(key).toHaveLength(1);
    expect(text).not.toContain(key[0]);
    expect(await filesContaining(harness.dataDir, key[0]!)).toEqual([]);
    await harness.restart();
  });

  it('still recognises a credential connected before a restart (its fingerprint key is kept in the keychain)', async () => {
    const created = await harness.client.createDataSource(DOMAIN, procountorConfig(PROCOUNTOR_KEY), 'key-dup-000001');
    await harness.restart();
    await expect(harness.client.createDataSource(DOMAIN, procountorConfig(PROCOUNTOR_KEY), 'key-dup-000002')).rejects.toMatchObject({
      problemCode: 'data-source-exists',
      dataSourceId: created.id,
    });
    expect((await harness.client.createDataSource(DOMAIN, procountorConfig(`${PROCOUNTOR_KEY}-other`), 'key-dup-000003')).id).not.toBe(created.id);
  });

  it('with the key lost (no keychain), says so, still recognises settings identities and answers known Idempotency-Keys', async () => {
    const netvisor = await harness.client.createDataSource(DOMAIN, sampleConfig(), 'key-lost-000001');
    await harness.client.createDataSource(DOMAIN, procountorConfig(PROCOUNTOR_KEY), 'key-lost-000002');
    await harness.restart({ keyStore: memoryKeyStore() });
    expect(errors.map((error) => error.message)).toEqual([expect.stringMatching(/another fingerprint key/) as unknown as string]);
    expect((await harness.client.createDataSource(DOMAIN, sampleConfig(), 'key-lost-000001')).id).toBe(netvisor.id);
    await expect(harness.client.createDataSource(DOMAIN, sampleConfig(), 'key-lost-000003')).rejects.toMatchObject({ problemCode: 'data-source-exists', dataSourceId: netvisor.id });
    expect(await harness.client.listDataSources()).toHaveLength(2);
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
    // Schema 2 kept a salt beside sha256 hashes of the secrets: such a file is set aside, not read.
    const v2 = { schemaVersion: 2, salt: '0'.repeat(32), domains: [], memberships: [], dataSources: [], idempotencyKeys: [] };
    await writeFile(path.join(harness.dataDir, 'exopen-sandbox', 'data-sources.json'), JSON.stringify(v2));
    await harness.restart();
    expect(await harness.client.listDataSources()).toEqual([]);
    expect(errors.map((error) => error.message)).toEqual([expect.stringMatching(/older sandbox version \(schema 2\).*moved to/) as unknown as string]);
  });
});
