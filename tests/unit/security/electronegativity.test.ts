/**
 * Electronegativity runs in `npm test` as its own step (scripts/test-all.sh: "== electronegativity", the
 * scan of main/, preload/ and renderer/ that must end with 0 findings and 0 parse errors). These tests keep
 * its exceptions honest and its wrapper strict:
 * - every `eng-disable` annotation in the scanned code has a `reviewed:` comment and is listed in
 *   security/eng-allowlist.json, and the list has nothing more, so a new suppression cannot sneak in;
 * - every check skipped whole is one the tool knows (under the lower-case class name it matches) with a reason;
 * - the wrapper reports a finding and exits 1 on an insecure window, and does not wait on the network.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..', '..');
const require = createRequire(import.meta.url);

interface Allowlist {
  readonly excludedChecks: ReadonlyArray<{ check: string; reviewed: string }>;
  readonly annotations: ReadonlyArray<{ file: string; check: string }>;
}
const allowlist = JSON.parse(readFileSync(join(root, 'security', 'eng-allowlist.json'), 'utf8')) as Allowlist;

function scannedFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx|js|jsx|mjs|cjs|html|htm)$/.test(name)) found.push(path);
    }
  };
  for (const dir of ['main', 'preload', 'renderer']) walk(join(root, dir));
  return found;
}

describe('Electronegativity exceptions (security/eng-allowlist.json)', () => {
  const annotations = scannedFiles().flatMap((file) => {
    const lines = readFileSync(file, 'utf8').split('\n');
    return lines.flatMap((line, index) =>
      // The tool's own patterns (util/exceptions.js): `// eng-disable IDS`, `/* eng-disable IDS`, `<!-- eng-disable IDS -->`.
      [...line.matchAll(/(?:\/\/|\/\*|<!--)[ \t]*eng-disable[ \t]+([\w \t]+)/g)].flatMap((match) =>
        match[1]!
          .trim()
          .split(/[ \t]+/)
          .map((check) => ({ file: relative(root, file), check, line: index, context: lines.slice(Math.max(0, index - 4), index + 1).join('\n') })),
      ),
    );
  });

  it('lists exactly the eng-disable annotations in the scanned code', () => {
    const key = (entry: { file: string; check: string }) => `${entry.file} ${entry.check}`;
    expect(annotations.map(key).sort()).toEqual(allowlist.annotations.map(key).sort());
  });

  it('has a reviewed: justification beside every annotation', () => {
    const unjustified = annotations.filter((annotation) => !annotation.context.includes('reviewed:'));
    expect(unjustified.map((annotation) => `${annotation.file}:${annotation.line + 1} ${annotation.check}`)).toEqual([]);
  });

  it('skips whole only checks the tool knows, by the lower-case class name it matches, each with a reason', () => {
    const checksDir = join(dirname(require.resolve('@doyensec/electronegativity')), 'finder', 'checks');
    const known = ['AtomicChecks', 'GlobalChecks'].flatMap((kind) =>
      readdirSync(join(checksDir, kind))
        .filter((name) => name.endsWith('.js') && name !== 'index.js')
        .map((name) => name.replace(/\.js$/, '').toLowerCase()),
    );
    expect(allowlist.excludedChecks.length).toBeGreaterThan(0);
    for (const { check, reviewed } of allowlist.excludedChecks) {
      expect(known, check).toContain(check);
      expect(reviewed.length, check).toBeGreaterThan(40);
    }
  });
});

describe('scripts/electronegativity.mjs', () => {
  it('fails with the finding on an insecure window, without waiting on the network', () => {
    const dir = mkdtempSync(join(tmpdir(), 'exopen-eng-fixture-'));
    try {
      writeFileSync(
        join(dir, 'main.js'),
        "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: true } });\n",
      );
      const result = spawnSync(process.execPath, [join(root, 'scripts', 'electronegativity.mjs'), '--json', '--dir', dir], { encoding: 'utf8', timeout: 60_000 });
      expect(result.status, result.stderr).toBe(1);
      const report = JSON.parse(result.stdout.trim().split('\n').pop()!) as { issues: Array<{ id: string; file: string }>; errors: unknown[] };
      expect(report.issues.map((issue) => issue.id)).toContain('CONTEXT_ISOLATION_JS_CHECK');
      expect(report.errors).toEqual([]);
      // Its HTTP client is replaced, so the translation fetch fails at once rather than timing out and retrying.
      expect(result.stderr).toContain('Could not retrieve updated translations');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
