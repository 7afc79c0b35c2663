/**
 * `exopen-connect web`: the assistant in the system browser, served from 127.0.0.1 (what `npm start` runs
 * when no Electron runtime is present). Sandbox unless --backend-url (or EXOPEN_BACKEND_URL, or the settings)
 * names a backend. Options are checked before anything starts; a bad one is a usage error (exit 1) that names
 * the option and the fix.
 *
 * It prints a one-time link (valid for LINK_TTL_MS, once) and opens the browser with another one through a
 * private redirecting file, never through argv (opener.ts). Enter in the terminal prints a new link.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { resolveDataDir } from '../../platform/paths';
import { createRuntime, type Runtime } from '../../services/runtime';
import { LINK_TTL_MS } from '../web/guard';
import { openInBrowser, type Launcher } from '../web/opener';
import { DEFAULT_NEW_LINK_HINT, startWebHost, type WebHost } from '../web/server';
import { EXIT } from './exit-codes';

export function defaultRendererDir(): string {
  // dist/cli/index.js → dist/renderer; tsx from main/hosts/cli → dist/renderer at the repo root.
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', 'renderer'), join(here, '..', '..', '..', 'dist', 'renderer')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[0]!;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** `--port`: a whole number from 0 (any free port) to 65535. */
export function parsePort(raw: string): Parsed<number> {
  const port = /^\d{1,5}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (Number.isInteger(port) && port >= 0 && port <= 65535) return { ok: true, value: port };
  return { ok: false, message: `--port: "${raw}" is not a port. Give a whole number from 1 to 65535 (e.g. --port 8080), or leave --port out for a free one.` };
}

/** `--backend-url`: an http(s) address; plain http only on this machine (the same rule as the Settings page). */
export function parseBackendUrl(raw: string): Parsed<string> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: `--backend-url: "${raw}" is not an address. Give the Exopen backend's URL, e.g. --backend-url https://exopen.example.com` };
  }
  if (!/^https?:$/.test(url.protocol))
    return { ok: false, message: `--backend-url: use an https:// address (e.g. --backend-url https://exopen.example.com), not ${url.protocol}` };
  if (url.protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
    return { ok: false, message: '--backend-url: use https for a backend that is not on this machine (plain http only for 127.0.0.1 or localhost).' };
  return { ok: true, value: url.toString().replace(/\/$/, '') };
}

export function registerWebCommand(program: Command): void {
  program
    .command('web')
    .description('serve the assistant to your browser on 127.0.0.1 (sandbox unless --backend-url)')
    .option('--port <n>', 'port to listen on, 1-65535 (default: a free one)', '0')
    .option('--no-open', 'do not open a browser')
    .option('--backend-url <url>', 'Exopen backend URL (default: EXOPEN_BACKEND_URL, else the settings, else the sandbox)')
    .option('--data-dir <dir>', 'where settings, drafts and logs live')
    .action(async (options: { port: string; open: boolean; backendUrl?: string; dataDir?: string }) => {
      const usage = (message: string) => {
        process.stderr.write(`${message}\n`);
        process.exitCode = EXIT.usage;
      };
      const port = parsePort(options.port);
      if (!port.ok) return usage(port.message);
      const backendUrl = options.backendUrl === undefined ? undefined : parseBackendUrl(options.backendUrl);
      if (backendUrl && !backendUrl.ok) return usage(backendUrl.message);
      const rendererDir = defaultRendererDir();
      if (!existsSync(join(rendererDir, 'index.html'))) return usage('The renderer is not built yet: run `npm run build` first.');

      const dataDir = options.dataDir ?? resolveDataDir();
      let runtime: Runtime;
      try {
        runtime = await createRuntime({
          host: 'web',
          dataDir,
          openExternal: async (url) => openUrl(url),
          // The option wins over the variable; the runtime reads both through `env`.
          ...(backendUrl ? { env: { ...process.env, EXOPEN_BACKEND_URL: backendUrl.value } } : {}),
        });
      } catch (error) {
        const { code, message } = error as { code?: unknown; message?: unknown };
        if (typeof code !== 'string' || !code.startsWith('E_')) throw error;
        const hint =
          code === 'E_AUTH_CONFIG'
            ? '\nThe sign-in issuer is EXOPEN_ISSUER_URL, or else the backend URL (--backend-url, EXOPEN_BACKEND_URL or Settings); it must use https.'
            : '';
        return usage(`Exopen Connect could not start (${code}): ${String(message)}${hint}`);
      }

      const interactive = process.stdin.isTTY === true;
      let host: WebHost;
      try {
        host = await startWebHost({
          runtime,
          rendererDir,
          port: port.value,
          newLinkHint: interactive
            ? 'For a new link, press Enter in the terminal where the assistant runs (or stop it with Ctrl+C and start it again).'
            : DEFAULT_NEW_LINK_HINT,
        });
      } catch (error) {
        await runtime.close();
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE' || code === 'EACCES')
          return usage(`--port ${port.value}: ${code === 'EADDRINUSE' ? 'that port is in use' : 'not allowed to listen there'}. Choose another, or leave --port out for a free one.`);
        throw error;
      }

      const minutes = Math.round(LINK_TTL_MS / 60_000);
      const link = (heading: string) =>
        process.stdout.write(
          `${heading}\n  ${host.newLink().url}\n` +
            `(this link opens the assistant once, within ${minutes} minutes; ${interactive ? 'press Enter here for a new one' : 'restart the assistant for a new one'})\n`,
        );
      link('Exopen Connect is running at:');
      // The same plain notice the window shows, for whoever started us from a terminal (e.g. keytar did not build).
      const { secretBackend } = await runtime.handlers['app.info']({});
      if (secretBackend.kind === 'memory') process.stdout.write(`Secrets: ${secretBackend.reason}\n`);
      const printLink = () => link('A new link:');

      let launcher: Launcher | undefined;
      const cleanUp = () => launcher?.dispose();
      process.once('exit', cleanUp);
      if (options.open) {
        launcher = openInBrowser(host.newLink(), {
          onError: () => process.stderr.write('No browser could be opened here; open the link above yourself.\n'),
        });
      }
      if (interactive) process.stdin.on('data', printLink);

      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      if (interactive) process.stdin.off('data', printLink).pause();
      cleanUp();
      await host.close();
      await runtime.close();
    });
}

/** Help and sign-in pages (no secret in them): xdg-open / open / start; where none exists, nothing opens. */
function openUrl(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => process.stderr.write(`No browser could be opened here; open ${url} yourself.\n`));
  child.unref();
}
