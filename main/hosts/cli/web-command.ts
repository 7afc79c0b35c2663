/**
 * `exopen-connect web`: the assistant in the system browser, served from 127.0.0.1 (what `npm start` runs
 * when no Electron runtime is present). Sandbox unless --backend-url is given.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { resolveDataDir } from '../../platform/paths';
import { createRuntime } from '../../services/runtime';
import { startWebHost } from '../web/server';

export function defaultRendererDir(): string {
  // dist/cli/index.js → dist/renderer; tsx from main/hosts/cli → dist/renderer at the repo root.
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', 'renderer'), join(here, '..', '..', '..', 'dist', 'renderer')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[0]!;
}

export function registerWebCommand(program: Command): void {
  program
    .command('web')
    .description('serve the assistant to your browser on 127.0.0.1 (sandbox unless --backend-url)')
    .option('--port <n>', 'port to listen on (default: a free one)', '0')
    .option('--no-open', 'do not open a browser')
    .option('--backend-url <url>', 'Exopen backend URL (token from EXOPEN_BACKEND_TOKEN)')
    .option('--data-dir <dir>', 'where settings, drafts and logs live')
    .action(async (options: { port: string; open: boolean; backendUrl?: string; dataDir?: string }) => {
      const rendererDir = defaultRendererDir();
      if (!existsSync(join(rendererDir, 'index.html'))) {
        process.stderr.write('The renderer is not built yet: run `npm run build` first.\n');
        process.exitCode = 1;
        return;
      }
      const dataDir = options.dataDir ?? resolveDataDir();
      const token = process.env.EXOPEN_BACKEND_TOKEN ?? '';
      const runtime = await createRuntime({
        host: 'web',
        dataDir,
        openExternal: async (url) => openBrowser(url),
        ...(options.backendUrl ? { backend: { url: options.backendUrl, token: async () => token } } : {}),
      });
      const host = await startWebHost({ runtime, rendererDir, port: Number(options.port) });
      process.stdout.write(`Exopen Connect is running at:\n  ${host.url}\n(only this link works; it is valid until you stop the assistant)\n`);
      // The same plain notice the window shows, for whoever started us from a terminal (e.g. keytar did not build).
      const { secretBackend } = await runtime.handlers['app.info']({});
      if (secretBackend.kind === 'memory') process.stdout.write(`Secrets: ${secretBackend.reason}\n`);
      if (options.open) openBrowser(host.url);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await host.close();
      await runtime.close();
    });
}

/** Best effort: xdg-open / open / start; where none exists the printed link is enough. */
function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => process.stderr.write('No browser could be opened here; open the link above yourself.\n'));
  child.unref();
}
