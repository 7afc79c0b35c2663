/**
 * Fail closed: with no usable Secret Service the assistant keeps secrets in memory only, says why, and
 * leaves no trace of them on disk. Each case runs the real modules in a child process whose environment
 * removes one piece of the keychain stack.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REDACTED } from '../../main/platform/redact';
import { REASON_KEYCHAIN_NOT_ANSWERING, REASON_NO_KEYCHAIN } from '../../main/platform/secrets';
import { canary, countFiles, findLeaks, tempDir } from '../unit/platform/support/canary';
import { minimalEnv, runFixture } from './support/child';
import { requireTestKeyring } from './support/keyring-session';

beforeAll(() => {
  // The cases are only meaningful next to a working keyring: they show that removing it is what flips the backend.
  requireTestKeyring();
});

interface ChildReport {
  readonly backend: { readonly kind: string; readonly reason?: string };
  readonly roundTrip: boolean;
  readonly listed: ReadonlyArray<string>;
  readonly logFile: string;
}

async function runWithout(bus: { DBUS_SESSION_BUS_ADDRESS?: string }, wrap?: 'dbus-run-session') {
  const root = await tempDir('exopen-fail-closed-');
  const dirs = { HOME: path.join(root, 'home'), TMPDIR: path.join(root, 'tmp'), XDG_RUNTIME_DIR: path.join(root, 'run') };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  const env = minimalEnv({
    ...dirs,
    XDG_DATA_HOME: path.join(root, 'home', '.local', 'share'),
    XDG_CONFIG_HOME: path.join(root, 'home', '.config'),
    EXOPEN_CONNECT_DATA_DIR: path.join(root, 'data'),
    ...bus,
  });
  const secret = canary('fail-closed');
  const result = await runFixture('fail-closed-child.ts', env, { stdin: secret, viaDbusRunSession: wrap === 'dbus-run-session' });
  expect(result.code, result.stderr).toBe(0);
  const report = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '') as ChildReport;
  return { root, secret, report, stderr: result.stderr };
}

async function expectFailClosed(
  { root, secret, report, stderr }: Awaited<ReturnType<typeof runWithout>>,
  reasons: ReadonlyArray<string> = [REASON_NO_KEYCHAIN],
) {
  expect(report.backend.kind).toBe('memory');
  expect(reasons).toContain(report.backend.reason);
  expect(report.roundTrip).toBe(true);
  expect(report.listed).toEqual(['draft:child:customerKey']);
  // The child wrote settings, a draft and log lines; none holds the secret in any encoding.
  expect(await countFiles(root)).toBeGreaterThanOrEqual(3);
  expect(await findLeaks(root, secret)).toEqual([]);
  expect(stderr).not.toContain(secret);
  expect(readFileSync(report.logFile, 'utf8')).toContain(REDACTED);
}

describe('without a usable keychain', () => {
  it('no D-Bus session at all: session memory, a plain reason, nothing on disk', async () => {
    await expectFailClosed(await runWithout({}));
  });

  it('a D-Bus address that leads nowhere: the same', async () => {
    await expectFailClosed(await runWithout({ DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/exopen-bus' }));
  });

  it('a D-Bus session without an unlocked keyring: the same', async () => {
    // Depending on the host, the keyring daemon is activated and fails at once (no prompter), or never answers.
    await expectFailClosed(await runWithout({}, 'dbus-run-session'), [REASON_NO_KEYCHAIN, REASON_KEYCHAIN_NOT_ANSWERING]);
  });
});
