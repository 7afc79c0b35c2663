/**
 * Opens a one-time link in the system browser without putting it in any process's argv (where every user
 * of the machine can read it with `ps`): the link goes into a small HTML file that redirects to it, mode
 * 0600 in a private 0700 temp folder, and the opener (`xdg-open`, `open`, `explorer`) gets only the file's
 * path (Jupyter's approach). The folder is removed as soon as the link is used, when it expires, or when
 * the assistant stops, whichever comes first.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OneTimeLink } from './server';

export interface Launcher {
  /** The redirecting file handed to the opener (gone once disposed). */
  readonly file: string;
  /** Removes the file and its folder (idempotent). */
  dispose(): void;
}

export interface OpenOptions {
  /** The opener and its leading arguments; the file's path is appended. Default: the platform's own. */
  readonly command?: readonly string[];
  /** Where the private folder is made (default: the OS temp dir). */
  readonly tmpRoot?: string;
  /** Told when the opener could not be started (the printed link still works). */
  readonly onError?: (error: Error) => void;
}

export function defaultOpenerCommand(platform: NodeJS.Platform = process.platform): string[] {
  if (platform === 'darwin') return ['open'];
  if (platform === 'win32') return ['explorer'];
  return ['xdg-open'];
}

/** The launcher page: a meta refresh (no script) and a plain link. */
export function launcherHtml(url: string): string {
  const safe = url.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">` +
    `<meta http-equiv="refresh" content="0;url=${safe}"><title>Opening Exopen Connect…</title></head>` +
    `<body><p><a href="${safe}">Open Exopen Connect</a></p></body></html>\n`
  );
}

export function openInBrowser(link: OneTimeLink, options: OpenOptions = {}): Launcher {
  const dir = mkdtempSync(join(options.tmpRoot ?? tmpdir(), 'exopen-connect-open-')); // mode 0700
  const file = join(dir, 'open.html');
  writeFileSync(file, launcherHtml(link.url), { mode: 0o600, flag: 'wx' });

  let disposed = false;
  const dispose = () => {
    if (disposed) return;
    disposed = true;
    clearTimeout(timer);
    rmSync(dir, { recursive: true, force: true });
  };
  const timer = setTimeout(dispose, Math.max(0, link.expiresAt - Date.now()));
  timer.unref();
  void link.used.then(dispose);

  const [command, ...args] = options.command ?? defaultOpenerCommand();
  try {
    const child = spawn(command!, [...args, file], { stdio: 'ignore', detached: true });
    child.on('error', (error) => options.onError?.(error));
    child.unref();
  } catch (error) {
    options.onError?.(error instanceof Error ? error : new Error(String(error)));
  }
  return { file, dispose };
}
