/**
 * House rules of the Vitec code: the SPECULATIVE wire (paths, auth, shapes) lives in assumedApi.ts only; every
 * message key the sources name exists in vitec.json; modules stay small.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyExists, keyOrBranchExists } from './helpers';

const ROOT = join(__dirname, '../../..');
const DIRS = ['main/connectors/vitec', 'main/connectors/vitec/sandbox'];
const ASSUMED = 'main/connectors/vitec/assumedApi.ts';

function sources(): Array<{ path: string; text: string }> {
  return DIRS.flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.ts'))
      .map((name) => ({ path: relative(ROOT, join(ROOT, dir, name)), text: readFileSync(join(ROOT, dir, name), 'utf8') })),
  );
}

describe('Vitec code boundaries', () => {
  it('only assumedApi.ts names API paths, the Basic scheme or the sandbox header', () => {
    const offenders = sources()
      .filter((file) => file.path !== ASSUMED)
      .filter((file) => /['"`]\/api\b|\/api\/|['"`]Basic\s|x-vitec-sandbox-domain/i.test(file.text))
      .map((file) => file.path);
    expect(offenders).toEqual([]);
    expect(readFileSync(join(ROOT, ASSUMED), 'utf8')).toMatch(/SPECULATIVE/);
  });

  it('the client and the simulator both speak through assumedApi', () => {
    const byPath = new Map(sources().map((file) => [file.path, file.text]));
    for (const path of ['main/connectors/vitec/client.ts', 'main/connectors/vitec/sandbox/vendor.ts', 'main/connectors/vitec/sandbox/respond.ts']) {
      expect(byPath.get(path), path).toMatch(/from '\.\.\/(?:\.\.\/connectors\/vitec\/)?assumedApi'|from '\.\/assumedApi'/);
    }
  });

  // Literal keys are whole messages, or the base of a meaning/fix pair (`pair('vitec:diagnosis.parse')`).
  it('every literal vitec: message key in the sources exists in vitec.json', () => {
    const keys = new Set(sources().flatMap((file) => [...file.text.matchAll(/['"`](vitec:[A-Za-z0-9_.]+)['"`]/g)].map((match) => match[1]!)));
    expect(keys.size).toBeGreaterThan(5);
    // A trailing dot is a known problem's meaningPrefix (a family of keys): the group must exist.
    const missing = [...keys].map((key) => key.replace(/\.$/, '')).filter((key) => !keyExists(key) && !keyOrBranchExists(key));
    expect(missing).toEqual([]);
  });

  it('modules stay small: none over 300 lines, median under 100', () => {
    const lines = sources().map((file) => ({ path: file.path, count: file.text.split('\n').length }));
    expect(lines.filter((file) => file.count > 300)).toEqual([]);
    const sorted = lines.map((file) => file.count).sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(100);
  });
});
