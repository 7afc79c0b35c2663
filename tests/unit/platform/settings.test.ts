import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, openSettings, removeStaleTempFiles, salvageSettings, SettingsCorruptError, SettingsInvalidError, STALE_TEMP_MS } from '../../../main/platform/settings';
import { tempDir } from './support/canary';

beforeEach(() => {
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
});

const quarantined = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('settings.json.corrupt-'));

describe('openSettings', () => {
  it('starts from defaults in a private file', async () => {
    const dir = await tempDir();
    const settings = openSettings(dir);
    expect(settings.get('language')).toBe('en');
    expect(settings.get('backendUrl')).toBeNull();
    expect(settings.get('schemaVersion')).toBe(1);
    expect(settings.notice).toBeUndefined();
    expect(settings.path).toBe(path.join(dir, 'settings.json'));
    expect(statSync(settings.path).mode & 0o777).toBe(0o600);
  });

  it('keeps values across a reopen', async () => {
    const dir = await tempDir();
    openSettings(dir).set('backendUrl', 'https://api.exopen.example');
    expect(openSettings(dir).get('backendUrl')).toBe('https://api.exopen.example');
  });

  it('refuses a value outside the schema and writes nothing', async () => {
    const dir = await tempDir();
    const settings = openSettings(dir);
    const before = readFileSync(settings.path, 'utf8');
    expect(() => settings.set('backendUrl', 'ftp://nope')).toThrow(SettingsInvalidError);
    expect(() => settings.set('backendUrl', 'ftp://nope')).toThrow(expect.objectContaining({ code: 'E_CONFIG_INVALID' }));
    expect(readFileSync(settings.path, 'utf8')).toBe(before);
  });

  it.each([
    ['malformed JSON', '{"language": "en",'],
    ['a schema violation', JSON.stringify({ schemaVersion: 1, language: 'klingon', backendUrl: null })],
    ['not an object', '[1, 2, 3]'],
  ])('quarantines %s, uses defaults and says so', async (_, content) => {
    const dir = await tempDir();
    writeFileSync(path.join(dir, 'settings.json'), content);
    const settings = openSettings(dir);
    expect(settings.get('language')).toBe(DEFAULT_SETTINGS.language);
    expect(settings.notice).toBeInstanceOf(SettingsCorruptError);
    expect(settings.notice?.code).toBe('E_CONFIG_CORRUPT');
    const [aside] = quarantined(dir);
    expect(aside).toMatch(/^settings\.json\.corrupt-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/);
    // The damaged content is kept, not lost, and the message names where.
    expect(readFileSync(path.join(dir, aside ?? ''), 'utf8')).toBe(content);
    expect(settings.notice?.message).toContain(aside);
  });

  it('recovers when the file is damaged while running', async () => {
    const dir = await tempDir();
    const settings = openSettings(dir);
    settings.set('backendUrl', 'https://api.exopen.example');
    writeFileSync(settings.path, 'garbage');
    expect(settings.get('backendUrl')).toBeNull();
    expect(settings.notice?.code).toBe('E_CONFIG_CORRUPT');
    settings.set('backendUrl', 'https://again.example');
    expect(openSettings(dir).get('backendUrl')).toBe('https://again.example');
    expect(quarantined(dir)).toHaveLength(1);
  });

  it('a truncated file keeps the custom backend it still holds, and says what was kept and what was reset', async () => {
    const dir = await tempDir();
    const full = JSON.stringify({ schemaVersion: 1, language: 'en', environment: 'custom', backendUrl: 'https://exopen.example.com', issuerUrl: null, signers: { netvisor: 'local' } }, null, '\t');
    const truncated = full.slice(0, full.indexOf('"signers"') + 14);
    writeFileSync(path.join(dir, 'settings.json'), truncated);
    const settings = openSettings(dir);
    expect(settings.get('environment')).toBe('custom');
    expect(settings.get('backendUrl')).toBe('https://exopen.example.com');
    expect(settings.get('signers')).toEqual({});
    expect(settings.notice).toMatchObject({ code: 'E_CONFIG_CORRUPT', file: settings.path, kept: ['backend'], reset: ['signers'], inMemory: false });
    expect(readFileSync(settings.notice!.quarantinedTo!, 'utf8')).toBe(truncated);
  });

  it('garbage keeps nothing: backend and signers reset, a custom backend without its URL is the sandbox', async () => {
    const dir = await tempDir();
    writeFileSync(path.join(dir, 'settings.json'), '{"environment":"custom","backendUrl":"ftp://x",\u0000\u0001garbage');
    const settings = openSettings(dir);
    expect(settings.get('environment')).toBe('sandbox');
    expect(settings.notice).toMatchObject({ kept: [], reset: ['backend', 'signers'] });
  });

  it('a schema-invalid file keeps every value that is valid on its own', async () => {
    const dir = await tempDir();
    writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ schemaVersion: 1, language: 'klingon', environment: 'production', signers: { procountor: 'local' } }));
    const settings = openSettings(dir);
    expect(settings.get('environment')).toBe('production');
    expect(settings.get('signers')).toEqual({ procountor: 'local' });
    expect(settings.get('language')).toBe('en');
    expect(settings.notice).toMatchObject({ kept: ['backend', 'signers'], reset: [] });
  });

  it('salvage never throws on odd escapes and ignores cut-off objects', () => {
    expect(salvageSettings('{"backendUrl": "https://a\\q", "environment": "custom", "signers": {"netvisor": "lo')).toEqual({ environment: 'custom' });
    expect(salvageSettings('')).toEqual({});
    expect(salvageSettings('[1]')).toEqual({});
  });

  it('settings.json as a folder: set aside like a damaged file, defaults in use, no throw', async () => {
    const dir = await tempDir();
    mkdirSync(path.join(dir, 'settings.json', 'inner'), { recursive: true });
    const settings = openSettings(dir);
    expect(settings.get('environment')).toBe('sandbox');
    expect(settings.notice).toMatchObject({ code: 'E_CONFIG_CORRUPT', inMemory: false, reset: ['backend', 'signers'] });
    expect(statSync(settings.notice!.quarantinedTo!).isDirectory()).toBe(true);
    expect(statSync(settings.path).isFile()).toBe(true);
    settings.set('environment', 'production');
    expect(openSettings(dir).get('environment')).toBe('production');
  });

  it('a damaged file that cannot be moved aside: defaults in memory, a notice naming the path and the fix, changes refused', async () => {
    const dir = await tempDir();
    mkdirSync(path.join(dir, 'settings.json'));
    const settings = openSettings(dir, undefined, {
      quarantine: () => {
        throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
      },
    });
    expect(settings.get('environment')).toBe('sandbox');
    expect(settings.notice).toMatchObject({ code: 'E_CONFIG_CORRUPT', inMemory: true, quarantinedTo: undefined });
    expect(settings.notice?.message).toBe(
      `The settings file ${settings.path} is damaged and could not be moved aside; default settings are in use for this session only. Move or delete ${settings.path} and start again.`,
    );
    expect(() => settings.set('environment', 'production')).toThrow(expect.objectContaining({ code: 'E_CONFIG_CORRUPT', message: expect.stringContaining(`Move or delete ${settings.path} and start Exopen Connect again`) }));
    expect(statSync(settings.path).isDirectory()).toBe(true);
  });
});

describe('leftover settings temp files', () => {
  it('start-up removes settings.json.tmp-* older than a minute and keeps younger ones (a write in progress)', async () => {
    const dir = await tempDir();
    const now = new Date('2026-12-06T12:00:00Z');
    const old = path.join(dir, 'settings.json.tmp-1765000000abcdef');
    const young = path.join(dir, 'settings.json.tmp-1765000099abcdef');
    const other = path.join(dir, 'other.json.tmp-1765000000abcdef');
    for (const file of [old, young, other]) writeFileSync(file, '{}');
    utimesSync(old, new Date(now.getTime() - STALE_TEMP_MS - 1), new Date(now.getTime() - STALE_TEMP_MS - 1));
    utimesSync(young, new Date(now.getTime() - 5_000), new Date(now.getTime() - 5_000));
    utimesSync(other, new Date(0), new Date(0));
    openSettings(dir, undefined, { now: () => now });
    expect(existsSync(old)).toBe(false);
    expect(existsSync(young)).toBe(true);
    expect(existsSync(other)).toBe(true);
    expect(removeStaleTempFiles(dir, new Date(now.getTime() + STALE_TEMP_MS))).toEqual([path.basename(young)]);
  });
});
