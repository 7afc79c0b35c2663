#!/usr/bin/env node
/**
 * `npm start`: builds, then runs the desktop app in Electron when its runtime is present; otherwise says so
 * and serves the same assistant to the browser from 127.0.0.1 (sandbox mode unless EXOPEN_BACKEND_URL).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: 'inherit', ...opts });

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
