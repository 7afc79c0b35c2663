/**
 * scripts/ensure-deps.mjs, what the README's two commands install first (tests/e2e/fresh-start.test.ts runs
 * the real start command on a fresh clone). It is plain Node run before `npm ci`, so it is exercised here in a
 * child Node process, on temp folders and a fake apt/dpkg.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const script = join(__dirname, '..', '..', '..', 'scripts', 'ensure-deps.mjs');

/** Runs `body` (an async function body with `m`, the module) in a child Node; returns its JSON result and stderr. */
function inNode(body: string): { result: unknown; stderr: string; stdout: string } {
  const code = `const m = await import(${JSON.stringify(script)}); const result = await (async () => { ${body} })(); process.stdout.write('\\n' + JSON.stringify(result ?? null));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  const lines = child.stdout.trimEnd().split('\n');
  return { result: JSON.parse(lines.pop()!), stdout: lines.join('\n'), stderr: child.stderr };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'exopen-deps-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function lockfiles(wanted: Record<string, object>, installed?: Record<string, object>) {
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: { '': { name: 'x' }, ...wanted } }));
  if (installed) {
    mkdirSync(join(dir, 'node_modules'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', '.package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: installed }));
  }
}
const state = () => inNode(`return m.nodeModulesState(${JSON.stringify(dir)});`).result;

describe('nodeModulesState', () => {
  it('is missing without node_modules', () => {
    lockfiles({ 'node_modules/a': { version: '1.0.0' } });
    expect(state()).toEqual({ state: 'missing', reason: 'node_modules does not exist' });
  });

  it('is stale when a package differs from package-lock.json or is not installed', () => {
    lockfiles({ 'node_modules/a': { version: '1.0.1' } }, { 'node_modules/a': { version: '1.0.0' } });
    expect(state()).toEqual({ state: 'stale', reason: 'node_modules/a is 1.0.0, package-lock.json wants 1.0.1' });
    lockfiles({ 'node_modules/a': { version: '1.0.0' }, 'node_modules/b': { version: '2.0.0' } }, { 'node_modules/a': { version: '1.0.0' } });
    expect(state()).toEqual({ state: 'stale', reason: 'node_modules/b is not installed' });
  });

  it('is current when only optional packages are absent (keytar that did not build, other platforms)', () => {
    lockfiles(
      { 'node_modules/a': { version: '1.0.0' }, 'node_modules/keytar': { version: '7.9.0', optional: true } },
      { 'node_modules/a': { version: '1.0.0' } },
    );
    expect(state()).toEqual({ state: 'current' });
  });
});

/** A fake spawnSync: dpkg-query knows `installed`; apt-get succeeds unless `aptFails`; every call is recorded. */
const fakeRun = (installed: string[], aptFails = false) => `
  const calls = [];
  const run = (cmd, args) => {
    calls.push([cmd, ...args].join(' '));
    if (cmd === 'dpkg-query') return args[0] === '--version' ? { status: 0 } : { status: 0, stdout: ${JSON.stringify(installed)}.includes(args[2]) ? 'install ok installed' : 'unknown ok not-installed' };
    return { status: ${aptFails ? 1 : 0} };
  };`;

describe('ensureDebianPackages', () => {
  it('does nothing when every package is installed', () => {
    const { result } = inNode(`${fakeRun(['python3', 'make', 'g++', 'pkg-config', 'libsecret-1-dev'])} return [m.ensureDebianPackages(m.START_PACKAGES, { isRoot: true, run }), calls.filter((c) => c.startsWith('apt-get'))];`);
    expect(result).toEqual(['present', []]);
  });

  it('installs exactly the missing ones with apt-get when root', () => {
    const { result } = inNode(`${fakeRun(['python3', 'make', 'g++', 'pkg-config'])} return [m.ensureDebianPackages(m.START_PACKAGES, { isRoot: true, run }), calls.filter((c) => c.startsWith('apt-get'))];`);
    expect(result).toEqual(['installed', ['apt-get update -qq', 'apt-get install -y -qq libsecret-1-dev']]);
  });

  it('when not root, installs nothing and prints the line to run, saying what goes without them', () => {
    const { result, stderr } = inNode(`${fakeRun(['python3', 'make', 'g++'])} return [m.ensureDebianPackages(m.START_PACKAGES, { isRoot: false, run, why: 'keytar cannot build' }), calls.filter((c) => c.startsWith('apt-get'))];`);
    expect(result).toEqual(['missing', []]);
    expect(stderr).toContain('Missing Debian packages: pkg-config libsecret-1-dev (keytar cannot build). Install them with: sudo apt-get install pkg-config libsecret-1-dev');
  });

  it('reports a failed apt-get as missing, with the command to try', () => {
    const { result, stderr } = inNode(`${fakeRun([], true)} return m.ensureDebianPackages(['libsecret-1-dev'], { isRoot: true, run });`);
    expect(result).toBe('missing');
    expect(stderr).toContain('Could not install the Debian packages libsecret-1-dev; try: apt-get install libsecret-1-dev');
  });

  it('checks nothing where there is no dpkg (not Debian)', () => {
    const { result } = inNode(`const run = () => ({ status: null, error: new Error('ENOENT') }); return m.ensureDebianPackages(m.TEST_PACKAGES, { isRoot: true, run });`);
    expect(result).toBe('present');
  });
});

describe('what each command needs', () => {
  it('npm start: what keytar builds from; npm test: that and its browser and keyring', () => {
    const { result } = inNode('return [m.START_PACKAGES, m.TEST_PACKAGES];');
    const [start, test] = result as [string[], string[]];
    expect(start).toEqual(['python3', 'make', 'g++', 'pkg-config', 'libsecret-1-dev']);
    expect(test).toEqual([...start, 'chromium', 'xvfb', 'gnome-keyring', 'dbus-x11']);
  });
});
