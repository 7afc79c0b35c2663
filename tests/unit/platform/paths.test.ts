import { chmodSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFor, resolveDataDir } from '../../../main/platform/paths';
import { tempDir } from './support/canary';

describe('dataDirFor', () => {
  it('prefers EXOPEN_CONNECT_DATA_DIR', () => {
    expect(dataDirFor({ EXOPEN_CONNECT_DATA_DIR: '/srv/exopen', HOME: '/home/a' }, 'linux')).toBe('/srv/exopen');
  });

  it('follows each OS convention', () => {
    expect(dataDirFor({ HOME: '/home/a' }, 'linux')).toBe('/home/a/.config/exopen-connect');
    expect(dataDirFor({ HOME: '/home/a', XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe('/cfg/exopen-connect');
    expect(dataDirFor({ HOME: '/home/a', XDG_CONFIG_HOME: 'relative' }, 'linux')).toBe('/home/a/.config/exopen-connect');
    expect(dataDirFor({ HOME: '/Users/a' }, 'darwin')).toBe('/Users/a/Library/Application Support/Exopen Connect');
    expect(dataDirFor({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toBe('C:\\Users\\a\\AppData\\Roaming\\Exopen Connect');
    expect(dataDirFor({ USERPROFILE: 'C:\\Users\\a' }, 'win32')).toBe('C:\\Users\\a\\AppData\\Roaming\\Exopen Connect');
  });
});

describe('resolveDataDir', () => {
  it('creates the directory with mode 0700', async () => {
    const root = await tempDir();
    const dir = resolveDataDir({ EXOPEN_CONNECT_DATA_DIR: path.join(root, 'a', 'b') }, 'linux');
    expect(statSync(dir).isDirectory()).toBe(true);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('tightens an existing directory that others could read', async () => {
    const root = await tempDir();
    const dir = path.join(root, 'open');
    mkdirSync(dir);
    chmodSync(dir, 0o755);
    resolveDataDir({ EXOPEN_CONNECT_DATA_DIR: dir }, 'linux');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });
});
