import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, openSettings, SettingsCorruptError, SettingsInvalidError } from '../../../main/platform/settings';
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
});
