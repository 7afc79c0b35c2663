/**
 * A damaged disk at start, through the real runtime and the bridge's own path (dispatchCall): a truncated
 * settings file keeps what it still says and the notice reaches app.info once; settings.json as a folder and
 * a logs folder that is a file do not stop the start; a damaged draft is set aside with its secrets. The
 * browser half is tests/e2e/damaged-disk.test.ts, the real keychain's tests/integration/damaged-disk.test.ts.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { InvokeInput, InvokeName, InvokeOutput, StartupNotice } from '../../../preload/contract';
import { startSandbox, type Sandbox } from '../../../main/sandbox';
import { dispatchCall } from '../../../main/services/dispatch';
import { createRuntime, type Runtime, type RuntimeOptions } from '../../../main/services/runtime';
import { configureLogging, createLogger } from '../../../main/platform/log';
import { openSettings } from '../../../main/platform/settings';
import { canary, tempDir } from './support';

let sandbox: Sandbox;
const runtimes: Runtime[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ dataDir: await tempDir() });
});
afterAll(async () => {
  await sandbox?.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});
afterEach(async () => {
  for (const runtime of runtimes.splice(0)) await runtime.close();
  vi.restoreAllMocks();
});

async function dataDir(): Promise<string> {
  const dir = await tempDir('exopen-damaged-');
  dirs.push(dir);
  return dir;
}

async function start(dir: string, extra: Partial<RuntimeOptions> = {}) {
  const runtime = await createRuntime({ host: 'web', dataDir: dir, openExternal: async () => undefined, sandbox, ...extra });
  runtimes.push(runtime);
  const log = createLogger('test');
  const ok = async <K extends InvokeName>(name: K, input: InvokeInput<K>): Promise<InvokeOutput<K>> => {
    const envelope = await dispatchCall(runtime.handlers, name, input, log);
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
    return envelope.value as InvokeOutput<K>;
  };
  return { runtime, ok };
}

const codes = (notices: ReadonlyArray<StartupNotice>) => notices.map((notice) => notice.code);

describe('a damaged settings file at start', () => {
  it('keeps the custom backend a truncated file still holds, and app.info carries the notice once', async () => {
    const dir = await dataDir();
    const full = JSON.stringify({ schemaVersion: 1, language: 'en', environment: 'custom', backendUrl: 'https://exopen.example.com', issuerUrl: null, signers: { netvisor: 'local' } }, null, '\t');
    writeFileSync(path.join(dir, 'settings.json'), full.slice(0, full.indexOf('"signers"') + 16));

    const first = await start(dir);
    const info = await first.ok('app.info', {});
    expect(info.backend).toEqual({ environment: 'custom', url: 'https://exopen.example.com' });
    const [aside] = readdirSync(dir).filter((name) => name.startsWith('settings.json.corrupt-'));
    expect(info.notices).toEqual([
      { id: `settings:${aside}`, code: 'E_CONFIG_CORRUPT', file: path.join(dir, 'settings.json'), keptAt: path.join(dir, aside!), kept: ['backend'], reset: ['signers'] },
    ]);

    // Dismissed: not in the next app.info (a reload of the page), and a second dismiss finds nothing.
    expect(await first.ok('app.dismissNotice', { id: `settings:${aside}` })).toEqual({ dismissed: true });
    expect((await first.ok('app.info', {})).notices).toEqual([]);
    expect(await first.ok('app.dismissNotice', { id: `settings:${aside}` })).toEqual({ dismissed: false });

    // Not on every start: the next start finds a sound file and says nothing.
    await first.runtime.close();
    runtimes.splice(runtimes.indexOf(first.runtime), 1);
    const second = await start(dir);
    expect((await second.ok('app.info', {})).notices).toEqual([]);
    expect((await second.ok('app.info', {})).backend.url).toBe('https://exopen.example.com');
  });

  it('garbage: the sandbox, and the notice says the backend and the signers were reset', async () => {
    const dir = await dataDir();
    writeFileSync(path.join(dir, 'settings.json'), '\u0000\u0001\u0002 not settings');
    const { ok } = await start(dir);
    const info = await ok('app.info', {});
    expect(info.backend.environment).toBe('sandbox');
    expect(info.notices).toEqual([expect.objectContaining({ code: 'E_CONFIG_CORRUPT', kept: [], reset: ['backend', 'signers'] })]);
  });
});

describe('paths in the way at start', () => {
  it('settings.json a folder and the logs folder a file: the runtime starts, says both, and settings still save', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const dir = await dataDir();
    mkdirSync(path.join(dir, 'settings.json'));
    writeFileSync(path.join(dir, 'logs'), 'a file where the logs folder goes');
    const { ok } = await start(dir);
    const info = await ok('app.info', {});
    expect(codes(info.notices)).toEqual(['E_CONFIG_CORRUPT', 'E_LOG_UNAVAILABLE']);
    expect(info.notices[1]).toEqual({ id: `log:${path.join(dir, 'logs')}`, code: 'E_LOG_UNAVAILABLE', path: path.join(dir, 'logs'), problem: 'not-a-folder' });
    await ok('settings.set', { environment: 'production' });
    expect(JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8'))).toMatchObject({ environment: 'production' });
  });

  it('a settings folder that cannot be moved aside: defaults in memory, a notice naming the path, a change refused with the fix', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const dir = await dataDir();
    mkdirSync(path.join(dir, 'settings.json'));
    const { ok } = await start(dir, {
      openSettings: (at) =>
        openSettings(at, undefined, {
          quarantine: () => {
            throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
          },
        }),
    });
    const info = await ok('app.info', {});
    expect(info.notices).toEqual([{ id: 'settings:in-memory', code: 'E_CONFIG_CORRUPT', file: path.join(dir, 'settings.json'), kept: [], reset: ['backend', 'signers'] }]);
    await expect(ok('settings.set', { environment: 'production' })).rejects.toMatchObject({
      code: 'E_CONFIG_CORRUPT',
      message: `Settings cannot be saved: ${path.join(dir, 'settings.json')} is damaged and could not be moved aside. Move or delete ${path.join(dir, 'settings.json')} and start Exopen Connect again.`,
    });
  });
});

describe('a damaged draft', () => {
  it('is set aside at start with its secrets, and the notice says so', async () => {
    const dir = await dataDir();
    const first = await start(dir);
    const draft = await first.ok('drafts.start', { system: 'netvisor' });
    await first.ok('secrets.put', { draftId: draft.id, field: 'customerKey', value: canary('quarantined') });
    expect(await first.ok('secrets.status', { draftId: draft.id })).toMatchObject({ customerKey: true });
    const file = path.join(dir, 'drafts', 'current.json');
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 100));

    // The same process reads it again (a reload): the draft is set aside and its secret leaves the store.
    expect(await first.ok('drafts.current', {})).toBeNull();
    const info = await first.ok('app.info', {});
    expect(info.notices).toEqual([
      expect.objectContaining({ code: 'E_DRAFT_CORRUPT', draftId: draft.id, secrets: 'removed', keptAt: expect.stringContaining('current.json.corrupt-') }),
    ]);
    expect(await first.ok('secrets.status', { draftId: draft.id }).catch((error: { code: string }) => error.code)).toBe('E_NO_DRAFT');
  });
});

describe('the start line of the log', () => {
  it('says where secrets live (secretBackend is not redacted)', async () => {
    const dir = await dataDir();
    await start(dir);
    // createRuntime pointed the logger at <dir>/logs; its first info line is the start line.
    const lines = readFileSync(path.join(dir, 'logs', 'exopen-connect.log'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const started = lines.find((line) => line.message === 'runtime started');
    expect(started?.secretBackend).toMatch(/^(keychain|memory)$/);
    configureLogging({ dataDir: await dataDir() }).close();
  });
});
