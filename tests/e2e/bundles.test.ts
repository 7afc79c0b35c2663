/**
 * The built renderer and Electron preload build the bridge from the call names only (preload/bridge.ts,
 * preload/names.ts): the zod schemas main validates with stay out of both bundles. A value import from
 * preload/contract.ts in either would pull them back in; this catches it in the built files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
