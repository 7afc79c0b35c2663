/**
 * The README's start command on a fresh clone, with keytar's native build made to fail: it must still install,
 * build and serve the assistant (the printed 127.0.0.1 link), with keytar absent and session-only secrets.
 *
 * The command is read from README.md ("The two commands"), so the test follows the README. The clone is of
 * this checkout's HEAD (commit before running it locally). keytar's build is made to fail twice over:
 * prebuild-install's download goes to a closed local port (GitHub is unreachable here anyway), and node-gyp's
 * compiler is /bin/false. npm's cache is warm on our machines, so `npm ci` runs with prefer-offline.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REASON_NO_KEYCHAIN_MODULE } from '../../main/platform/secrets';

const ROOT = resolve(__dirname, '..', '..');

/** The start command: the first line of the first bash block under "## The two commands", without its comment. */
export function readmeStartCommand(readme: string): string {
  const section = readme.split(/^## The two commands\s*$/m)[1];
  const block = section?.match(/```bash\n([\s\S]*?)```/)?.[1];
  const line = block?.split('\n')[0]?.replace(/\s+#.*$/, '').trim();
  if (!line) throw new Error('README.md has no start command under "## The two commands"');
  return line;
}

function registryReachable(): boolean {
  return spawnSync('npm', ['ping', '--loglevel=error'], { stdio: 'ignore', timeout: 20_000 }).status === 0;
}

const work = mkdtempSync(join(tmpdir(), 'exopen-fresh-'));
let child: ChildProcess | undefined;

afterAll(() => {
  if (child?.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  rmSync(work, { recursive: true, force: true });
});

const skip = registryReachable() ? false : 'the npm registry is unreachable, so `npm ci` cannot run';
if (skip) console.warn(`fresh-start e2e skipped: ${skip}`);

describe.skipIf(Boolean(skip))("the README's start command on a fresh clone, keytar's build failing", () => {
  it('installs, builds and prints the link; keytar is absent and secrets are session-only', { timeout: 900_000 }, async () => {
    const command = readmeStartCommand(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    const clone = join(work, 'clone');
    const head = spawnSync('git', ['-C', ROOT, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
    expect(spawnSync('git', ['clone', '--quiet', '--no-checkout', ROOT, clone]).status).toBe(0);
    expect(spawnSync('git', ['-C', clone, 'checkout', '--quiet', '--detach', head]).status).toBe(0);
    expect(existsSync(join(clone, 'node_modules'))).toBe(false);

    // A browser opener that opens nothing (start falls back to the web host here: no display).
    const bin = join(work, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'xdg-open'), '#!/bin/sh\nexit 0\n');
    chmodSync(join(bin, 'xdg-open'), 0o755);

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PATH: `${bin}:${process.env.PATH ?? ''}`,
      EXOPEN_CONNECT_DATA_DIR: join(work, 'data'),
      npm_config_prefer_offline: 'true',
      // keytar's install is `prebuild-install || node-gyp rebuild`: make both fail.
      npm_config_keytar_binary_host: 'http://127.0.0.1:9',
      CXX: '/bin/false',
      CC: '/bin/false',
    };
    for (const name of ['DISPLAY', 'WAYLAND_DISPLAY', 'DBUS_SESSION_BUS_ADDRESS', 'EXOPEN_BACKEND_URL', 'EXOPEN_SKIP_BUILD', 'VITEST', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'NODE_ENV'])
      delete env[name];

    const started = Date.now();
    const proc = spawn('bash', ['-c', command], { cwd: clone, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    let output = '';
    proc.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const link = await new Promise<string>((resolveLink, reject) => {
      const onData = () => {
        const url = output.match(/http:\/\/127\.0\.0\.1:\d+\/\S*/)?.[0];
        if (url && output.includes('Secrets:')) resolveLink(url);
      };
      proc.stdout!.on('data', onData);
      proc.stderr!.on('data', onData);
      proc.on('exit', (code) => reject(new Error(`\`${command}\` exited (${code}) before printing the link:\n${output}`)));
    });
    console.log(`fresh-start: \`${command}\` printed ${new URL(link).origin}/ after ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // keytar's build failed and npm dropped the optional package; the install went on regardless.
    expect(existsSync(join(clone, 'node_modules', 'keytar', 'build', 'Release', 'keytar.node'))).toBe(false);
    expect(existsSync(join(clone, 'node_modules', 'esbuild'))).toBe(true);
    expect(output).toContain('keytar (the OS keychain support) did not build here');
    // The app itself found no keychain module and runs on session-only secrets, saying so.
    expect(output).toContain(`Secrets: ${REASON_NO_KEYCHAIN_MODULE}`);

    process.kill(-proc.pid!, 'SIGTERM');
    await new Promise((done) => (proc.exitCode === null ? proc.once('exit', done) : done(undefined)));
  });
});
