/**
 * The web host: the same renderer and services over loopback HTTP. The bridge is `POST /api/invoke/<call>`
 * (JSON in, {ok,value|error} envelope out, validated exactly as Electron's IPC is) and server-sent events on
 * `GET /api/events`. Binds 127.0.0.1 only; see guard.ts for who may talk to it.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../../platform/log';
import { dispatchCall } from '../../services/dispatch';
import type { Runtime } from '../../services/runtime';
import { createGuard } from './guard';
import { SECURITY_HEADERS, serveStatic } from './static';

const MAX_BODY = 1024 * 1024;

export interface WebHost {
  /** The link to open: carries the one-time token that becomes the session cookie. */
  readonly url: string;
  readonly origin: string;
  close(): Promise<void>;
}

export async function startWebHost(options: { runtime: Runtime; rendererDir: string; port?: number }): Promise<WebHost> {
  const log = createLogger('web-host');
  const token = randomBytes(32).toString('hex');
  let port = 0;
  const guard = createGuard(token, () => port);
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
    if (guard.tokenOk(url.searchParams.get('token') ?? undefined)) {
      return void res.writeHead(302, { ...SECURITY_HEADERS, 'Set-Cookie': guard.sessionCookie(), Location: '/' }).end();
    }
    if (!guard.sessionOk(req)) {
      return void res
        .writeHead(401, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Exopen Connect: open the link printed in the terminal that started the assistant.');
    }
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
    url: `${origin}/?token=${token}`,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
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
