/**
 * The Electron entry (bundled to dist/main/electron/main.js): one instance, the security baseline before
 * any window exists, the shared runtime behind IPC, one hardened window, and an orderly close on quit.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { createLogger } from '../platform/log';
import { resolveDataDir } from '../platform/paths';
import { createRuntime, type Runtime } from '../services/runtime';
import { installCrashHandlers } from './crash';
import { forwardEvents, isAppMainFrame, registerHandlers } from './ipc';
import { createPdfPrinter } from './pdf';
import { registerAppScheme, serveRenderer } from './protocol';
import { openElectronSettings } from './settings';
import { createOpenExternal, createSignInOpener, denyAllPermissions, installSecurityBaseline } from './security';
import { createMainWindow } from './window';

const log = createLogger('electron');
// dist/main/electron/main.js → dist/preload/index.cjs and dist/renderer/
const distDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const preloadPath = join(distDir, 'preload', 'index.cjs');
const rendererDir = join(distDir, 'renderer');

let runtime: Runtime | undefined;
let mainWindow: BrowserWindow | undefined;
let closed = false;

function openMainWindow(events: Runtime['events']): void {
  const window = createMainWindow({ preloadPath, log });
  forwardEvents(events, window.webContents);
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
  mainWindow = window;
}

async function start(): Promise<void> {
  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  serveRenderer(rendererDir);
  const started = await createRuntime({
    host: 'electron',
    dataDir: app.getPath('userData'),
    openSettings: openElectronSettings,
    openExternal: createOpenExternal(log),
    openSignIn: createSignInOpener(log),
    printToPdf: createPdfPrinter({ log }),
  });
  runtime = started;
  registerHandlers(ipcMain, started.handlers, { isTrustedSender: isAppMainFrame, log });
  openMainWindow(started.events);
  // macOS: clicking the dock icon with no window open brings one back.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow(started.events);
  });
}

/** Closes the runtime (simulators, files) once, then lets the quit continue. */
function closeRuntimeThenQuit(event: { preventDefault(): void }): void {
  if (closed || !runtime) return;
  event.preventDefault();
  closed = true;
  runtime
    .close()
    .catch((error: unknown) => log.error('runtime did not close cleanly', { error }))
    .finally(() => app.quit());
}

// One data directory for Electron, the web host and the CLI (EXOPEN_CONNECT_DATA_DIR overrides it). Set
// first: the single-instance lock lives in it.
app.setPath('userData', resolveDataDir());

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the data directory and the keychain session; it gets focused instead.
  app.quit();
} else {
  installCrashHandlers(log);
  installSecurityBaseline(log);
  registerAppScheme();
  app.enableSandbox();
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', closeRuntimeThenQuit);
  start().catch((error: unknown) => {
    log.error('the assistant could not start', { error });
    const code = (error as { code?: unknown } | null)?.code;
    dialog.showErrorBox('Exopen Connect could not start', `Start-up failed${typeof code === 'string' ? ` (${code})` : ''}. The details are in the log.`);
    app.exit(1);
  });
}
