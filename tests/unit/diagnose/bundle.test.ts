/**
 * The support bundle: it round-trips (unzip, read back, manifest hashes right), carries only the allowlisted
 * fields, holds none of the run's secrets in any encoding although canaries were planted in every field,
 * vendor error and URL the run produced, and fails closed (typed error, no file, no partial file) when a
 * secret survives redaction.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_FILES, BundleLeakError, buildBundle, previewBundleJson, writeBundle, writeFileAtomically, type Manifest } from '../../../main/diagnose';
import { canary, leakForms, tempDir } from '../platform/support/canary';
import { diagnoseScenario, startSimulators, type Simulators } from './support';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** Every leak form of `secret` found in `bytes` (the zip is stored, so its bytes are the files' bytes). */
const leaksOf = (bytes: Uint8Array, secret: string) => leakForms(secret).filter((form) => Buffer.from(bytes).includes(Buffer.from(form, 'utf8')));
/** A canary with characters that URL, JSON, base64 and hex encode differently from the raw text. */
const special = (label: string) => `${canary(label)}/é+"\\`;

const TOP_LEVEL = ['format', 'app', 'os', 'system', 'environment', 'appSettings', 'run', 'results', 'knownProblems', 'timeline'];
const RESULT_KEYS = ['checkId', 'title', 'outcome', 'whoMustAct', 'summary', 'vendor', 'meaning', 'fix', 'durationMs', 'knownProblems', 'rows'];
const ROW_KEYS = ['id', 'label', 'status', 'vendor', 'meaning', 'fix', 'knownProblems'];
const REQUEST_KEYS = ['seq', 'atMs', 'method', 'url', 'status', 'durationMs', 'checkId', 'error'];
const keysWithin = (value: object, allowed: ReadonlyArray<string>) => expect(Object.keys(value).filter((key) => !allowed.includes(key))).toEqual([]);

describe('support bundle', () => {
  let sims: Simulators;
  beforeAll(async () => {
    sims = await startSimulators();
  });
  afterAll(() => sims.close());

  it('round-trips: three stored files, manifest hashes right, bundle.json is the preview and only the allowlist', async () => {
    const run = await diagnoseScenario(sims, 'netvisor', 'two-blocked');
    const appSettings = { environment: 'production', backendUrl: 'https://api.exopen.example', accessToken: 'settings-token-that-must-go' };
    const bundle = buildBundle(run.diagnosis, run.secrets, { appSettings, now: () => new Date('2026-05-01T10:00:00Z') });
    const files = unzipSync(bundle.bytes);
    expect(Object.keys(files).sort()).toEqual([...BUNDLE_FILES].sort());

    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as Manifest;
    expect(manifest.generatedAt).toBe('2026-05-01T10:00:00.000Z');
    expect(manifest.files.map((file) => file.name).sort()).toEqual(['README.txt', 'bundle.json']);
    for (const file of manifest.files) {
      expect(file.sha256).toBe(sha256(files[file.name]!));
      expect(file.bytes).toBe(files[file.name]!.byteLength);
      // Stored, not deflated: the zip's own bytes contain each file verbatim.
      expect(Buffer.from(bundle.bytes).includes(Buffer.from(files[file.name]!))).toBe(true);
    }
    expect(manifest.redaction.byKey).toEqual({ count: 1, keys: ['appSettings.accessToken'] });
    expect(manifest.redaction.secretValuesTracked).toBe(2); // the customer key and the partner key

    const text = strFromU8(files['bundle.json']!);
    expect(text).toBe(previewBundleJson(run.diagnosis, run.secrets, { appSettings }));
    const json = JSON.parse(text) as Record<string, unknown> & { results: Array<Record<string, unknown> & { rows: Array<Record<string, unknown>> }>; timeline: Array<Record<string, unknown>>; appSettings: Record<string, unknown> };
    expect(Object.keys(json)).toEqual(TOP_LEVEL);
    for (const result of json.results) {
      keysWithin(result, RESULT_KEYS);
      for (const row of result.rows) keysWithin(row, ROW_KEYS);
    }
    for (const request of json.timeline) keysWithin(request, REQUEST_KEYS);
    expect(json.appSettings).toEqual({ environment: 'production', backendUrl: 'https://api.exopen.example', accessToken: '[REDACTED]' });
    expect(text).not.toContain('settings-token-that-must-go');
    expect(json.knownProblems).toEqual([expect.objectContaining({ id: 'netvisor.resource-blocked', rowIds: ['accountingledger.nv', 'salesinvoicelist.nv'] })]);
    expect(strFromU8(files['README.txt']!)).toContain('What redaction cannot catch');
  });

  it('holds no secret in any encoding, though canaries were planted in fields, vendor errors and URLs', async () => {
    const customerId = 'demo-healthy';
    const planted = { raw: special('raw'), url: special('url'), b64: special('b64'), hex: special('hex'), json: special('json'), basic: special('basic'), field: special('field') };
    const texts = [
      `echo ${planted.raw}`,
      `u=${encodeURIComponent(planted.url)}&x=1`,
      `token ${Buffer.from(planted.b64).toString('base64')}`,
      `dump ${Buffer.from(planted.hex).toString('hex')}`,
      `body ${JSON.stringify({ apiKey: planted.json })}`,
      `Authorization: Basic ${Buffer.from(`user:${planted.basic}`).toString('base64')}`,
    ];
    for (const text of texts) sims.netvisor.failNext(customerId, { kind: 'error', code: 'SERVICE_ACCESS_ERROR', text });
    const run = await diagnoseScenario(sims, 'netvisor', 'healthy', { fields: { companyName: planted.field }, extraSecrets: Object.values(planted) });
    const vitecId = special('integration');
    const vitec = await diagnoseScenario(sims, 'vitec', 'unknown-integration', { fields: { integrationId: vitecId }, extraSecrets: [vitecId] });
    const procountor = await diagnoseScenario(sims, 'procountor', 'no-accounting-rights');
    const dir = await tempDir();

    for (const [name, subject, secrets] of [
      ['netvisor', run, [...Object.values(planted), sims.netvisor.scenarios[0]!.credentials.customerKey, sims.netvisor.partner.partnerKey]],
      ['vitec', vitec, [vitecId, sims.vitec.scenarios.find((s) => s.id === 'unknown-integration')!.credentials.password]],
      ['procountor', procountor, [sims.procountor.scenarios.find((s) => s.id === 'no-accounting-rights')!.credentials.apiKey, sims.procountor.partner.clientSecret]],
    ] as const) {
      const file = path.join(dir, `${name}.zip`);
      await writeBundle(file, subject.diagnosis, subject.secrets);
      const bytes = await readFile(file);
      const contents = Object.values(unzipSync(bytes));
      for (const secret of secrets) {
        expect(leaksOf(bytes, secret), name).toEqual([]);
        for (const content of contents) expect(leaksOf(content, secret), name).toEqual([]);
        // What a bridge call would hand the renderer is scrubbed too.
        expect(leaksOf(Buffer.from(JSON.stringify(subject.diagnosis)), secret), name).toEqual([]);
      }
    }

    // The canaries really went through the run: each planted row shows a redacted vendor text.
    const rows = run.diagnosis.results.find((result) => result.checkId === 'rights')!.rows;
    const planted6 = ['accountingperiodlist.nv', 'accountlist.nv', 'accountingledger.nv', 'vouchertypelist.nv', 'dimensionlist.nv', 'accountbalance.nv'];
    for (const id of planted6) expect(rows.find((row) => row.id === id)?.vendor?.text, id).toContain('[REDACTED]');
    expect(run.diagnosis.environment.settings['companyName']).toBe('[REDACTED]');
    expect(vitec.diagnosis.results.find((result) => result.checkId === 'integration')?.vendor?.text).toContain('[REDACTED]');
    expect(vitec.diagnosis.timeline.some((entry) => entry.url.includes('[REDACTED]'))).toBe(true);
    expect(run.diagnosis.redactedValues).toBeGreaterThanOrEqual(planted6.length + 1);
  });

  it('fails closed when a secret survives redaction: typed error, no file, no partial file', async () => {
    const secret = canary('echoed');
    // Redaction matches exactly; a vendor that echoes the key upper-cased slips past it, the final scan does not.
    sims.netvisor.failNext('demo-healthy', { kind: 'error', code: 'SERVICE_ACCESS_ERROR', text: `Unknown key ${secret.toUpperCase()}` });
    const run = await diagnoseScenario(sims, 'netvisor', 'healthy', { extraSecrets: [secret] });
    const dir = await tempDir();
    const file = path.join(dir, 'bundle.zip');
    const failure = await writeBundle(file, run.diagnosis, run.secrets).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BundleLeakError);
    expect((failure as BundleLeakError).code).toBe('E_BUNDLE_SECRET_FOUND');
    expect((failure as BundleLeakError).files).toEqual(['bundle.json']);
    expect((failure as Error).message).not.toContain(secret);
    expect((failure as Error).message.toLowerCase()).not.toContain(secret.toLowerCase());
    expect(await readdir(dir)).toEqual([]);
    expect(() => previewBundleJson(run.diagnosis, run.secrets)).toThrow(BundleLeakError);
  });

  it('writes atomically: a failed check after writing leaves neither the file nor a partial one', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'out.zip');
    await expect(writeFileAtomically(target, new Uint8Array([1, 2, 3]), () => { throw new Error('verification failed'); })).rejects.toThrow('verification failed');
    expect(await readdir(dir)).toEqual([]);
    await writeFileAtomically(target, new Uint8Array([1, 2, 3]));
    expect(await readdir(dir)).toEqual(['out.zip']);
    if (process.platform !== 'win32') expect((await stat(target)).mode & 0o777).toBe(0o600);
  });
});
