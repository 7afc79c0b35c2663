/**
 * The one Electron mock for the unit project (vitest.config.ts setupFiles). `import ... from 'electron'`
 * anywhere in a unit test gets these fakes; tests import `electronFake` from here to drive and inspect
 * them (registered handlers, captured window options, what the preload exposed). State is reset before
 * every test. The unpleasant branches are modelled too: a null or foreign senderFrame is just a plain
 * object a test passes, safeStorage can report `basic_text` or throw.
 */
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

/** An EventEmitter whose `on`/`once` return `this`, like Electron's classes. */
class FakeEmitter extends EventEmitter {
  /** The listeners registered for `event`, for tests that call them directly. */
  handlersOf(event: string): Listener[] {
    return this.listeners(event) as Listener[];
  }
}

/** `session.webRequest`: one listener per event, as in Electron (a later one replaces the earlier). */
export class FakeWebRequest {
  beforeRequest: ((details: { url: string; webContentsId?: number }, callback: (response: { cancel?: boolean }) => void) => void) | null = null;
  onBeforeRequest = vi.fn((listener: FakeWebRequest['beforeRequest']) => {
    this.beforeRequest = listener;
  });
}

export class FakeSession {
  /** The partition it came from (`session.fromPartition`); '' for the default session. */
  constructor(readonly partition = '') {}
  readonly webRequest = new FakeWebRequest();
  permissionRequestHandler: ((...args: never[]) => void) | null = null;
  permissionCheckHandler: ((...args: never[]) => boolean) | null = null;
  setPermissionRequestHandler = vi.fn((handler: ((...args: never[]) => void) | null) => {
    this.permissionRequestHandler = handler;
  });
  setPermissionCheckHandler = vi.fn((handler: ((...args: never[]) => boolean) | null) => {
    this.permissionCheckHandler = handler;
  });
}

let nextContentsId = 1;

export class FakeWebContents extends FakeEmitter {
  readonly id = nextContentsId++;
  session = new FakeSession();
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  send = vi.fn();
  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: 'allow' | 'deny' }) => {
    this.windowOpenHandler = handler;
  });
  isDestroyed = (): boolean => this.destroyed;
  /** Resolves with a tiny PDF; tests replace it (mockRejectedValueOnce, a never-settling promise). */
  printToPDF = vi.fn(async (_options: Record<string, unknown>): Promise<Buffer> => Buffer.from('%PDF-1.4\n%fake\n%%EOF\n'));
  /** Marks the contents destroyed and emits 'destroyed', as Electron does when a window closes. */
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

export class FakeBrowserWindow extends FakeEmitter {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows = (): FakeBrowserWindow[] => [...FakeBrowserWindow.instances];
  /** Set to make every loadURL reject (a missing renderer build, a failed navigation). */
  static loadFailure: Error | null = null;
  /** Called with each new window before its creator sees it (to hold its load or print, make it fail). */
  static onCreate: ((window: FakeBrowserWindow) => void) | null = null;
  readonly webContents = new FakeWebContents();
  loadURL = vi.fn(async (_url: string): Promise<void> => {
    if (FakeBrowserWindow.loadFailure) throw FakeBrowserWindow.loadFailure;
  });
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  isMinimized = vi.fn(() => false);
  isDestroyed = (): boolean => this.webContents.destroyed;
  /** Destroys the window and its contents at once (no 'close' event), as BrowserWindow.destroy does. */
  destroy = vi.fn((): void => {
    if (this.webContents.destroyed) return;
    this.webContents.destroy();
    this.emit('closed');
  });

  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    // webPreferences.session: the contents live in that session, as in Electron.
    const preferred = (options.webPreferences as { session?: unknown } | undefined)?.session;
    if (preferred instanceof FakeSession) this.webContents.session = preferred;
    FakeBrowserWindow.instances.push(this);
    FakeBrowserWindow.onCreate?.(this);
  }
}

function createElectronFake() {
  const app = Object.assign(new FakeEmitter(), {
    isPackaged: false,
    whenReady: vi.fn(async () => undefined),
    getPath: vi.fn((name: string) => join(tmpdir(), `exopen-electron-mock-${process.pid}`, name)),
    setPath: vi.fn(),
    getName: vi.fn(() => 'Exopen Connect'),
    getVersion: vi.fn(() => '0.0.0-test'),
    getAppPath: vi.fn(() => process.cwd()),
    requestSingleInstanceLock: vi.fn(() => true),
    enableSandbox: vi.fn(),
    quit: vi.fn(),
    exit: vi.fn(),
  });
  const ipcMainHandlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const ipcMain = Object.assign(new FakeEmitter(), {
    handle: vi.fn((channel: string, listener: Listener) => {
      // Electron's own message for a double registration.
      if (ipcMainHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcMainHandlers.set(channel, listener as unknown as (event: unknown, ...args: unknown[]) => unknown);
    }),
    removeHandler: vi.fn((channel: string) => {
      ipcMainHandlers.delete(channel);
    }),
  });
  const ipcRenderer = Object.assign(new FakeEmitter(), {
    invoke: vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null })),
  });
  const exposed: Record<string, unknown> = {};
  const contextBridge = {
    exposeInMainWorld: vi.fn((key: string, api: unknown) => {
      exposed[key] = api;
    }),
  };
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
      protocolHandlers.set(scheme, handler);
    }),
    unhandle: vi.fn((scheme: string) => protocolHandlers.delete(scheme)),
  };
  const safeStorageState = { available: true, backend: 'gnome_libsecret' as string };
  const safeStorage = {
    isEncryptionAvailable: vi.fn(() => safeStorageState.available),
    getSelectedStorageBackend: vi.fn(() => safeStorageState.backend),
    encryptString: vi.fn((plain: string) => Buffer.from(`enc:${plain}`)),
    decryptString: vi.fn((cipher: Buffer) => cipher.toString().replace(/^enc:/, '')),
  };
  const partitions = new Map<string, FakeSession>();
  const session = {
    defaultSession: new FakeSession(),
    /** The same session for the same partition name, like Electron (in memory unless it starts with persist:). */
    fromPartition: vi.fn((partition: string): FakeSession => {
      const existing = partitions.get(partition) ?? new FakeSession(partition);
      partitions.set(partition, existing);
      return existing;
    }),
  };
  const shell = { openExternal: vi.fn(async (_url: string) => undefined) };
  const dialog = { showErrorBox: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0 })) };

  const module = { app, BrowserWindow: FakeBrowserWindow, contextBridge, dialog, ipcMain, ipcRenderer, protocol, safeStorage, session, shell };

  function reset(): void {
    for (const emitter of [app, ipcMain, ipcRenderer]) emitter.removeAllListeners();
    ipcMainHandlers.clear();
    protocolHandlers.clear();
    for (const key of Object.keys(exposed)) delete exposed[key];
    FakeBrowserWindow.instances = [];
    FakeBrowserWindow.loadFailure = null;
    FakeBrowserWindow.onCreate = null;
    session.defaultSession = new FakeSession();
    partitions.clear();
    safeStorageState.available = true;
    safeStorageState.backend = 'gnome_libsecret';
    // Only the fake's own spies: back to their original implementation, pending *Once answers dropped.
    // (vi.clearAllMocks would reach into every test file's spies too.)
    for (const part of [app, ipcMain, ipcRenderer, contextBridge, protocol, safeStorage, session, shell, dialog]) {
      for (const value of Object.values(part)) if (vi.isMockFunction(value)) value.mockReset();
    }
  }

  return { module, app, ipcMain, ipcMainHandlers, ipcRenderer, contextBridge, exposed, protocol, protocolHandlers, safeStorage, safeStorageState, session, shell, dialog, reset };
}

export const electronFake = createElectronFake();
export type ElectronFake = typeof electronFake;

vi.mock('electron', () => ({ ...electronFake.module, default: electronFake.module }));

beforeEach(() => electronFake.reset());
