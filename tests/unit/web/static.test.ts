/**
 * Static files: the renderer is served with the CSP Electron uses, nothing outside its folder is ever
 * served however the path is spelled, and the host listens on 127.0.0.1 only.
 */
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../../../main/platform/csp';
import { APP_JS, INDEX_HTML, OUTSIDE_MARKER, raw, startWeb, type Web } from './support';

/** Resolves with the connect error code, or 'connected'. */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

describe('web host static files', () => {
  let web: Web;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(() => web.stop());

  it('serves index.html and assets with the renderer CSP and the other security headers', async () => {
    const cases: Array<[string, string, string]> = [
      ['/', INDEX_HTML, 'text/html; charset=utf-8'],
      ['/index.html', INDEX_HTML, 'text/html; charset=utf-8'],
      ['/assets/app.js', APP_JS, 'text/javascript; charset=utf-8'],
    ];
    for (const [path, body, type] of cases) {
      const response = await fetch(`${web.host.origin}${path}`, { headers: { Cookie: web.cookie } });
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toBe(body);
      expect(response.headers.get('content-type'), path).toBe(type);
      expect(response.headers.get('content-security-policy'), path).toBe(RENDERER_CSP);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
    expect(RENDERER_CSP).toContain("script-src 'self'");
    expect(RENDERER_CSP).toContain("frame-ancestors 'none'");
  });

  it('a missing file is a 404 that still carries the CSP', async () => {
    const response = await fetch(`${web.host.origin}/assets/missing.js`, { headers: { Cookie: web.cookie } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP);
  });

  it.each([
    '/../outside.txt',
    '/../../outside.txt',
    '/%2e%2e/outside.txt',
    '/%2E%2E/outside.txt',
    '/.%2e/outside.txt',
    '/..%2foutside.txt',
    '/..%2Foutside.txt',
    '/%2e%2e%2foutside.txt',
    '/assets/..%2f..%2foutside.txt',
    '/assets/%2e%2e%2f%2e%2e%2foutside.txt',
    '/%252e%252e%252foutside.txt',
    '/..%5coutside.txt',
    '/..%2frenderer-sibling%2foutside.txt',
    '/../renderer-sibling/outside.txt',
    '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
    '//etc/passwd',
    '/%00/../outside.txt',
    '/index.html%00/..%2f..%2foutside.txt',
  ])('never serves a file outside the renderer dir: %s', async (path) => {
    const response = await raw(web.port, { path, headers: { Host: `127.0.0.1:${web.port}`, Cookie: web.cookie } });
    expect(response.status).not.toBe(200);
    expect(response.body).not.toContain(OUTSIDE_MARKER);
    expect(response.body).not.toContain('root:');
  });

  // Regression: a malformed escape made decodeURIComponent throw, which became a 500 and an error log line.
  it('answers a malformed percent-escape with a 4xx, not a 500', async () => {
    for (const path of ['/%', '/%E0%A4%A', '/assets/%zz.js']) {
      const response = await raw(web.port, { path, headers: { Host: `127.0.0.1:${web.port}`, Cookie: web.cookie } });
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.status, path).toBeLessThan(500);
    }
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(new URL(web.host.origin).hostname).toBe('127.0.0.1');
    expect(await tryConnect('127.0.0.1', web.port)).toBe('connected');
    expect(await tryConnect('::1', web.port)).not.toBe('connected');
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address !== undefined && !address.internal)
      .map((address) => address!.address);
    for (const address of external) expect(await tryConnect(address, web.port), address).not.toBe('connected');
  });
});
