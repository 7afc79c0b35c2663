import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { successPage } from '../../../main/auth/callback-page';
import { startLoopback, type LoopbackListener } from '../../../main/auth/loopback';
import { isClosed } from './support';

let listener: LoopbackListener | undefined;
afterEach(async () => {
  await listener?.close();
  listener = undefined;
});

/** A raw GET with a chosen Host header (fetch does not let a caller set Host). */
function get(port: number, path: string, host = `127.0.0.1:${port}`, method = 'GET'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('loopback redirect listener', () => {
  it('listens on 127.0.0.1 only, on an ephemeral port', async () => {
    listener = await startLoopback(0);
    expect(listener.port).toBeGreaterThan(0);
    expect(listener.redirectUri).toBe(`http://127.0.0.1:${listener.port}/callback`);
    // Not reachable through any other interface of this machine (RFC 8252 §8.3).
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((info) => info && info.family === 'IPv4' && !info.internal)
      .map((info) => info!.address);
    for (const address of others) {
      const refused = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: address, port: listener!.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve(false);
        });
        socket.once('error', () => resolve(true));
      });
      expect(refused, address).toBe(true);
    }
  });

  it('takes exactly one GET /callback, ignoring other paths, methods and foreign Host headers', async () => {
    listener = await startLoopback(0);
    const { port } = listener;
    expect((await get(port, '/favicon.ico')).status).toBe(404);
    expect((await get(port, '/callback?code=x&state=y', 'rebound.example:80')).status).toBe(400);
    expect((await get(port, '/callback?code=x&state=y', `127.0.0.1:${port}`, 'POST')).status).toBe(405);

    const first = get(port, '/callback?code=abc&state=xyz');
    const received = await listener.received;
    expect(received.url.searchParams.get('code')).toBe('abc');
    expect((await get(port, '/callback?code=again&state=xyz')).status).toBe(409);
    received.respond(successPage());
    const answer = await first;
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('You can close this tab and return to Exopen Connect');

    await listener.close();
    expect(await isClosed(port)).toBe(true);
  });

  it('answers a callback still open when it is closed', async () => {
    listener = await startLoopback(0);
    const pending = get(listener.port, '/callback?code=abc&state=xyz');
    await listener.received;
    await listener.close();
    expect((await pending).status).toBe(503);
  });
});
