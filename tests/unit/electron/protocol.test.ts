import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { registerAppScheme, serveRenderer } from '../../../main/electron/protocol';
import { RENDERER_CSP } from '../../../main/platform/csp';
import { electronFake } from '../../mocks/electron';

const SECRET = 'outside-the-renderer-folder';
let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'exopen-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Exopen Connect</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), SECRET);
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

beforeEach(() => serveRenderer(root));

function fetchApp(url: string, init?: RequestInit): Promise<Response> {
  const handler = electronFake.protocolHandlers.get('app');
  if (!handler) throw new Error('app:// is not handled');
  return Promise.resolve(handler(new Request(url, init)));
}

describe('registerAppScheme', () => {
  it('registers app:// as standard and secure, without bypassing CSP', () => {
    registerAppScheme();
    const [schemes] = electronFake.protocol.registerSchemesAsPrivileged.mock.calls[0] as [Array<{ scheme: string; privileges: Record<string, boolean> }>];
    expect(schemes).toHaveLength(1);
    expect(schemes[0]).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
    expect(schemes[0]!.privileges.bypassCSP).toBeFalsy();
  });
});

describe('the app:// handler', () => {
  it('serves index.html with the renderer CSP and its content type', async () => {
    const response = await fetchApp('app://exopen/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('Exopen Connect');
  });

  it('serves index.html for the root and scripts as JavaScript', async () => {
    expect(await (await fetchApp('app://exopen/')).text()).toContain('<title>');
    const script = await fetchApp('app://exopen/assets/app.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it.each([
    'app://exopen/..%2fsecret.txt',
    'app://exopen/..%2F..%2Fsecret.txt',
    'app://exopen/assets/..%2f..%2fsecret.txt',
    'app://exopen/%2e%2e%2fsecret.txt',
    'app://exopen/assets/%2E%2E%2F%2E%2E%2Fsecret.txt',
  ])('refuses the traversal %s (403, with the CSP)', async (url) => {
    const response = await fetchApp(url);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(await response.text()).not.toContain(SECRET);
  });

  it.each([
    ['a literal ../ (folded by the URL parser, so it stays inside)', 'app://exopen/../secret.txt', 404],
    ['a double-encoded ../', 'app://exopen/%252e%252e%252fsecret.txt', 404],
    ['a NUL byte', 'app://exopen/index.html%00.js', 400],
    ['a backslash', 'app://exopen/..%5csecret.txt', 400],
    ['broken percent-encoding', 'app://exopen/%E0%A4%A', 400],
    ['a missing file', 'app://exopen/nope.js', 404],
    ['a directory', 'app://exopen/assets', 404],
    ['another host', 'app://evil/index.html', 404],
  ])('answers %s without leaking anything', async (_label, url, status) => {
    const response = await fetchApp(url);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await fetchApp('app://exopen/index.html', { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP);
  });

  it('answers HEAD without a body', async () => {
    const response = await fetchApp('app://exopen/index.html', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});
