/**
 * The loopback redirect listener of RFC 8252 §7.3: http://127.0.0.1:<port>/callback, bound to the loopback
 * interface only (§8.3: the IP literal, not "localhost", so nothing listens on other interfaces), taking
 * exactly one GET /callback and then closing. The answer to that request is held open until the caller
 * knows the outcome, so the browser tab says whether the sign-in worked.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendCallbackPage, type CallbackPage } from './callback-page';
import { authErrors } from './errors';

export interface ReceivedCallback {
  /** The full redirect URL as the browser requested it (query: code/state/iss or error). */
  readonly url: URL;
  /** Answers the browser; only the first call counts. */
  respond(page: CallbackPage): void;
}

export interface LoopbackListener {
  readonly port: number;
  readonly redirectUri: string;
  /** Settles with the first valid GET /callback. */
  readonly received: Promise<ReceivedCallback>;
  /** Stops listening (new connections are refused at once) and ends any connection still open. */
  close(): Promise<void>;
}

/** How long an answered connection may take to drain before it is cut. */
const DRAIN_MS = 1_000;

function plain(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' });
  response.end(text);
}

export async function startLoopback(port: number): Promise<LoopbackListener> {
  let deliver: (callback: ReceivedCallback) => void = () => undefined;
  const received = new Promise<ReceivedCallback>((resolve) => (deliver = resolve));
  let taken = false;
  let pending: ServerResponse | undefined;
  let actualPort = port;

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${actualPort}`);
    // A Host other than our literal address means a page reached us through DNS rebinding: ignore it
    // rather than let it consume (and fail) the one callback.
    if (request.headers.host !== `127.0.0.1:${actualPort}`) return plain(response, 400, 'Unexpected host.');
    if (url.pathname !== '/callback') return plain(response, 404, 'Not found.');
    if (request.method !== 'GET') return plain(response, 405, 'Method not allowed.');
    if (taken) return plain(response, 409, 'This sign-in has already been answered. You can close this tab.');
    taken = true;
    pending = response;
    deliver({
      url,
      respond: (page) => {
        if (pending !== response) return;
        pending = undefined;
        sendCallbackPage(response, page);
      },
    });
  });

  await new Promise<void>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException): void => {
      if (error.code === 'EADDRINUSE') reject(authErrors.port(port, 'in-use', error));
      else if (error.code === 'EACCES') reject(authErrors.port(port, 'denied', error));
      else reject(error);
    };
    server.once('error', failed);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', failed);
      resolve();
    });
  });
  actualPort = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    new Promise<void>((resolve) => {
      if (pending) plain(pending, 503, 'The sign-in was stopped. You can close this tab and return to Exopen Connect.');
      pending = undefined;
      server.close(() => resolve());
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), DRAIN_MS).unref();
    });

  return {
    port: actualPort,
    redirectUri: `http://127.0.0.1:${actualPort}/callback`,
    received,
    close: () => (closing ??= close()),
  };
}
