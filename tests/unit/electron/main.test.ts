import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime, RuntimeOptions } from '../../../main/services/runtime';
import { createEventHub } from '../../../main/services/events';
import { contract } from '../../../preload/contract';
import { electronFake, FakeBrowserWindow } from '../../mocks/electron';
import { asHandlers, spyHandlers } from './handlers-fixture';

/** The lifecycle in main.ts, with the runtime and the data directory replaced. */
const runtimeModule = vi.hoisted(() => ({ createRuntime: vi.fn<(options: RuntimeOptions) => Promise<Runtime>>() }));
vi.mock('../../../main/services/runtime', () => runtimeModule);
vi.mock('../../../main/platform/paths', () => ({ resolveDataDir: () => '/tmp/exopen-main-test' }));
vi.mock('../../../main/platform/log', () => ({ createLogger: () => ({ debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() }) }));

const close = vi.fn(async () => undefined);
let processListeners: { exception: unknown[]; rejection: unknown[] };

beforeEach(() => {
  vi.resetModules();
  close.mockClear();
  runtimeModule.createRuntime.mockReset();
  runtimeModule.createRuntime.mockImplementation(async () => ({ handlers: asHandlers(spyHandlers()), events: createEventHub(), close }));
  processListeners = { exception: process.listeners('uncaughtException'), rejection: process.listeners('unhandledRejection') };
  delete process.env.EXOPEN_BACKEND_URL;
  delete process.env.EXOPEN_BACKEND_TOKEN;
});

afterEach(() => {
  // main.ts installs process-wide crash handlers on every import; keep them from piling up across tests.
  for (const listener of process.listeners('uncaughtException')) if (!processListeners.exception.includes(listener)) process.off('uncaughtException', listener);
  for (const listener of process.listeners('unhandledRejection')) if (!processListeners.rejection.includes(listener)) process.off('unhandledRejection', listener);
});

async function startMain(): Promise<void> {
  await import('../../../main/electron/main');
}

const started = () => vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));

describe('main.ts', () => {
  it('quits at once when another instance holds the lock', async () => {
    electronFake.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    await startMain();
    expect(electronFake.app.quit).toHaveBeenCalled();
    expect(runtimeModule.createRuntime).not.toHaveBeenCalled();
    expect(electronFake.app.listenerCount('web-contents-created')).toBe(0);
  });

  it('moves userData to the shared data directory before taking the single-instance lock', async () => {
    await startMain();
    expect(electronFake.app.setPath).toHaveBeenCalledWith('userData', '/tmp/exopen-main-test');
    const [setPathOrder] = electronFake.app.setPath.mock.invocationCallOrder;
    const [lockOrder] = electronFake.app.requestSingleInstanceLock.mock.invocationCallOrder;
    expect(setPathOrder!).toBeLessThan(lockOrder!);
  });

  it('hardens, then starts the runtime, registers every call and opens one window', async () => {
    await startMain();
    await started();
    expect(electronFake.app.enableSandbox).toHaveBeenCalled();
    expect(electronFake.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(electronFake.app.listenerCount('web-contents-created')).toBe(1);
    expect(electronFake.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electronFake.protocolHandlers.has('app')).toBe(true);
    const [options] = runtimeModule.createRuntime.mock.calls[0]!;
    expect(options).toMatchObject({ host: 'electron', dataDir: electronFake.app.getPath('userData') });
    // Settings through electron-store, over the same file and schema as conf in the other hosts.
    const { openElectronSettings } = await import('../../../main/electron/settings');
    expect(options.openSettings).toBe(openElectronSettings);
    expect([...electronFake.ipcMainHandlers.keys()].sort()).toEqual(Object.keys(contract.invoke).sort());
  });

  it('hands the runtime an openExternal that refuses links off the allowlist', async () => {
    await startMain();
    await started();
    const [options] = runtimeModule.createRuntime.mock.calls[0]!;
    await expect(options.openExternal('https://evil.example/')).rejects.toMatchObject({ code: 'E_LINK_NOT_ALLOWED' });
    expect(electronFake.shell.openExternal).not.toHaveBeenCalled();
  });

  it('opens the sign-in page in the system browser, and only web addresses', async () => {
    await startMain();
    await started();
    const [options] = runtimeModule.createRuntime.mock.calls[0]!;
    await options.openSignIn!('http://127.0.0.1:4000/auth?client_id=exopen-connect');
    expect(electronFake.shell.openExternal).toHaveBeenCalledWith('http://127.0.0.1:4000/auth?client_id=exopen-connect');
    await expect(options.openSignIn!('file:///etc/passwd')).rejects.toMatchObject({ code: 'E_LINK_NOT_ALLOWED' });
  });

  it('hands the runtime a PDF printer that prints in its own hidden window', async () => {
    await startMain();
    await started();
    const [options] = runtimeModule.createRuntime.mock.calls[0]!;
    const pdf = await options.printToPdf!('<!doctype html><p>checklist</p>');
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/^%PDF-/);
    const [, printWindow] = FakeBrowserWindow.instances;
    expect(printWindow?.options).toMatchObject({ show: false });
    expect(printWindow?.isDestroyed()).toBe(true);
  });

  it('forwards runtime events to the window', async () => {
    const events = createEventHub();
    runtimeModule.createRuntime.mockImplementationOnce(async () => ({ handlers: asHandlers(spyHandlers()), events, close }));
    await startMain();
    await started();
    const payload = { operationId: 'op', event: { type: 'check-started', checkId: 'auth' } } as const;
    events.emit('checks.progress', payload);
    expect(FakeBrowserWindow.instances[0]!.webContents.send).toHaveBeenCalledWith('checks.progress', payload);
  });

  it('quits when the last window closes (not on macOS) and closes the runtime before quitting', async () => {
    await startMain();
    await started();
    electronFake.app.emit('window-all-closed');
    if (process.platform !== 'darwin') expect(electronFake.app.quit).toHaveBeenCalledTimes(1);
    const quitting = { preventDefault: vi.fn() };
    electronFake.app.emit('will-quit', quitting);
    expect(quitting.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(electronFake.app.quit).toHaveBeenCalledTimes(process.platform !== 'darwin' ? 2 : 1));
    expect(close).toHaveBeenCalledTimes(1);
    const again = { preventDefault: vi.fn() };
    electronFake.app.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });

  it('says start-up failed by code only, and exits', async () => {
    runtimeModule.createRuntime.mockRejectedValueOnce(Object.assign(new Error('keychain at /home/x said hunter2hunter2'), { code: 'E_NO_KEYCHAIN' }));
    await startMain();
    await vi.waitFor(() => expect(electronFake.app.exit).toHaveBeenCalledWith(1));
    const [title, body] = electronFake.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toMatch(/could not start/);
    expect(body).toContain('E_NO_KEYCHAIN');
    expect(body).not.toContain('hunter2');
  });
});
