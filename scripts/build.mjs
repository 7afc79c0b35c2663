#!/usr/bin/env node
/**
 * `npm run build`: the renderer with vite (vite.config.ts → dist/renderer), then three esbuild bundles:
 *   main/electron/main.ts → dist/main/electron/main.js  ESM, node; npm packages stay external (packaged)
 *   preload/index.ts      → dist/preload/index.cjs       CJS, bundles zod and the contract (a sandboxed
 *                                                         preload can require nothing but 'electron')
 *   main/hosts/cli/index.ts → dist/cli/index.js          ESM, node; built when the file exists
 * Any entry that exists and fails to compile fails the build (non-zero exit, esbuild's messages).
 * `--only main,preload` builds just the named parts (renderer, main, preload, cli), e.g. while one is broken.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

/** Shared by the Node bundles. npm packages are resolved at run time from node_modules (packaged by electron-builder). */
const nodeBundle = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  external: ['electron'],
  sourcemap: 'linked',
  logLevel: 'warning',
};

const bundles = [
  { name: 'main', entry: 'main/electron/main.ts', out: 'dist/main/electron/main.js', options: nodeBundle, required: true },
  {
    name: 'preload',
    entry: 'preload/index.ts',
    out: 'dist/preload/index.cjs',
    required: true,
    options: { bundle: true, minify: true, platform: 'browser', target: 'es2022', format: 'cjs', external: ['electron'], sourcemap: false, logLevel: 'warning' },
  },
  { name: 'cli', entry: 'main/hosts/cli/index.ts', out: 'dist/cli/index.js', options: nodeBundle, required: false },
];

function sizeOf(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.size;
  return readdirSync(path).reduce((total, name) => total + sizeOf(join(path, name)), 0);
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

async function buildRenderer() {
  await viteBuild({ configFile: join(root, 'vite.config.ts'), root: join(root, 'renderer'), logLevel: 'warn' });
  return join(dist, 'renderer');
}

async function buildBundle({ entry, out, options }) {
  const outfile = join(root, out);
  mkdirSync(dirname(outfile), { recursive: true });
  await esbuild({ ...options, entryPoints: [join(root, entry)], outfile, absWorkingDir: root });
  return outfile;
}

function selectedParts(argv) {
  const all = ['renderer', ...bundles.map((bundle) => bundle.name)];
  const index = argv.indexOf('--only');
  if (index === -1) return new Set(all);
  const names = (argv[index + 1] ?? '').split(',').filter(Boolean);
  const unknown = names.filter((name) => !all.includes(name));
  if (names.length === 0 || unknown.length) throw new Error(`--only takes a comma-separated list of: ${all.join(', ')}`);
  return new Set(names);
}

async function main() {
  const parts = selectedParts(process.argv.slice(2));
  const built = [];
  if (parts.has('renderer')) built.push({ name: 'renderer', path: await buildRenderer() });
  for (const bundle of bundles.filter((candidate) => parts.has(candidate.name))) {
    rmSync(dirname(join(root, bundle.out)), { recursive: true, force: true });
    if (!existsSync(join(root, bundle.entry))) {
      if (bundle.required) throw new Error(`${bundle.entry} is missing`);
      console.log(`skipped ${bundle.name}: ${bundle.entry} does not exist yet`);
      continue;
    }
    built.push({ name: bundle.name, path: await buildBundle(bundle) });
  }

  console.log('\nbuilt:');
  for (const { name, path } of built) console.log(`  ${name.padEnd(9)} ${relative(root, path).padEnd(30)} ${kib(sizeOf(path))}`);
}

main().catch((error) => {
  // esbuild and vite print their diagnostics; the message repeats them with file and line, so it is shown whole.
  console.error(`\nbuild failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
