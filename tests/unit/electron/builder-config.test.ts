import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

/**
 * Packaging needs the Electron binary, so CI cannot run electron-builder; this checks its config
 * statically: valid against electron-builder's own JSON schema, the fuses exactly as decided.
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

  it('flips the fuses as decided (anchors-security-reliability §1.2)', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
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
