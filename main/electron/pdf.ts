/**
 * Prints a self-contained HTML document (the admin task pack) to PDF with Chromium's own print engine:
 * a hidden, sandboxed window without preload or JavaScript, in its own in-memory session that denies every
 * permission and cancels every request except the one document, loads the HTML as a data: URL and calls
 * webContents.printToPDF. The window is destroyed whatever happens (printed, failed, timed out), and prints
 * run one at a time so there is never more than one such window.
 */
import { randomUUID } from 'node:crypto';
import { session as electronSession, type BrowserWindow, type PrintToPDFOptions, type Session, type WebContents } from 'electron';
import type { Logger } from '../platform/log';
import { AppError } from '../platform/errors';
import { denyAllPermissions } from './security';
import { createPrintWindow } from './window';

export type PdfPrinter = (html: string) => Promise<Uint8Array>;

export interface PdfPrinterDeps {
  /** How long one print (load + print) may take before the window is destroyed; default 30 s. */
  readonly timeoutMs?: number;
  readonly log?: Pick<Logger, 'warn' | 'error'>;
}

export const PRINT_TIMEOUT_MS = 30_000;

/** Option names as in Electron's PrintToPDFOptions; margins in inches (1 cm ≈ 0.4 in). */
export const PDF_OPTIONS: PrintToPDFOptions = {
  printBackground: true,
  pageSize: 'A4',
  landscape: false,
  margins: { top: 0.4, bottom: 0.4, left: 0.4, right: 0.4 },
  displayHeaderFooter: false,
  // The task pack's @page rules (if any) win over pageSize, as in a browser's own print.
  preferCSSPageSize: true,
};

/** Chromium refuses URLs longer than 2 MiB (url::kMaxURLChars); a longer data: URL would never load. */
const MAX_URL_CHARS = 2 * 1024 * 1024;

const NO_LOG: NonNullable<PdfPrinterDeps['log']> = { warn: () => undefined, error: () => undefined };

export function createPdfPrinter(deps: PdfPrinterDeps = {}): PdfPrinter {
  const timeoutMs = deps.timeoutMs ?? PRINT_TIMEOUT_MS;
  const log = deps.log ?? NO_LOG;
  // The document being printed: the only URL the print session lets through.
  const allowed = { url: '' };
  let printSession: Session | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  return (html) => {
    // Made on first use: sessions exist only once the app is ready.
    printSession ??= isolatedSession(allowed, log);
    const ses = printSession;
    const job = queue.then(() => printOnce(html, { ses, allowed, timeoutMs, log }));
    // The next print waits for this one to end, however it ends.
    queue = job.catch(() => undefined);
    return job;
  };
}

/** Its own partition (no "persist:" prefix: memory only, nothing on disk), every permission denied, no requests but the document. */
function isolatedSession(allowed: { url: string }, log: NonNullable<PdfPrinterDeps['log']>): Session {
  const ses = electronSession.fromPartition(`exopen-pdf-${randomUUID()}`);
  denyAllPermissions(ses);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const cancel = allowed.url === '' || details.url !== allowed.url;
    if (cancel) log.warn('PDF print window: request cancelled', { scheme: schemeOf(details.url) });
    callback({ cancel });
  });
  return ses;
}

interface PrintJob {
  readonly ses: Session;
  readonly allowed: { url: string };
  readonly timeoutMs: number;
  readonly log: NonNullable<PdfPrinterDeps['log']>;
}

async function printOnce(html: string, job: PrintJob): Promise<Uint8Array> {
  const url = `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
  if (url.length > MAX_URL_CHARS) throw new AppError('E_PDF_FAILED', 'The checklist is too large to print to PDF; download the HTML checklist and print it from a browser.');
  const window = createPrintWindow(job.ses);
  let timer: NodeJS.Timeout | undefined;
  job.allowed.url = url;
  try {
    confine(window.webContents, job.log);
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new AppError('E_PDF_TIMEOUT', `Printing the checklist to PDF did not finish within ${Math.round(job.timeoutMs / 1000)} s.`)), job.timeoutMs);
    });
    // race() also takes care of render's late rejection (the window it used is destroyed below).
    return await Promise.race([render(window, url, job.log), timeout]);
  } finally {
    clearTimeout(timer);
    job.allowed.url = '';
    if (!window.isDestroyed()) window.destroy();
  }
}

async function render(window: BrowserWindow, url: string, log: PrintJob['log']): Promise<Uint8Array> {
  try {
    await window.loadURL(url);
    const pdf = await window.webContents.printToPDF(PDF_OPTIONS);
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } catch (error) {
    log.error('the checklist could not be printed to PDF', { error });
    throw new AppError('E_PDF_FAILED', 'The checklist could not be printed to PDF; download the HTML checklist and print it from a browser.');
  }
}

/**
 * Our loadURL is the only navigation this window makes: anything the document itself starts (a meta
 * refresh, a form, a frame) is refused, and it opens no windows and attaches no <webview>. Installed here
 * as well as by the app-wide baseline (security.ts) so the printer does not depend on that being set up.
 */
function confine(contents: WebContents, log: PrintJob['log']): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const refuse = (kind: string) => (event: { url: string; preventDefault(): void }) => {
    event.preventDefault();
    log.warn(`PDF print window: ${kind} refused`, { scheme: schemeOf(event.url) });
  };
  contents.on('will-navigate', refuse('navigation'));
  contents.on('will-frame-navigate', refuse('frame navigation'));
  contents.on('will-redirect', refuse('redirect'));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Logs name the scheme only: a refused URL could be the whole document (data:) or carry a token. */
function schemeOf(raw: string): string {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(raw);
  return match ? match[1]!.toLowerCase() : 'unparsable';
}
