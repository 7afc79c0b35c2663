/**
 * The built renderer and Electron preload build the bridge from the call names only (preload/bridge.ts,
 * preload/names.ts): the zod schemas main validates with stay out of both bundles. A value import from
 * preload/contract.ts in either would pull them back in; this catches it in the built files.
 *
 * The sandbox is loaded only when sandbox mode starts (services/runtime.ts imports it dynamically and
 * scripts/build.mjs splits the ESM bundles): a static import of main/sandbox from main code would put it
 * back into what the Electron main process and the CLI load at startup; this catches that too.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ZOD_MARKERS = ['ZodError', '$ZodType'];

function bundle(path: string): string {
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` before the e2e tests`);
  return readFileSync(path, 'utf8');
}

describe('what the renderer and the preload bundles carry', () => {
  it('the preload has no zod', () => {
    const text = bundle('dist/preload/index.cjs');
    for (const marker of ZOD_MARKERS) expect(text.includes(marker), marker).toBe(false);
  });

  it('the renderer has no zod', () => {
    const dir = 'dist/renderer/assets';
    const scripts = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.js')) : [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const name of scripts) {
      const text = bundle(join(dir, name));
      for (const marker of ZOD_MARKERS) expect(text.includes(marker), `${marker} in ${name}`).toBe(false);
    }
  });
});

/** A sandbox-only string: the sandbox backend's development token (main/sandbox/exopen). */
const SANDBOX_MARKER = 'exopen-sandbox-dev-token';

/** The entry and the chunks its static `import … from "./x.js"` statements load, transitively. */
function loadedAtStartup(entry: string): string[] {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, relative] of bundle(file).matchAll(/(?:^|[;\n}])\s*import\s*(?:[^"'()]*?\s*from\s*)?"(\.\/[^"]+\.js)"/g)) pending.push(join(dirname(file), relative!));
  }
  return [...seen];
}

describe.each([
  ['the Electron main bundle', 'dist/main/electron/main.js'],
  ['the CLI bundle', 'dist/cli/index.js'],
])('%s', (_, entry) => {
  it('loads no sandbox at startup, and has it in a chunk of its own it imports on demand', () => {
    const startup = loadedAtStartup(entry);
    expect(startup.length).toBeGreaterThan(1);
    for (const file of startup) expect(bundle(file).includes(SANDBOX_MARKER), `${SANDBOX_MARKER} in ${file}`).toBe(false);
    const chunks = readdirSync(dirname(entry)).filter((name) => /^sandbox-[A-Z0-9]+\.js$/.test(name));
    expect(chunks).toHaveLength(1);
    // The sandbox's code may sit in the chunk itself or in one it shares with the systems' simulator adapters
    // (each loaded on demand through the registry): either way it is in a file the entry does not load at start.
    const onDemand = readdirSync(dirname(entry)).filter((name) => name.endsWith('.js') && !startup.includes(join(dirname(entry), name)));
    expect(onDemand.some((name) => bundle(join(dirname(entry), name)).includes(SANDBOX_MARKER))).toBe(true);
    expect(startup.some((file) => bundle(file).includes(`import("./${chunks[0]}")`))).toBe(true);
  });
});
