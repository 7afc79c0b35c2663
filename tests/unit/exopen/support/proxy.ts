/**
 * A recording HTTP proxy between the real client and the real sandbox: forwards every request unchanged and
 * keeps each exchange, so the tests can hold both sides to the OpenAPI document. A connection the sandbox
 * drops is dropped towards the client too.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpExchange } from './openapi';

export interface RecordedExchange extends HttpExchange {
  /** The upstream connection ended without an answer. */
  readonly dropped: boolean;
}

export interface ContractProxy {
  readonly url: string;
  readonly exchanges: RecordedExchange[];
  /** Points the proxy at another upstream, e.g. a restarted sandbox. */
  retarget(url: string): void;
  close(): Promise<void>;
}

const flat = (headers: IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers)
      .filter((entry): entry is [string, string | string[]] => entry[1] !== undefined)
      .map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value]),
  );

const readAll = (stream: NodeJS.ReadableStream): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
  });

export async function startContractProxy(target: string): Promise<ContractProxy> {
  let upstream = new URL(target);
  const exchanges: RecordedExchange[] = [];

  const server = createServer((request, response) => {
    void (async () => {
      const requestBody = await readAll(request);
      const base = { method: request.method ?? 'GET', url: request.url ?? '/', requestHeaders: flat(request.headers), requestBody };
      const forward = httpRequest({
        host: upstream.hostname,
        port: upstream.port,
        method: base.method,
        path: base.url,
        headers: { ...request.headers, host: upstream.host },
        agent: false,
      });
      forward.on('response', (answer) => {
        void readAll(answer).then((responseBody) => {
          exchanges.push({ ...base, status: answer.statusCode, responseHeaders: flat(answer.headers), responseBody, dropped: false });
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          response.end(responseBody);
        });
      });
      forward.on('error', () => {
        exchanges.push({ ...base, dropped: true });
        request.socket.destroy();
      });
      forward.end(requestBody);
    })();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    retarget(url) {
      upstream = new URL(url);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
