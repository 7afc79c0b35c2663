/**
 * Starts the real assistant for an end-to-end test: the sandbox (simulators + sandbox backend), the
 * runtime and the web host, in a fresh data directory, and Debian's chromium driven by playwright-core.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../../main/sandbox';
import { createRuntime, type Runtime } from '../../../main/services/runtime';
import { startWebHost, type WebHost } from '../../../main/hosts/web/server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RENDERER_DIR = resolve('dist/renderer');
export const SCREENSHOT_DIR = process.env.UPDATE_SCREENSHOTS === '1' ? resolve('docs/screenshots') : resolve('test-results/screenshots');

export interface RunningApp {
  readonly dataDir: string;
  readonly sandbox: Sandbox;
  readonly runtime: Runtime;
  readonly host: WebHost;
  readonly browser: Browser;
  readonly page: Page;
  stop(): Promise<void>;
}

export async function startApp(options: { dataDir?: string } = {}): Promise<RunningApp> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build` before the e2e tests');
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium`);
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'exopen-e2e-')));
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const sandbox = await startSandbox({ dataDir });
  const runtime = await createRuntime({ host: 'web', dataDir, openExternal: async () => undefined, sandbox });
  const host = await startWebHost({ runtime, rendererDir: RENDERER_DIR });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(host.url);
  return {
    dataDir,
    sandbox,
    runtime,
    host,
    browser,
    page,
    async stop() {
      await browser.close();
      await host.close();
      await runtime.close();
      await sandbox.close();
    },
  };
}

export function scenario(app: RunningApp, id: string) {
  const found = app.sandbox.scenarios.netvisor?.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no netvisor scenario ${id}`);
  return found;
}
