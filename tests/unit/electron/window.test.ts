import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL } from '../../../main/electron/origin';
import { createMainWindow, WINDOW_TITLE } from '../../../main/electron/window';
import { FakeBrowserWindow } from '../../mocks/electron';

const PRELOAD = '/opt/exopen/dist/preload/index.cjs';
const log = { error: vi.fn() };

function open(): FakeBrowserWindow {
  createMainWindow({ preloadPath: PRELOAD, log });
  expect(FakeBrowserWindow.instances).toHaveLength(1);
  return FakeBrowserWindow.instances[0]!;
}

describe('createMainWindow', () => {
  it('uses exactly the hardened webPreferences', () => {
    expect(open().options.webPreferences).toEqual({
      preload: PRELOAD,
      sandbox: true,
      contextIsolation: true,
      disableBlinkFeatures: 'Auxclick',
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    });
  });

  it('is titled, sized, hidden until ready and loads the app origin', () => {
    const window = open();
    expect(window.options).toMatchObject({ title: WINDOW_TITLE, show: false });
    expect(window.options.minWidth).toBeLessThanOrEqual(window.options.width as number);
    expect(window.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('keeps its title when the page sets another', () => {
    const event = { preventDefault: vi.fn() };
    open().emit('page-title-updated', event, 'Something else');
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('logs a failed load instead of dropping it', async () => {
    const failure = new Error('ERR_FILE_NOT_FOUND');
    FakeBrowserWindow.loadFailure = failure;
    open();
    await vi.waitFor(() => expect(log.error).toHaveBeenCalledWith('the renderer failed to load', { url: APP_ENTRY_URL, error: failure }));
  });
});

describe('the one window factory', () => {
  it('is the only place that constructs a BrowserWindow', () => {
    const root = join(__dirname, '..', '..', '..');
    const offenders = sourceFiles(root, ['main', 'preload', 'renderer'])
      .filter((file) => /new\s+BrowserWindow\s*\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(offenders).toEqual(['main/electron/window.ts']);
  });
});

function sourceFiles(root: string, dirs: string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name === 'dist') continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx|js|mjs|cjs)$/.test(name)) found.push(path);
    }
  };
  for (const dir of dirs) walk(join(root, dir));
  return found;
}
