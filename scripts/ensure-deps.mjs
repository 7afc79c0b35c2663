#!/usr/bin/env node
/**
 * What the README's two commands install before they run, shared by `npm start` (scripts/start.mjs) and
 * `npm test` (scripts/test-all.sh). Node built-ins only: it runs before `npm ci`, on a fresh clone.
 *
 *   node scripts/ensure-deps.mjs test    Debian packages of the test suite; exits 1 when they are missing
 *                                        and cannot be installed (the suite cannot run without them)
 *
 * Debian packages: installed with apt-get when we are root and one is missing; otherwise the exact
 * `sudo apt-get install …` line is printed. Not on Debian (no dpkg-query): nothing is checked.
 * npm packages: `npm ci` when node_modules is missing or does not match package-lock.json.
 *
 * keytar (the OS keychain) is an optional dependency built from source: when its build fails (no
 * libsecret-1-dev, no compiler), npm drops it and the install still succeeds; the app then keeps secrets
 * for the session only and says so. Nothing here ever fails because keytar did not build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What `npm start` needs: keytar's source build (node-gyp with `pkg-config --libs libsecret-1`); libsecret-1-dev brings libsecret-1-0, which keytar loads at run time. */
export const START_PACKAGES = ['python3', 'make', 'g++', 'pkg-config', 'libsecret-1-dev'];
/** What `npm test` needs on top: Debian's chromium (e2e), a throwaway keyring under a private D-Bus (integration). */
export const TEST_PACKAGES = [...START_PACKAGES, 'chromium', 'xvfb', 'gnome-keyring', 'dbus-x11'];

const say = (line) => process.stdout.write(`${line}\n`);
const warn = (line) => process.stderr.write(`${line}\n`);

/** The packages of `list` dpkg does not know as installed; undefined when this is not a Debian system. */
export function missingDebianPackages(list, run = spawnSync) {
  const probe = run('dpkg-query', ['--version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) return undefined;
  return list.filter((pkg) => {
    const result = run('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
    return !(result.status === 0 && String(result.stdout).includes('install ok installed'));
  });
}

/**
 * Installs the missing packages when root. Returns 'present' (nothing was missing), 'installed' (apt-get
 * installed what was missing) or 'missing' (still missing: not root, or apt-get failed). `why` says, in the
 * message printed when they cannot be installed, what goes without them.
 */
export function ensureDebianPackages(list, { why, isRoot = process.getuid?.() === 0, run = spawnSync } = {}) {
  const missing = missingDebianPackages(list, run);
  if (missing === undefined || missing.length === 0) return 'present';
  const install = `apt-get install ${missing.join(' ')}`;
  if (!isRoot) {
    warn(`Missing Debian packages: ${missing.join(' ')}${why ? ` (${why})` : ''}. Install them with: sudo ${install}`);
    return 'missing';
  }
  say(`== installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = run('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const result = update.status === 0 ? run('apt-get', ['install', '-y', '-qq', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env }) : update;
  if (result.status === 0) return 'installed';
  warn(`Could not install the Debian packages ${missing.join(' ')}${why ? ` (${why})` : ''}; try: ${install}`);
  return 'missing';
}

/**
 * Whether node_modules matches package-lock.json, read from npm's own record of what it installed
 * (node_modules/.package-lock.json). Optional packages are not compared: one that failed to build (keytar)
 * or is for another platform (esbuild's binaries) is rightly absent, and must not make every start reinstall.
 */
export function nodeModulesState(root) {
  if (!existsSync(join(root, 'node_modules'))) return { state: 'missing', reason: 'node_modules does not exist' };
  const installedFile = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installedFile)) return { state: 'stale', reason: 'node_modules was not installed by npm (no node_modules/.package-lock.json)' };
  let wanted;
  let installed;
  try {
    wanted = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')).packages ?? {};
    installed = JSON.parse(readFileSync(installedFile, 'utf8')).packages ?? {};
  } catch (error) {
    return { state: 'stale', reason: `a lockfile could not be read (${error.message})` };
  }
  for (const [path, entry] of Object.entries(wanted)) {
    if (path === '' || entry.optional || entry.link) continue;
    const have = installed[path];
    if (!have) return { state: 'stale', reason: `${path} is not installed` };
    if (have.version !== entry.version) return { state: 'stale', reason: `${path} is ${have.version}, package-lock.json wants ${entry.version}` };
  }
  return { state: 'current' };
}

/**
 * Runs `npm ci` when node_modules is missing or stale, or when `force` gives a reason (keytar can build now);
 * true when node_modules is usable afterwards.
 */
export function ensureNodeModules(root, { run = spawnSync, force } = {}) {
  const current = nodeModulesState(root);
  const reason = current.state === 'current' ? force : current.reason;
  if (!reason) return true;
  say(`== npm ci (${reason})`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = run(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status === 0) return true;
  warn('npm ci failed (see above); the assistant cannot start without its dependencies.');
  return false;
}

/** True when keytar's native module was built (npm removes an optional package whose build failed). */
export function keytarBuilt(root) {
  return existsSync(join(root, 'node_modules', 'keytar', 'build', 'Release', 'keytar.node'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [what] = process.argv.slice(2);
  if (what !== 'test') {
    warn('usage: node scripts/ensure-deps.mjs test');
    process.exit(64);
  }
  const packages = ensureDebianPackages(TEST_PACKAGES, { why: 'the test suite needs them: chromium for e2e, a keyring for integration, libsecret-1-dev and a compiler to build keytar' });
  process.exit(packages === 'missing' ? 1 : 0);
}
