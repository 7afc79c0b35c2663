/**
 * The web host's session in Debian's chromium (main/hosts/web/guard.ts, renderer/src/webTransport.ts):
 * - the one-time link boots the app, leaves no code in the address bar, and a reload keeps working (the tab
 *   secret lives in the tab's sessionStorage);
 * - the same link again shows a page saying it was used and how to get a new one, never the app;
 * - a new tab (cookie, but no tab secret) says plainly that it needs a new link (E_WEB_SESSION);
 * - a server on another loopback port does receive our cookie from chromium (cookies are not scoped by
 *   port) and can do nothing with it: every call and the event stream refuse it;
 * - the built CLI: `web --backend-url` is honoured; a port already in use is a usage error.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo, Envelope } from '../../preload/contract';
import { startApp, type RunningApp } from './support/app';

const CLI = resolve('dist/cli/index.js');

/** Starts the built CLI's web host and resolves with its printed link, or with its exit code and stderr. */
function startCli(args: string[], dataDir: string): { child: ChildProcess; link: Promise<string>; exit: Promise<{ code: number | null; stderr: string }> } {
  const env = { ...process.env };
  delete env.EXOPEN_BACKEND_URL;
  const child = spawn(process.execPath, [CLI, 'web', '--no-open', '--data-dir', dataDir, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<{ code: number | null; stderr: string }>((resolveExit) => child.on('exit', (code) => resolveExit({ code, stderr })));
  const link = new Promise<string>((resolveLink, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const found = /http:\/\/127\.0\.0\.1:\d+\/\?code=[A-Za-z0-9_-]+/.exec(stdout);
      if (found) resolveLink(found[0]);
    });
    void exit.then(({ code }) => reject(new Error(`web exited with ${code}: ${stderr}`)));
  });
  link.catch(() => undefined); // awaited only where a link is expected
  return { child, link, exit };
}

describe('the web host session in the browser', () => {
  let app: RunningApp;
  let attacker: Server;
  let attackerOrigin: string;
  const received: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    // Another server on loopback: records the Cookie header chromium sends it.
    attacker = createServer((req, res) => {
      received.push(req.headers.cookie ?? '');
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>another server</title>');
    });
    await new Promise<void>((resolveListen) => attacker.listen(0, '127.0.0.1', resolveListen));
    attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    attacker?.close();
    await app?.stop();
  });

  it('the link boots the app, leaves no code in the address bar, and a reload keeps working', async () => {
    const { page, host } = app;
    await page.getByTestId('system-netvisor').waitFor();
    expect(page.url()).toBe(`${host.origin}/`);
    expect(await page.locator('meta[name="exopen-session"]').count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.getItem('exopen.webSession'))).toMatch(/^[A-Za-z0-9_-]{43}$/);

    await page.reload();
    await page.getByTestId('system-netvisor').waitFor();
    expect(await page.getByTestId('error-alert').count()).toBe(0);
  });

  it('the same link again shows "already used" and how to get a new one, not the app', async () => {
    const link = app.host.newLink();
    const tab = await app.page.context().newPage();
    await tab.goto(link.url);
    await tab.getByTestId('system-netvisor').waitFor();
    await tab.goto(link.url);
    const refused = tab.getByTestId('link-refused');
    expect(await refused.getAttribute('data-reason')).toBe('used');
    const text = await tab.locator('body').innerText();
    expect(text).toContain('This link has already been used');
    expect(text).toContain('start it again');
    expect(await tab.getByTestId('system-netvisor').count()).toBe(0);
    await tab.close();
  });

  it('a new tab with the cookie but no tab secret says it needs a new link (E_WEB_SESSION)', async () => {
    const tab = await app.page.context().newPage();
    await tab.goto(`${app.host.origin}/`);
    const alert = tab.getByTestId('error-alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain('Open a new link to use the assistant in this tab');
    expect(text).toContain('press Enter in the terminal');
    expect(text).toContain('E_WEB_SESSION');
    await tab.close();
  });

  it('a server on another loopback port receives our cookie from chromium, and nothing opens with it', async () => {
    const tab = await app.page.context().newPage();
    await tab.goto(`${attackerOrigin}/`);
    await tab.close();
    const port = new URL(app.host.origin).port;
    const stolen = received.flatMap((header) => header.split(/;\s*/)).find((cookie) => cookie.startsWith(`exopen_session_${port}=`));
    // Cookies are not scoped by port: the other server did get it.
    expect(stolen).toBeDefined();

    // It replays it with every header it can forge; it never saw a tab secret.
    const forged = { Cookie: stolen!, Origin: app.host.origin, 'X-Exopen-Bridge': '1', 'Content-Type': 'application/json' };
    for (const name of ['drafts.current', 'dataSources.list', 'app.info']) {
      const response = await fetch(`${app.host.origin}/api/invoke/${name}`, { method: 'POST', headers: forged, body: '{}' });
      expect(response.status, name).toBe(401);
      expect(await response.text(), name).not.toContain('"ok"');
    }
    const events = await fetch(`${app.host.origin}/api/events`, { headers: { Cookie: stolen! } });
    expect(events.status).toBe(401);
  });

  it('a page of another port cannot read the tab secret nor call the API from the browser', async () => {
    const tab = await app.page.context().newPage();
    await tab.goto(`${attackerOrigin}/`);
    const outcome = await tab.evaluate(async (origin) => {
      const stored = sessionStorage.getItem('exopen.webSession');
      let call: string;
      try {
        const response = await fetch(`${origin}/api/invoke/app.info`, { method: 'POST', credentials: 'include', headers: { 'X-Exopen-Bridge': '1' }, body: '{}' });
        call = `HTTP ${response.status}`;
      } catch (error) {
        call = `refused: ${String(error)}`;
      }
      return { stored, call };
    }, app.host.origin);
    await tab.close();
    expect(outcome.stored).toBeNull();
    expect(outcome.call).toMatch(/^refused: /);
  });
});

describe('exopen-connect web (the built CLI)', () => {
  let root: string;
  let web: ChildProcess | undefined;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'exopen-web-cli-'));
  });
  afterAll(async () => {
    web?.kill('SIGTERM');
    await rm(root, { recursive: true, force: true });
  });

  it('--backend-url is honoured (EXOPEN_BACKEND_URL unset): app.info names that backend, not the sandbox', async () => {
    const started = startCli(['--backend-url', 'https://exopen.invalid/'], join(root, 'data'));
    web = started.child;
    const link = await started.link;
    const origin = new URL(link).origin;
    const page = await fetch(link);
    const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
    const secret = /<meta name="exopen-session" content="([^"]+)">/.exec(await page.text())![1]!;
    const response = await fetch(`${origin}/api/invoke/app.info`, {
      method: 'POST',
      headers: { Cookie: cookie, Authorization: `Bearer ${secret}`, Origin: origin, 'X-Exopen-Bridge': '1', 'Content-Type': 'application/json' },
      body: '{}',
    });
    const envelope = (await response.json()) as Envelope<AppInfo>;
    expect(envelope).toMatchObject({ ok: true, value: { sandbox: false, backend: { environment: 'custom', url: 'https://exopen.invalid' } } });
    // The printed link was one-time too.
    expect((await fetch(link)).status).toBe(410);
    web.kill('SIGTERM');
    expect((await started.exit).code).toBe(0);
    web = undefined;
  });

  it('a port already in use: exit 1 naming --port, no stack trace', async () => {
    const busy = createServer();
    await new Promise<void>((resolveListen) => busy.listen(0, '127.0.0.1', resolveListen));
    const port = (busy.address() as AddressInfo).port;
    try {
      const { exit } = startCli(['--port', String(port)], join(root, 'busy'));
      const { code, stderr } = await exit;
      expect(code).toBe(1);
      expect(stderr).toContain(`--port ${port}: that port is in use`);
      expect(stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    } finally {
      busy.close();
    }
  });
});
