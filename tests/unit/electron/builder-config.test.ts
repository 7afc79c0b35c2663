import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

/**
 * Packaging needs the Electron binary, so CI cannot run electron-builder; this checks its config
 * statically (valid against electron-builder's own JSON schema), and the fuse hook it names
 * (scripts/after-pack.cjs) on fake Electron binaries: files holding just a fuse wire.
 */
const root = join(__dirname, '..', '..', '..');
const require = createRequire(import.meta.url);
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's schema", () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('leaves the fuses to the strict afterPack hook, not to electronFuses', () => {
    expect(config.afterPack).toBe('./scripts/after-pack.cjs');
    expect(existsSync(join(root, 'scripts', 'after-pack.cjs'))).toBe(true);
    // electron-builder's own option cannot require every fuse; with both, two tables could disagree.
    expect(config).not.toHaveProperty('electronFuses');
  });

  it('packs into asar with keytar unpacked, for every desktop platform', () => {
    expect(config).toMatchObject({ appId: 'se.exopen.connect', productName: 'Exopen Connect', asar: true });
    expect(config.asarUnpack).toContain('**/node_modules/keytar/**');
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', 'package.json']));
    expect(config).toMatchObject({ linux: { target: ['AppImage', 'deb'] }, mac: { target: 'dmg' }, win: { target: 'nsis' } });
  });

  it('leaves out only packages that main-process code never imports', () => {
    const excluded = (config.files as string[])
      .filter((pattern) => pattern.startsWith('!node_modules/'))
      .map((pattern) => pattern.slice('!node_modules/'.length).replace(/\{.*$/, ''));
    const imported = new Set<string>();
    for (const file of sources(join(root, 'main')).concat(sources(join(root, 'preload')))) {
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/from '([^.'][^']*)'/g)) imported.add(packageOf(specifier!));
    }
    expect(excluded.length).toBeGreaterThan(0);
    expect(excluded.filter((name) => imported.has(name) || [...imported].some((pkg) => pkg.startsWith(`${name}/`)))).toEqual([]);
  });
});

const packageOf = (specifier: string): string => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

interface FuseApi {
  flipFuses(path: string, config: Record<string, unknown>): Promise<number>;
  FuseV1Options: Record<string, string | number>;
  FuseVersion: { V1: string };
}
interface AfterPackModule {
  afterPack(context: unknown, fuses?: FuseApi): Promise<void>;
  FUSES: Record<string, boolean>;
  fuseConfig(api: Pick<FuseApi, 'FuseV1Options' | 'FuseVersion'>): Record<string | number, unknown>;
}
const hook = require(join(root, 'scripts', 'after-pack.cjs')) as AfterPackModule;
const fuses = require('@electron/fuses') as FuseApi;

/** The names of a FuseV1Options enum, in wire order. */
const namesOf = (options: Record<string, string | number>) =>
  Object.entries(options)
    .filter(([, value]) => typeof value === 'number')
    .sort(([, a], [, b]) => (a as number) - (b as number))
    .map(([name]) => name);

/** Electron's fuses by wire position, as of Electron 45 (electron/electron build/fuses/fuses.json5). */
const ELECTRON_45_FUSES = [
  'RunAsNode',
  'EnableCookieEncryption',
  'EnableNodeOptionsEnvironmentVariable',
  'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation',
  'OnlyLoadAppFromAsar',
  'LoadBrowserProcessSpecificV8Snapshot',
  'GrantFileProtocolExtraPrivileges',
  'WasmTrapHandlers',
];

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ENABLE = 0x31;
const DISABLE = 0x30;

/** A file that is, for @electron/fuses, an Electron binary: some bytes, the sentinel, version 1, `length` fuses all enabled. */
function fakeElectron(dir: string, length: number): string {
  const path = join(dir, 'exopen-connect');
  writeFileSync(path, Buffer.concat([Buffer.from('ELF…'), Buffer.from(SENTINEL), Buffer.from([1, length]), Buffer.alloc(length, ENABLE), Buffer.from('…')]));
  return path;
}
function wireOf(path: string, length: number): number[] {
  const bytes = readFileSync(path);
  const at = bytes.indexOf(SENTINEL) + SENTINEL.length + 2;
  return [...bytes.subarray(at, at + length)];
}
const linuxContext = (appOutDir: string) => ({ appOutDir, electronPlatformName: 'linux', packager: { executableName: 'exopen-connect', appInfo: { productFilename: 'Exopen Connect' } } });

describe('the fuse hook (scripts/after-pack.cjs)', () => {
  it('decides every fuse of Electron 45 as in anchors-security-reliability §1.2', () => {
    expect(hook.FUSES).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
      WasmTrapHandlers: true,
    });
    expect(Object.keys(hook.FUSES)).toEqual(ELECTRON_45_FUSES);
  });

  it('decides every fuse the installed @electron/fuses knows, and asks for all of them strictly', () => {
    const known = namesOf(fuses.FuseV1Options);
    expect(known.filter((name) => !(name in hook.FUSES))).toEqual([]);
    const config = hook.fuseConfig(fuses);
    expect(config).toMatchObject({ version: fuses.FuseVersion.V1, strictlyRequireAllFuses: true });
    for (const name of known) expect(config[fuses.FuseV1Options[name]!], name).toBe(hook.FUSES[name]);
  });

  it('refuses an @electron/fuses that knows a fuse nobody decided', () => {
    const newer = { FuseVersion: fuses.FuseVersion, FuseV1Options: { ...fuses.FuseV1Options, SomeFutureFuse: 9, 9: 'SomeFutureFuse' } };
    expect(() => hook.fuseConfig(newer)).toThrow(/does not decide: SomeFutureFuse/);
  });

  it('sets every fuse of a binary whose wire the installed @electron/fuses fully knows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exopen-fuses-'));
    try {
      const length = namesOf(fuses.FuseV1Options).length;
      const binary = fakeElectron(dir, length);
      await hook.afterPack(linuxContext(dir));
      const expected = namesOf(fuses.FuseV1Options).map((name) => (hook.FUSES[name] ? ENABLE : DISABLE));
      expect(wireOf(binary, length)).toEqual(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails packaging when the binary has a fuse the installed @electron/fuses cannot set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exopen-fuses-'));
    try {
      const length = namesOf(fuses.FuseV1Options).length + 1;
      const binary = fakeElectron(dir, length);
      await expect(hook.afterPack(linuxContext(dir))).rejects.toThrow(/afterPack: setting the fuses of .*exopen-connect failed: strictlyRequireAllFuses/);
      // Nothing was written: an unsigned half-set wire never ships.
      expect(wireOf(binary, length)).toEqual(Array(length).fill(ENABLE));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("on Electron 45's wire: sets all 9 fuses, or names the @electron/fuses upgrade it needs", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exopen-fuses-'));
    try {
      const binary = fakeElectron(dir, ELECTRON_45_FUSES.length);
      const packing = hook.afterPack(linuxContext(dir));
      if ('WasmTrapHandlers' in fuses.FuseV1Options) {
        await packing;
        expect(wireOf(binary, ELECTRON_45_FUSES.length)).toEqual(ELECTRON_45_FUSES.map((name) => (hook.FUSES[name] ? ENABLE : DISABLE)));
      } else {
        // @electron/fuses 1.x (electron-builder 26's own) has no name for Electron 43's WasmTrapHandlers.
        await expect(packing).rejects.toThrow(/Electron 43\+ has WasmTrapHandlers, which needs @electron\/fuses 2/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds the executable where electron-builder packs it on each platform', async () => {
    const seen: string[] = [];
    const spy: FuseApi = { ...fuses, flipFuses: async (path) => (seen.push(path), 1) };
    const packager = { executableName: 'exopen-connect', appInfo: { productFilename: 'Exopen Connect' } };
    for (const electronPlatformName of ['linux', 'win32', 'darwin', 'mas']) await hook.afterPack({ appOutDir: '/out', electronPlatformName, packager }, spy);
    expect(seen).toEqual(['/out/exopen-connect', '/out/Exopen Connect.exe', '/out/Exopen Connect.app', '/out/Exopen Connect.app']);
  });
});
