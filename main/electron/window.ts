/**
 * The one window factory. Nothing else in the app calls `new BrowserWindow` (a unit test greps for it), so
 * every window gets the hardened webPreferences below.
 */
import { BrowserWindow, type Session, type WebPreferences } from 'electron';
import type { Logger } from '../platform/log';
import { APP_ENTRY_URL } from './origin';

export const WINDOW_TITLE = 'Exopen Connect';

/**
 * Electron's checklist, spelled out even where it matches the default so a reader (and a test) sees it. The
 * switches Electronegativity looks for (sandbox, contextIsolation, disableBlinkFeatures) are written literally
 * in each `new BrowserWindow({...})` below: it reads them only there, not through a helper or a spread.
 */
const COMMON_PREFERENCES = {
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
} as const satisfies WebPreferences;

export interface MainWindowOptions {
  /** Absolute path of the bundled preload (dist/preload/index.cjs). */
  readonly preloadPath: string;
  /** Override for tests; the app loads app://exopen/index.html. */
  readonly url?: string;
  readonly log: Pick<Logger, 'error'>;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1120,
    height: 780,
    minWidth: 760,
    minHeight: 560,
    // Shown on ready-to-show, so the user never sees an empty white frame while React starts.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      // reviewed: our own bundled preload (dist/preload/index.cjs), sandboxed; it exposes only the typed bridge
      // through contextBridge (preload/index.ts), never ipcRenderer or Node.
      preload: options.preloadPath, // eng-disable PRELOAD_JS_CHECK
      sandbox: true,
      contextIsolation: true,
      // A middle click (auxclick) on a link would ask for a new window; setWindowOpenHandler denies it, and
      // this keeps the event from being raised at all.
      disableBlinkFeatures: 'Auxclick',
      ...COMMON_PREFERENCES,
    },
  });
  window.once('ready-to-show', () => window.show());
  // The product name stays in the title bar whatever the page's <title> says.
  window.on('page-title-updated', (event) => event.preventDefault());
  const url = options.url ?? APP_ENTRY_URL;
  window.loadURL(url).catch((error: unknown) => options.log.error('the renderer failed to load', { url, error }));
  return window;
}

/**
 * The hidden window the PDF printer renders a document in (main/electron/pdf.ts): the same checklist, and
 * stricter — no preload (it never talks to main), no JavaScript (the documents it prints have none), and the
 * printer's own in-memory session instead of the app's.
 */
export function createPrintWindow(session: Session): BrowserWindow {
  return new BrowserWindow({
    show: false,
    width: 794, // A4 at 96 dpi; printToPDF lays out for the page size anyway
    height: 1123,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      disableBlinkFeatures: 'Auxclick',
      ...COMMON_PREFERENCES,
      javascript: false,
      session,
    },
  });
}
