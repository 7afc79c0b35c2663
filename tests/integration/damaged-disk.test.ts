/**
 * A damaged disk and a shared keychain, against a real gnome-keyring (scripts/with-keyring.sh):
 * - a draft set aside at start takes its secrets out of the keychain with it;
 * - two runtimes sharing the keychain (two data directories, each with its own sandbox and so its own
 *   issuer) never sign each other out, whatever either does (start, sign in, sign out);
 * - a locked keyring (locked for real over D-Bus, in a session of its own) is reported as locked, with the
 *   fix, and a call after start fails with E_KEYCHAIN_LOCKED.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { accountsFor } from '../../main/auth';
import type { SecretStore } from '../../main/platform/ports';
import { openSecretStore, REASON_KEYCHAIN_LOCKED, SERVICE_NAME } from '../../main/platform/secrets';
import { createRuntime, type Runtime } from '../../main/services/runtime';
import { browserSignIn } from '../support/sign-in';
import { minimalEnv, REPO_ROOT } from './support/child';
import { requireTestKeyring } from './support/keyring-session';

let keychain: SecretStore;
const runtimes: Runtime[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  requireTestKeyring();
  keychain = await openSecretStore({ service: SERVICE_NAME });
  expect(keychain.backend).toEqual({ kind: 'keychain' });
});
afterEach(async () => {
  for (const runtime of runtimes.splice(0)) await runtime.close();
});
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'exopen-disk-it-'));
  dirs.push(dir);
  return dir;
}

/** A runtime as the web host starts it: its own sandbox (its own issuer), the real keychain. */
async function start(dir: string): Promise<Runtime> {
  const runtime = await createRuntime({ host: 'web', dataDir: dir, openExternal: async () => undefined, openSignIn: browserSignIn() });
  runtimes.push(runtime);
  return runtime;
}

/** True when the runtime's stored session still opens the backend (a call that needs the access token). */
async function canUseBackend(runtime: Runtime): Promise<boolean> {
  try {
    await runtime.handlers['domains.list']({});
    return true;
  } catch (error) {
    // Signed out: the auth service asks to sign in, or the client has no token to send.
    if (['E_AUTH_REQUIRED', 'E_EXOPEN_UNAUTHORIZED'].includes((error as { code?: string }).code ?? '')) return false;
    throw error;
  }
}

describe('a quarantined draft in the real keychain', () => {
  it('leaves no secret behind: the start that sets the draft aside deletes draft/<id>/… and says so', async () => {
    const dir = await dataDir();
    const first = await start(dir);
    const draft = await first.handlers['drafts.start']({ system: 'netvisor' });
    await first.handlers['secrets.put']({ draftId: draft.id, field: 'customerKey', value: `it-quarantine-${draft.id}` });
    expect(await keychain.list(`draft/${draft.id}/`)).toEqual([`draft/${draft.id}/customerKey`]);
    await first.close();
    runtimes.splice(0);

    // A crash mid-write or a bad disk: the file is cut off after the id.
    const file = path.join(dir, 'drafts', 'current.json');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, text.indexOf(draft.id) + draft.id.length + 3));

    const second = await start(dir);
    expect(await keychain.list(`draft/${draft.id}/`)).toEqual([]);
    expect(await keychain.get(`draft/${draft.id}/customerKey`)).toBeUndefined();
    const info = await second.handlers['app.info']({});
    expect(info.notices).toEqual([expect.objectContaining({ code: 'E_DRAFT_CORRUPT', draftId: draft.id, secrets: 'removed' })]);
  });
});

describe('two instances sharing the keychain', () => {
  it('never clear each other\'s Exopen tokens: not at start, not at sign-in, not at sign-out', async () => {
    const [dirA, dirB] = [await dataDir(), await dataDir()];
    const a = await start(dirA);
    await a.handlers['auth.signIn']({});
    expect(await canUseBackend(a)).toBe(true);

    // B starts with its own sandbox: another issuer. Before, its start deleted "tokens of another issuer".
    const b = await start(dirB);
    expect(await b.handlers['auth.status']({})).toEqual({ signedIn: false, pending: false });
    expect(await canUseBackend(a)).toBe(true);

    // B signs in: before, its sign-in cleared exopen/ and wrote its own set over A's.
    await b.handlers['auth.signIn']({});
    expect(await canUseBackend(b)).toBe(true);
    expect(await canUseBackend(a)).toBe(true);
    const exopenAccounts = await keychain.list('exopen/');
    expect(exopenAccounts.filter((account) => account.split('/').length !== 3)).toEqual([]);
    expect(new Set(exopenAccounts.map((account) => account.split('/')[1])).size).toBeGreaterThanOrEqual(2);

    // B signs out: only its own set goes.
    await b.handlers['auth.signOut']({});
    expect(await canUseBackend(b)).toBe(false);
    expect(await canUseBackend(a)).toBe(true);

    // A closes: its own sandbox (and with it its issuer) goes away, and so do the tokens only it could use.
    await a.close();
    runtimes.splice(runtimes.indexOf(a), 1);
    expect(await keychain.list('exopen/')).toEqual([]);
  });

  it('a set an older version left under exopen/ is not deleted by an instance of another issuer', async () => {
    const legacy = { profile: 'exopen/profile', access: 'exopen/access-token' };
    await keychain.set(legacy.profile, JSON.stringify({ issuer: 'https://login.exopen.example', sub: 's', name: 'N', email: 'n@example.com' }));
    await keychain.set(legacy.access, JSON.stringify({ token: 'legacy-access-token-value', expiresAt: Date.now() + 3_600_000 }));
    try {
      const runtime = await start(await dataDir());
      await runtime.handlers['auth.status']({});
      expect(await keychain.get(legacy.access)).toContain('legacy-access-token-value');
      expect(accountsFor('https://login.exopen.example').prefix).toMatch(/^exopen\/[0-9a-f]{16}\/$/);
    } finally {
      await keychain.delete(legacy.profile);
      await keychain.delete(legacy.access);
    }
  });
});

describe('a locked keyring', () => {
  it('is reported as locked with the fix, not as "no keychain"; a call after start fails with E_KEYCHAIN_LOCKED', async () => {
    const root = await dataDir();
    const run = path.join(root, 'run');
    mkdirSync(run, { mode: 0o700 });
    const env = minimalEnv({
      HOME: path.join(root, 'home'),
      XDG_RUNTIME_DIR: run,
      XDG_DATA_HOME: path.join(root, 'data'),
      XDG_CONFIG_HOME: path.join(root, 'config'),
      EXOPEN_CONNECT_DATA_DIR: path.join(root, 'exopen'),
    });
    const child = spawn(
      'bash',
      [path.join(REPO_ROOT, 'tests', 'integration', 'fixtures', 'locked-keyring.sh'), process.execPath, '--import', 'tsx', path.join(REPO_ROOT, 'tests', 'integration', 'fixtures', 'locked-keyring-child.ts')],
      { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as {
      backend: { kind: string; reason?: string; locked?: boolean };
      unprobed: { kind: string };
      failure?: { code?: string; message: string };
    };
    expect(report.backend).toEqual({ kind: 'memory', reason: REASON_KEYCHAIN_LOCKED, locked: true });
    expect(report.unprobed).toEqual({ kind: 'keychain' });
    expect(report.failure).toEqual({
      code: 'E_KEYCHAIN_LOCKED',
      message: "The keyring is locked: unlock your keyring (log out and in again, or unlock it in your desktop's passwords app) and try again.",
    });
  });
});
