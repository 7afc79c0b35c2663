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
import { createRuntime, type Runtime, type RuntimeOptions } from '../../../main/services/runtime';
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

export interface StartOptions {
  readonly dataDir?: string;
  readonly user?: { email: string; password: string };
  /** Gives the runtime a PDF printer (as Electron's main does), made from the test's chromium. */
  readonly printToPdf?: (browser: Browser) => NonNullable<RuntimeOptions['printToPdf']>;
}

export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build` before the e2e tests');
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium`);
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'exopen-e2e-')));
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const sandbox = await startSandbox({ dataDir });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const runtime = await createRuntime({
    host: 'web',
    dataDir,
    openExternal: async () => undefined,
    // The "system browser": a new tab of the same chromium, where the user logs in to the sandbox provider.
    // Opening returns at once, as shell.openExternal does; the user logs in while the assistant waits.
    openSignIn: async (url) => {
      void (async () => {
        const tab = await context.newPage();
        await tab.goto(url);
        await tab.fill('#email', options.user?.email ?? 'admin@demo.exopen.test');
        await tab.fill('#password', options.user?.password ?? 'demo');
        await tab.getByRole('button', { name: 'Sign in' }).click();
        await tab.waitForURL(/127\.0\.0\.1:\d+\/callback/);
        await tab.close();
      })();
    },
    sandbox,
    ...(options.printToPdf ? { printToPdf: options.printToPdf(browser) } : {}),
  });
  const host = await startWebHost({ runtime, rendererDir: RENDERER_DIR });
  const page = await context.newPage();
  // A one-time link, as the assistant prints it: the page keeps its tab secret in sessionStorage.
  await page.goto(host.newLink().url);
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

/** Signs in from the header, as a user would: the sign-in tab opens, the user logs in, the header shows them. */
export async function signIn(page: Page): Promise<void> {
  await page.getByTestId('signin-button').first().click();
  await page.getByTestId('session-user').waitFor();
}
