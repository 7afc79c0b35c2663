#!/usr/bin/env node
/**
 * `npm run build`: the renderer with vite (vite.config.ts → dist/renderer), then three esbuild bundles:
 *   main/electron/main.ts → dist/main/electron/main.js  ESM, node; npm packages stay external (packaged)
 *   preload/index.ts      → dist/preload/index.cjs       CJS, bundles zod and the contract (a sandboxed
 *                                                         preload can require nothing but 'electron')
 *   main/hosts/cli/index.ts → dist/cli/index.js          ESM, node; built when the file exists
 * The two ESM bundles are split (esbuild `splitting`, into their entry's folder): what is reached only by a
 * dynamic import(), above all the sandbox (services/runtime.ts, the CLI's sandbox command and --scenario),
 * becomes a chunk of its own, `sandbox-<hash>.js`, read only when sandbox mode starts; code both sides use
 * goes into a shared `chunk-<hash>.js` the entry imports. Chunks sit next to the entry, so `import.meta.url`
 * means the same folder in any of them. The summary prints each split bundle's entry file, what its static
 * imports load at startup, and the chunks it loads later.
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
  // ESM only: output goes to the entry's folder (outdir), lazily imported code into chunks beside it.
  splitting: true,
  metafile: true,
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
  const target = options.splitting ? { outdir: dirname(outfile) } : { outfile };
  const result = await esbuild({ ...options, ...target, entryPoints: [join(root, entry)], absWorkingDir: root });
  if (!existsSync(outfile)) throw new Error(`${entry} did not build to ${out}`);
  return { path: outfile, chunks: options.splitting ? chunksOf(result.metafile, outfile) : undefined };
}

/** From esbuild's metafile: the JS files the entry loads at startup (its static imports, transitively) and later. */
function chunksOf(metafile, outfile) {
  const outputs = Object.fromEntries(
    Object.entries(metafile.outputs)
      .filter(([name]) => name.endsWith('.js'))
      .map(([name, output]) => [join(root, name), output]),
  );
  const startup = new Set();
  const pending = [outfile];
  while (pending.length) {
    const file = pending.pop();
    if (startup.has(file)) continue;
    startup.add(file);
    for (const { path, kind } of outputs[file].imports) if (kind === 'import-statement' && outputs[join(root, path)]) pending.push(join(root, path));
  }
  const size = (file) => outputs[file].bytes;
  return {
    entry: size(outfile),
    startup: [...startup].reduce((total, file) => total + size(file), 0),
    lazy: Object.keys(outputs).filter((file) => !startup.has(file)).map((file) => ({ file, bytes: size(file) })),
  };
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
    built.push({ name: bundle.name, ...(await buildBundle(bundle)) });
  }

  const bytes = (count) => `${count} bytes, ${kib(count)}`;
  console.log('\nbuilt:');
  for (const { name, path, chunks } of built) {
    if (!chunks) {
      console.log(`  ${name.padEnd(9)} ${relative(root, path).padEnd(30)} ${kib(sizeOf(path))}`);
      continue;
    }
    console.log(`  ${name.padEnd(9)} ${relative(root, path).padEnd(30)} ${bytes(chunks.entry)}; loaded at startup with its chunks: ${bytes(chunks.startup)}`);
    for (const { file, bytes: size } of chunks.lazy) console.log(`  ${''.padEnd(9)} ${relative(root, file).padEnd(30)} ${bytes(size)}, loaded on demand`);
  }
}

main().catch((error) => {
  // esbuild and vite print their diagnostics; the message repeats them with file and line, so it is shown whole.
  console.error(`\nbuild failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
