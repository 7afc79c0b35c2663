/**
 * The real web host in-process, as tests/e2e/support/app.ts starts it: sandbox, runtime, startWebHost, in a
 * fresh data dir, serving a tiny renderer written here. Requests go over real loopback HTTP: node's fetch
 * where it can express the request, node:http where fetch cannot (a foreign Host header, a raw path that
 * the URL parser would normalise).
 */
import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope, InvokeName, InvokeOutput } from '../../../preload/contract';
import { startSandbox, type Sandbox } from '../../../main/sandbox';
import { createRuntime, type Runtime } from '../../../main/services/runtime';
import { startWebHost, type WebHost } from '../../../main/hosts/web/server';
import { browserSignIn } from '../../support/sign-in';

export const INDEX_HTML = '<!doctype html><title>Exopen Connect test</title><script src="/assets/app.js"></script>';
export const APP_JS = 'console.log("exopen test renderer");';
/** Written next to (outside) the renderer dir; a traversal that reaches it would serve this text. */
export const OUTSIDE_MARKER = 'outside-the-renderer-dir-7f3a';

export interface Web {
  readonly root: string;
  readonly rendererDir: string;
  readonly sandbox: Sandbox;
  readonly runtime: Runtime;
  readonly host: WebHost;
  readonly port: number;
  /** `exopen_session_<port>=<value>`, set by redeeming a one-time link. */
  readonly cookie: string;
  /** The tab secret the redeemed link's page carried (its `<meta name="exopen-session">`). */
  readonly secret: string;
  /** Cookie and `Authorization: Bearer <secret>`: what our page sends on the event stream. */
  sessionHeaders(): Record<string, string>;
  /** The headers a page of our own origin sends with a bridge call. */
  bridgeHeaders(): Record<string, string>;
  /** POST /api/invoke/<name> with the bridge headers and the session. */
  invoke<K extends InvokeName>(name: K, body: unknown): Promise<Envelope<InvokeOutput<K>>>;
  stop(): Promise<void>;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** One request over node:http, sent exactly as given (path and Host are not normalised). */
export function raw(port: number, options: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The tab secret in a page answered to a link, if any. */
export function metaSecret(html: string): string | undefined {
  return /<meta name="exopen-session" content="([^"]+)">/.exec(html)?.[1];
}

/** Redeems a new one-time link as a browser would: the session cookie and the page's tab secret. */
export async function login(host: WebHost, cookie?: string): Promise<{ cookie: string; secret: string; setCookie: string | null }> {
  const response = await fetch(host.newLink().url, { redirect: 'manual', ...(cookie ? { headers: { Cookie: cookie } } : {}) });
  const setCookie = response.headers.get('set-cookie');
  const secret = metaSecret(await response.text());
  if (response.status !== 200 || !secret || !(setCookie ?? cookie)) throw new Error(`the link answered ${response.status}`);
  return { cookie: setCookie ? setCookie.split(';')[0]! : cookie!, secret, setCookie };
}

export async function startWeb(options: { now?: () => number } = {}): Promise<Web> {
  const root = await mkdtemp(join(tmpdir(), 'exopen-web-'));
  const dataDir = join(root, 'data');
  const rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await mkdir(dataDir);
  await writeFile(join(rendererDir, 'index.html'), INDEX_HTML);
  await writeFile(join(rendererDir, 'assets', 'app.js'), APP_JS);
  await writeFile(join(root, 'outside.txt'), OUTSIDE_MARKER);
  await mkdir(join(root, 'renderer-sibling'));
  await writeFile(join(root, 'renderer-sibling', 'outside.txt'), OUTSIDE_MARKER);

  const sandbox = await startSandbox({ dataDir });
  const runtime = await createRuntime({ host: 'web', dataDir, openExternal: async () => undefined, openSignIn: browserSignIn(), sandbox });
  await runtime.handlers['auth.signIn']({});
  const host = await startWebHost({ runtime, rendererDir, ...(options.now ? { now: options.now } : {}) });
  const port = Number(new URL(host.origin).port);
  const { cookie, secret } = await login(host);
  const sessionHeaders = () => ({ Cookie: cookie, Authorization: `Bearer ${secret}` });
  const bridgeHeaders = () => ({ ...sessionHeaders(), Origin: host.origin, 'X-Exopen-Bridge': '1', 'Content-Type': 'application/json' });

  return {
    root,
    rendererDir,
    sandbox,
    runtime,
    host,
    port,
    cookie,
    secret,
    sessionHeaders,
    bridgeHeaders,
    async invoke<K extends InvokeName>(name: K, body: unknown) {
      const response = await fetch(`${host.origin}/api/invoke/${name}`, { method: 'POST', headers: bridgeHeaders(), body: JSON.stringify(body) });
      if (response.status !== 200) throw new Error(`${name} answered HTTP ${response.status}`);
      return (await response.json()) as Envelope<InvokeOutput<K>>;
    },
    async stop() {
      await host.close();
      await runtime.close();
      await sandbox.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
