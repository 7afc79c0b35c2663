/**
 * The web host: the same renderer and services over loopback HTTP. The bridge is `POST /api/invoke/<call>`
 * (JSON in, {ok,value|error} envelope out, validated exactly as Electron's IPC is) and server-sent events on
 * `GET /api/events`. Binds 127.0.0.1 only; see guard.ts for who may talk to it and how a one-time link
 * becomes a tab's session.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createLogger } from '../../platform/log';
import { dispatchCall } from '../../services/dispatch';
import type { Runtime } from '../../services/runtime';
import { createGuard, LINK_TTL_MS, SESSION_META } from './guard';
import { SECURITY_HEADERS, serveStatic } from './static';

const MAX_BODY = 1024 * 1024;

/** What to do for a new link, said on the page a used or expired link answers. Hosts may say it better. */
export const DEFAULT_NEW_LINK_HINT = 'Stop the assistant (Ctrl+C in its terminal) and start it again: it prints a new link.';

export interface OneTimeLink {
  /** `http://127.0.0.1:<port>/?code=…`: opens the assistant once, until `expiresAt`. */
  readonly url: string;
  readonly expiresAt: number;
  /** Resolves when the link is used (not when it expires: nothing happens then). */
  readonly used: Promise<void>;
}

export interface WebHost {
  readonly origin: string;
  /** A new one-time link (see guard.ts). */
  newLink(): OneTimeLink;
  close(): Promise<void>;
}

export interface WebHostOptions {
  readonly runtime: Runtime;
  readonly rendererDir: string;
  readonly port?: number;
  /** The clock links expire by (tests inject one). */
  readonly now?: () => number;
  readonly linkTtlMs?: number;
  /** One sentence on how to get a new link, shown when a link was used or has expired. */
  readonly newLinkHint?: string;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const log = createLogger('web-host');
  let port = 0;
  const linkTtlMs = options.linkTtlMs ?? LINK_TTL_MS;
  const guard = createGuard(() => port, { linkTtlMs, ...(options.now ? { now: options.now } : {}) });
  const newLinkHint = options.newLinkHint ?? DEFAULT_NEW_LINK_HINT;
  const streams = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      log.error('request failed', { error });
      if (!res.headersSent) res.writeHead(500, SECURITY_HEADERS).end();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!guard.hostOk(req)) return void res.writeHead(400, SECURITY_HEADERS).end('Unexpected Host header');

    if (req.method === 'POST' && url.pathname.startsWith('/api/invoke/')) {
      const verdict = guard.check(req, 'call');
      if (!verdict.ok) return void res.writeHead(verdict.status, SECURITY_HEADERS).end(verdict.reason);
      const payload = await readJson(req);
      // A body we stopped reading leaves bytes on the socket: close it rather than keep it alive.
      if (!payload.ok) res.setHeader('Connection', 'close');
      const envelope = payload.ok
        ? await dispatchCall(options.runtime.handlers, url.pathname.slice('/api/invoke/'.length), payload.value, log)
        : { ok: false as const, error: { code: 'E_BAD_INPUT', message: payload.reason } };
      return void res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'application/json' }).end(JSON.stringify(envelope));
    }

    if (req.method === 'GET' && url.pathname === '/api/events') {
      const verdict = guard.check(req, 'events');
      if (!verdict.ok) return void res.writeHead(verdict.status, SECURITY_HEADERS).end(verdict.reason);
      return openEventStream(res);
    }

    if (req.method !== 'GET') return void res.writeHead(405, SECURITY_HEADERS).end();
    const code = url.pathname === '/' ? url.searchParams.get('code') : null;
    if (code !== null) {
      const redeemed = guard.redeem(code, req);
      if (!redeemed.ok) {
        log.info('a link was refused', { reason: redeemed.reason });
        return void res.writeHead(redeemed.reason === 'unknown' ? 401 : 410, HTML_HEADERS).end(refusalPage(redeemed.reason, newLinkHint, linkTtlMs));
      }
      // The page carries this tab's secret; the browser keeps it in the tab's sessionStorage (webTransport.ts).
      const index = await readFile(join(options.rendererDir, 'index.html'), 'utf8');
      const headers = { ...HTML_HEADERS, ...(redeemed.setCookie ? { 'Set-Cookie': redeemed.setCookie } : {}) };
      return void res.writeHead(200, headers).end(withSessionMeta(index, redeemed.secret));
    }
    if (!guard.pageOk(req)) return void res.writeHead(401, HTML_HEADERS).end(refusalPage('unknown', newLinkHint, linkTtlMs));
    return serveStatic(options.rendererDir, url.pathname, res);
  }

  function openEventStream(res: ServerResponse): void {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    const unsubscribe = options.runtime.events.subscribe((name, payload) => {
      res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  log.info('web host listening', { origin });

  return {
    origin,
    newLink() {
      let markUsed: () => void = () => undefined;
      const used = new Promise<void>((resolve) => (markUsed = resolve));
      const { code, expiresAt } = guard.mintLink(() => markUsed());
      return { url: `${origin}/?code=${code}`, expiresAt, used };
    },
    close: () =>
      new Promise<void>((resolve) => {
        guard.revokeLinks();
        for (const stream of streams) stream.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readJson(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; reason: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return { ok: false, reason: 'request body too large' };
    chunks.push(chunk as Buffer);
  }
  try {
    return { ok: true, value: chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {} };
  } catch {
    return { ok: false, reason: 'request body is not JSON' };
  }
}

const HTML_HEADERS = { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8' } as const;

/** The app's page with this tab's secret in a `<meta>` (no script: the CSP allows none inline). */
function withSessionMeta(index: string, secret: string): string {
  const meta = `<meta name="${SESSION_META}" content="${secret}">`;
  const head = /<head[^>]*>/i.exec(index);
  if (head) return index.slice(0, head.index + head[0].length) + meta + index.slice(head.index + head[0].length);
  const doctype = /^<!doctype html>/i.exec(index);
  return doctype ? doctype[0] + meta + index.slice(doctype[0].length) : meta + index;
}

/** What a browser without a session sees: no script, no API, what happened and what to do. */
function refusalPage(reason: 'used' | 'expired' | 'unknown', newLinkHint: string, linkTtlMs: number): string {
  const minutes = Math.max(1, Math.round(linkTtlMs / 60_000));
  const what = {
    used: 'This link has already been used. Each link opens the assistant once.',
    expired: `This link has expired: a link works for ${minutes} minute${minutes === 1 ? '' : 's'} after it is printed.`,
    unknown: 'This page needs the link printed in the terminal that started the assistant.',
  }[reason];
  const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Exopen Connect: open a new link</title></head><body>',
    `<h1>Exopen Connect</h1><p data-testid="link-refused" data-reason="${reason}">${escape(what)}</p>`,
    '<p>If the assistant is already open in another tab, go back to that tab.</p>',
    `<p>${escape(newLinkHint)}</p>`,
    '</body></html>',
  ].join('');
}
