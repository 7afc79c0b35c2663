#!/usr/bin/env node
/**
 * `npm start`, the README's start command, from a fresh clone: installs what it needs (scripts/ensure-deps.mjs:
 * the Debian packages keytar's build needs when root, otherwise the line to install them; `npm ci` when
 * node_modules is missing or stale), builds, then runs the desktop app in Electron when its runtime is
 * present; otherwise says so and serves the same assistant to the browser from 127.0.0.1 (sandbox mode
 * unless EXOPEN_BACKEND_URL). Node built-ins only until `npm ci` has run.
 * A keytar that did not build never stops the start: the assistant then keeps secrets for the session only
 * and says so (here, and in its window).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackages, ensureNodeModules, keytarBuilt, START_PACKAGES } from './ensure-deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const require = createRequire(import.meta.url);
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: 'inherit', ...opts });

const packages = ensureDebianPackages(START_PACKAGES, {
  why: 'keytar, the OS keychain support, is built from source with them; without them secrets are kept for the session only',
});
// An earlier install without these packages left keytar out; now that they are here it can build.
const force = packages === 'installed' && existsSync(join(root, 'node_modules')) && !keytarBuilt(root) ? 'keytar can be built now' : undefined;
if (!ensureNodeModules(root, { force })) process.exit(1);
if (!keytarBuilt(root)) {
  console.log(
    'keytar (the OS keychain support) did not build here, so secrets will be kept only until the assistant closes.\n' +
      `To keep them in the keychain: apt-get install ${START_PACKAGES.join(' ')}, then npm ci && npm start.`,
  );
}

if (process.env.EXOPEN_SKIP_BUILD !== '1') {
  const build = run(process.execPath, ['scripts/build.mjs']);
  if (build.status !== 0) process.exit(build.status ?? 1);
}

function electronBinary() {
  const dir = require.resolve('electron/package.json').replace(/package\.json$/, '');
  if (!existsSync(`${dir}path.txt`)) {
    console.log('Electron runtime not installed; trying to download it (60 s at most)…');
    const attempt = run(process.execPath, [`${dir}install.js`], { timeout: 60_000 });
    if (attempt.status !== 0 || !existsSync(`${dir}path.txt`)) return undefined;
  }
  const binary = require('electron');
  return typeof binary === 'string' && existsSync(binary) ? binary : undefined;
}

const headlessLinux = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const binary = headlessLinux ? undefined : electronBinary();
const extra = process.argv.slice(2);

if (binary) {
  const child = spawn(binary, ['dist/main/electron/main.js', ...extra], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    headlessLinux
      ? 'No display here, so the desktop window cannot open: serving the assistant to your browser instead.'
      : 'The Electron runtime is not available (its download was unreachable): serving the assistant to your browser instead.',
  );
  const backend = process.env.EXOPEN_BACKEND_URL ? ['--backend-url', process.env.EXOPEN_BACKEND_URL] : [];
  const child = spawn(process.execPath, ['dist/cli/index.js', 'web', ...backend, ...extra], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
