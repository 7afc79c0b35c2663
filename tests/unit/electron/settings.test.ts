/**
 * The Electron host's settings (main/electron/settings.ts): electron-store, against the shared Electron mock
 * (vitest.config.ts inlines electron-store so its own `import electron from 'electron'` gets the mock),
 * over the same file and schema as conf in the web host and the CLI.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ELECTRON_STORE_CHANNEL, electronStoreEngine, openElectronSettings } from '../../../main/electron/settings';
import { DEFAULT_SETTINGS, openSettings, settingsFileOptions, SettingsCorruptError, SettingsInvalidError } from '../../../main/platform/settings';
import { electronFake } from '../../mocks/electron';
import { tempDir } from '../platform/support/canary';

beforeEach(() => {
  // The quarantine warning goes to the log (stderr here).
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
});

const quarantined = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('settings.json.corrupt-'));

describe('electron-store engine', () => {
  it('is electron-store, on the mocked Electron, at the same path as conf', async () => {
    const dir = await tempDir();
    const store = electronStoreEngine(settingsFileOptions(dir));
    // electron-store's class (lint keeps 'electron-store' itself out of tests), which is conf underneath.
    expect(store.constructor.name).toBe('ElectronStore');
    expect(store).toBeInstanceOf(Conf);
    // electron-store asked the (mocked) Electron app for its defaults: proof its 'electron' import is the mock.
    expect(electronFake.app.getPath).toHaveBeenCalledWith('userData');
    // `name`, not conf's configName (which electron-store would overwrite with 'config').
    expect(store.path).toBe(path.join(dir, 'settings.json'));
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('leaves no IPC listener of its own on ipcMain', async () => {
    // electron-store registers its channel once per process, so load a fresh copy to see it happen.
    vi.resetModules();
    const fresh = await import('../../../main/electron/settings');
    const on = vi.spyOn(electronFake.ipcMain, 'on');
    fresh.openElectronSettings(await tempDir());
    expect(on).toHaveBeenCalledWith(ELECTRON_STORE_CHANNEL, expect.any(Function));
    expect(electronFake.ipcMain.listenerCount(ELECTRON_STORE_CHANNEL)).toBe(0);
    expect(electronFake.ipcMain.eventNames()).toEqual([]);
  });
});

describe('openElectronSettings', () => {
  it('starts from the defaults in a private settings.json', async () => {
    const dir = await tempDir();
    const settings = openElectronSettings(dir);
    expect(settings.path).toBe(path.join(dir, 'settings.json'));
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof typeof DEFAULT_SETTINGS)[]) expect(settings.get(key)).toEqual(DEFAULT_SETTINGS[key]);
    expect(settings.notice).toBeUndefined();
    expect(statSync(settings.path).mode & 0o777).toBe(0o600);
  });

  it('writes the same file, byte for byte, as conf does for the same changes', async () => {
    const [viaElectron, viaConf] = [await tempDir(), await tempDir()];
    for (const settings of [openElectronSettings(viaElectron), openSettings(viaConf)]) {
      settings.set('environment', 'custom');
      settings.set('backendUrl', 'https://api.exopen.example');
      settings.set('signers', { netvisor: 'local' });
    }
    const written = readFileSync(path.join(viaElectron, 'settings.json'), 'utf8');
    expect(written).toBe(readFileSync(path.join(viaConf, 'settings.json'), 'utf8'));
    expect(JSON.parse(written)).toMatchObject({ schemaVersion: 1, environment: 'custom', backendUrl: 'https://api.exopen.example', signers: { netvisor: 'local' } });
  });

  it('reads what the web host or the CLI (conf) wrote, and they read what it wrote', async () => {
    const dir = await tempDir();
    openSettings(dir).set('backendUrl', 'https://from-the-cli.example');
    const electron = openElectronSettings(dir);
    expect(electron.get('backendUrl')).toBe('https://from-the-cli.example');
    electron.set('issuerUrl', 'https://id.from-electron.example');
    electron.set('signers', { procountor: 'local' });
    const conf = openSettings(dir);
    expect(conf.get('issuerUrl')).toBe('https://id.from-electron.example');
    expect(conf.get('signers')).toEqual({ procountor: 'local' });
    expect(conf.get('backendUrl')).toBe('https://from-the-cli.example');
  });

  it('keeps keys a newer version wrote, as conf does', async () => {
    const dir = await tempDir();
    writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, theme: 'dark' }));
    openElectronSettings(dir).set('environment', 'production');
    expect(JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8'))).toMatchObject({ theme: 'dark', environment: 'production' });
  });

  it('refuses a value outside the schema and writes nothing', async () => {
    const dir = await tempDir();
    const settings = openElectronSettings(dir);
    const before = readFileSync(settings.path, 'utf8');
    expect(() => settings.set('backendUrl', 'ftp://nope')).toThrow(SettingsInvalidError);
    expect(() => settings.set('environment', 'staging' as never)).toThrow(expect.objectContaining({ code: 'E_CONFIG_INVALID' }));
    expect(readFileSync(settings.path, 'utf8')).toBe(before);
  });

  it('quarantines a file that breaks the schema, like conf, and says so', async () => {
    const dir = await tempDir();
    const content = JSON.stringify({ schemaVersion: 1, language: 'klingon', backendUrl: null });
    writeFileSync(path.join(dir, 'settings.json'), content);
    const settings = openElectronSettings(dir);
    expect(settings.get('language')).toBe('en');
    expect(settings.notice).toBeInstanceOf(SettingsCorruptError);
    const [aside] = quarantined(dir);
    expect(readFileSync(path.join(dir, aside ?? ''), 'utf8')).toBe(content);
    // conf (the other hosts) then opens the fresh file without a notice.
    expect(openSettings(dir).notice).toBeUndefined();
  });

  it('recovers from a file damaged while running', async () => {
    const dir = await tempDir();
    const settings = openElectronSettings(dir);
    settings.set('backendUrl', 'https://api.exopen.example');
    writeFileSync(settings.path, 'garbage');
    expect(settings.get('backendUrl')).toBeNull();
    expect(settings.notice?.code).toBe('E_CONFIG_CORRUPT');
    settings.set('backendUrl', 'https://again.example');
    expect(openSettings(dir).get('backendUrl')).toBe('https://again.example');
    expect(quarantined(dir)).toHaveLength(1);
  });
});
