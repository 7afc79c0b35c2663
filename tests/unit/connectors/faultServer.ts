/**
 * A fault-injecting HTTP server on 127.0.0.1 (§9 #11 and #12): each request is answered by the next step
 * of a script (or the last one, repeated), and the server records what it saw. Its timers are the global
 * ones, so under vitest's fake timers a trickle advances only when the test advances time.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as realDelay } from 'node:timers/promises';

export type Step =
  | { readonly kind: 'answer'; readonly status: number; readonly body?: string; readonly headers?: Readonly<Record<string, string>> }
  /** Headers at once, then one byte every `everyMs`, never ending. */
  | { readonly kind: 'trickle'; readonly everyMs: number }
  /** Headers, then as many bytes as the client reads (64 KB chunks, honouring backpressure) up to `totalBytes`. */
  | { readonly kind: 'flood'; readonly totalBytes: number }
  /** Accepts the request and never answers. */
  | { readonly kind: 'hang' }
  /** Drops the connection (ECONNRESET for the client). */
  | { readonly kind: 'reset' };

export interface Seen {
  readonly method: string;
  readonly path: string;
  readonly idempotencyKey?: string;
}

export interface FaultServer {
  readonly url: string;
  readonly origin: string;
  /** Every request that reached the server, in order. */
  readonly seen: Seen[];
  /** Bytes of body written by flood and trickle steps. */
  bodyBytesWritten(): number;
  /** How many answers were cut by the client closing the socket before the body ended. */
  closedEarly(): number;
  /** Replace the script (per path prefix: the first route whose prefix matches wins; '' matches all). */
  script(routes: Readonly<Record<string, ReadonlyArray<Step>>>): void;
  close(): Promise<void>;
}

export async function startFaultServer(routes: Readonly<Record<string, ReadonlyArray<Step>>> = { '': [{ kind: 'answer', status: 200, body: '{}' }] }): Promise<FaultServer> {
  let script = routes;
  const counters = new Map<string, number>();
  const seen: Seen[] = [];
  let written = 0;
  let cut = 0;
  const timers = new Set<ReturnType<typeof setInterval>>();

  function stepFor(path: string): Step {
    const prefix = Object.keys(script).find((candidate) => path.startsWith(candidate)) ?? '';
    const steps = script[prefix] ?? [{ kind: 'answer', status: 404 }];
    const n = counters.get(prefix) ?? 0;
    counters.set(prefix, n + 1);
    return steps[Math.min(n, steps.length - 1)]!;
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const key = req.headers['idempotency-key'];
    seen.push({ method: req.method ?? '', path, ...(typeof key === 'string' ? { idempotencyKey: key } : {}) });
    req.resume();
    const step = stepFor(path);
    switch (step.kind) {
      case 'answer':
        res.writeHead(step.status, { 'Content-Type': 'application/json', ...step.headers });
        res.end(step.body ?? '');
        return;
      case 'hang':
        return;
      case 'reset':
        req.socket.destroy();
        return;
      case 'trickle': {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.flushHeaders();
        const timer = setInterval(() => {
          written += 1;
          res.write(' ');
        }, step.everyMs);
        timers.add(timer);
        res.on('close', () => {
          clearInterval(timer);
          timers.delete(timer);
          cut += 1;
        });
        return;
      }
      case 'flood': {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let done = false;
        res.on('close', () => {
          if (!done) cut += 1;
        });
        const pump = (): void => {
          while (!res.destroyed && written < step.totalBytes) {
            written += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          if (!res.destroyed) {
            done = true;
            res.end();
          }
        };
        pump();
        return;
      }
    }
  }

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    origin,
    seen,
    bodyBytesWritten: () => written,
    closedEarly: () => cut,
    script(next) {
      script = next;
      counters.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearInterval(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Lets real I/O (loopback sockets) happen while the code's timers are fake: node:timers/promises is not
 * faked. Used only to wait for the network, never to measure or pass the time the code under test waits on.
 */
export async function settleIo(ms = 5): Promise<void> {
  await realDelay(ms);
}

/** Waits for real I/O until `ready` holds (at most ~10 s of polling), e.g. "the server has seen the request". */
export async function untilIo(ready: () => boolean, polls = 2000): Promise<void> {
  for (let n = 0; n < polls; n++) {
    if (ready()) return;
    await realDelay(5);
  }
  throw new Error('the condition never held');
}

/** The timers to fake: everything the code under test waits on, but not setImmediate (real I/O turns). */
export const FAKE_TIMERS: { toFake: Array<'setTimeout' | 'clearTimeout' | 'setInterval' | 'clearInterval' | 'Date'> } = {
  toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
};
