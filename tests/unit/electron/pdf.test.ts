/**
 * The PDF printer against the Electron mock: the hidden window's hardened preferences and isolated session,
 * the data: URL it loads, the printToPDF options, that the window is destroyed however a print ends
 * (printed, load failed, print failed, timed out), that prints run one at a time, and that navigation,
 * new windows and every request but the document are refused.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPdfPrinter, PDF_OPTIONS, PRINT_TIMEOUT_MS } from '../../../main/electron/pdf';
import { electronFake, FakeBrowserWindow, FakeSession } from '../../mocks/electron';
import { recordingLog } from './handlers-fixture';

const HTML = '<!doctype html><html><head><meta charset="utf-8"><title>Checklist</title></head><body><h1>Tehtävälista ✓</h1></body></html>';
const DATA_URL = `data:text/html;charset=utf-8;base64,${Buffer.from(HTML, 'utf8').toString('base64')}`;

const onlyWindow = (): FakeBrowserWindow => {
  expect(FakeBrowserWindow.instances).toHaveLength(1);
  return FakeBrowserWindow.instances[0]!;
};

/** Prints start on a later tick (they queue): windows are set up as they are created, never after. */
const onEachWindow = (configure: (window: FakeBrowserWindow, index: number) => void): void => {
  FakeBrowserWindow.onCreate = (window) => configure(window, FakeBrowserWindow.instances.indexOf(window));
};

/** A promise with its resolve and reject outside, to hold a print at a chosen step. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createPdfPrinter', () => {
  it('prints in a hidden, hardened window without preload or JavaScript', async () => {
    await createPdfPrinter()(HTML);
    const window = onlyWindow();
    expect(window.options.show).toBe(false);
    const preferences = window.options.webPreferences as Record<string, unknown>;
    expect(preferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      disableBlinkFeatures: 'Auxclick',
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      javascript: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(preferences).not.toHaveProperty('preload');
  });

  it('uses its own in-memory session that denies every permission', async () => {
    await createPdfPrinter()(HTML);
    const preferences = onlyWindow().options.webPreferences as { session?: unknown };
    expect(preferences.session).toBeInstanceOf(FakeSession);
    const session = preferences.session as FakeSession;
    expect(session).not.toBe(electronFake.session.defaultSession);
    // No "persist:" prefix: Electron keeps such a partition in memory only.
    expect(session.partition).toMatch(/^exopen-pdf-/);
    const callback = vi.fn();
    session.permissionRequestHandler!(...([null, 'media', callback, {}] as never[]));
    expect(callback).toHaveBeenCalledWith(false);
    expect(session.permissionCheckHandler!(...([null, 'clipboard-read', 'null', {}] as never[]))).toBe(false);
  });

  it('loads the HTML as a base64 data: URL and returns the printed bytes', async () => {
    const pdf = await createPdfPrinter()(HTML);
    const window = onlyWindow();
    expect(window.loadURL.mock.calls).toEqual([[DATA_URL]]);
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/^%PDF-/);
    expect(pdf).toBeInstanceOf(Uint8Array);
  });

  it('asks printToPDF for A4 with backgrounds, after the document loaded', async () => {
    await createPdfPrinter()(HTML);
    const window = onlyWindow();
    expect(window.webContents.printToPDF.mock.calls).toEqual([[PDF_OPTIONS]]);
    expect(PDF_OPTIONS).toMatchObject({ printBackground: true, pageSize: 'A4', landscape: false, displayHeaderFooter: false });
    const [loaded] = window.loadURL.mock.invocationCallOrder;
    const [printed] = window.webContents.printToPDF.mock.invocationCallOrder;
    expect(loaded!).toBeLessThan(printed!);
  });

  it('destroys the window after a successful print', async () => {
    await createPdfPrinter()(HTML);
    const window = onlyWindow();
    expect(window.destroy).toHaveBeenCalledTimes(1);
    expect(window.isDestroyed()).toBe(true);
  });

  it('destroys the window when the document fails to load, and says so with a typed error', async () => {
    FakeBrowserWindow.loadFailure = new Error('ERR_INVALID_URL');
    const log = recordingLog();
    await expect(createPdfPrinter({ log })(HTML)).rejects.toMatchObject({ code: 'E_PDF_FAILED' });
    const window = onlyWindow();
    expect(window.webContents.printToPDF).not.toHaveBeenCalled();
    expect(window.destroy).toHaveBeenCalledTimes(1);
    expect(log.entries.some((entry) => entry.level === 'error')).toBe(true);
  });

  it('destroys the window when printing fails', async () => {
    onEachWindow((window) => window.webContents.printToPDF.mockRejectedValueOnce(new Error('Failed to generate PDF')));
    await expect(createPdfPrinter()(HTML)).rejects.toMatchObject({ code: 'E_PDF_FAILED' });
    expect(onlyWindow().destroy).toHaveBeenCalledTimes(1);
  });

  it('gives up after the timeout with a clear error, and destroys the window', async () => {
    vi.useFakeTimers();
    // A document that never finishes printing.
    onEachWindow((window) => window.webContents.printToPDF.mockImplementationOnce(() => new Promise<Buffer>(() => undefined)));
    const outcome = createPdfPrinter()(HTML).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(0);
    const window = onlyWindow();
    expect(window.webContents.printToPDF).toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(PRINT_TIMEOUT_MS - 1);
    expect(window.destroy).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    const error = (await outcome) as { code?: string; message?: string };
    expect(error.code).toBe('E_PDF_TIMEOUT');
    expect(error.message).toContain('30 s');
    expect(window.destroy).toHaveBeenCalledTimes(1);
  });

  it('prints one document at a time, in order, even when the first one fails', async () => {
    const print = createPdfPrinter();
    const firstLoad = deferred<void>();
    onEachWindow((window, index) => {
      if (index === 0) window.loadURL.mockImplementationOnce(() => firstLoad.promise);
    });
    const results = [print('<p>one</p>'), print('<p>two</p>'), print('<p>three</p>')].map((job) =>
      job.then(
        (bytes) => ({ ok: true, bytes }),
        (error: unknown) => ({ ok: false, error }),
      ),
    );
    // Give the queue time: nothing else may open while the first print is under way.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(FakeBrowserWindow.instances).toHaveLength(1);

    firstLoad.reject(new Error('ERR_ABORTED'));
    const [one, two, three] = await Promise.all(results);
    expect(one).toMatchObject({ ok: false });
    expect(two).toMatchObject({ ok: true });
    expect(three).toMatchObject({ ok: true });
    expect(FakeBrowserWindow.instances).toHaveLength(3);
    const urls = FakeBrowserWindow.instances.map((window) => Buffer.from(String(window.loadURL.mock.calls.at(-1)?.[0]).split(',')[1]!, 'base64').toString());
    expect(urls).toEqual(['<p>one</p>', '<p>two</p>', '<p>three</p>']);
    // Each window was gone before the next one opened.
    for (const [index, window] of FakeBrowserWindow.instances.slice(0, -1).entries()) {
      const [destroyed] = window.destroy.mock.invocationCallOrder;
      const [nextLoaded] = FakeBrowserWindow.instances[index + 1]!.loadURL.mock.invocationCallOrder;
      expect(destroyed!).toBeLessThan(nextLoaded!);
    }
  });

  it('refuses every navigation, redirect, new window and <webview> the document starts', async () => {
    const log = recordingLog();
    const held = deferred<Buffer>();
    onEachWindow((window) => window.webContents.printToPDF.mockImplementationOnce(() => held.promise));
    const job = createPdfPrinter({ log })(HTML);
    await vi.waitFor(() => expect(onlyWindow().webContents.printToPDF).toHaveBeenCalled());
    const window = onlyWindow();

    const contents = window.webContents;
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      for (const url of ['https://evil.example/x?token=hunter2hunter2', 'file:///etc/passwd', DATA_URL]) {
        const navigation = { url, preventDefault: vi.fn() };
        contents.emit(event, navigation);
        expect(navigation.preventDefault, `${event} ${url.slice(0, 20)}`).toHaveBeenCalledTimes(1);
      }
    }
    expect(contents.windowOpenHandler!({ url: 'https://support.netvisor.fi/' })).toEqual({ action: 'deny' });
    const attach = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.preventDefault).toHaveBeenCalled();
    // Logged by scheme only: neither a token nor the document itself ends up in the log.
    expect(JSON.stringify(log.entries)).not.toContain('hunter2');
    expect(JSON.stringify(log.entries)).not.toContain(DATA_URL.slice(40, 80));

    held.resolve(Buffer.from('%PDF-1.7\n'));
    await job;
  });

  it('cancels every request but the document being printed, and everything once it is printed', async () => {
    const held = deferred<Buffer>();
    onEachWindow((window) => window.webContents.printToPDF.mockImplementationOnce(() => held.promise));
    const job = createPdfPrinter()(HTML);
    await vi.waitFor(() => expect(onlyWindow().webContents.printToPDF).toHaveBeenCalled());
    const window = onlyWindow();
    const session = window.webContents.session;
    const verdict = (url: string) => {
      const callback = vi.fn();
      session.webRequest.beforeRequest!({ url, webContentsId: window.webContents.id }, callback);
      return callback.mock.calls[0]![0] as { cancel?: boolean };
    };

    expect(verdict(DATA_URL)).toEqual({ cancel: false });
    for (const url of ['https://evil.example/pixel.png', 'http://127.0.0.1:1/', 'file:///etc/passwd', 'data:text/html;base64,PHA+b3RoZXI8L3A+', `${DATA_URL}#x`]) {
      expect(verdict(url), url).toEqual({ cancel: true });
    }
    held.resolve(Buffer.from('%PDF-1.7\n'));
    await job;
    expect(verdict(DATA_URL)).toEqual({ cancel: true });
  });

  it('refuses a document too large for a data: URL without opening a window', async () => {
    const huge = `<p>${'x'.repeat(2 * 1024 * 1024)}</p>`;
    await expect(createPdfPrinter()(huge)).rejects.toMatchObject({ code: 'E_PDF_FAILED' });
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });
});
