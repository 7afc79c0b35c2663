/**
 * Who may talk to the web host: the token link becomes an HttpOnly SameSite=Strict session cookie; without
 * it pages, calls and events answer 401; a wrong token gets nothing; a foreign Host (DNS rebinding) gets
 * 400 even with a valid cookie.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDEX_HTML, raw, startWeb, type Web } from './support';

describe('web host session', () => {
  let web: Web;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(() => web.stop());

  it('the token link sets an HttpOnly SameSite=Strict cookie and redirects to /', async () => {
    const response = await fetch(web.host.url, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/');
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^exopen_session=[0-9a-f]{64};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');

    const page = await fetch(`${web.host.origin}/`, { headers: { Cookie: setCookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(INDEX_HTML);
  });

  it('the link carries the cookie value as its token, on 127.0.0.1', () => {
    const url = new URL(web.host.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(web.cookie).toBe(`exopen_session=${url.searchParams.get('token')}`);
  });

  it('without a session: 401 for pages, /api/invoke and /api/events', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js', '/no-such-page']) {
      const response = await fetch(`${web.host.origin}${path}`);
      expect(response.status, path).toBe(401);
      expect(await response.text()).not.toContain('exopen test renderer');
    }
    const call = await fetch(`${web.host.origin}/api/invoke/app.info`, {
      method: 'POST',
      headers: { Origin: web.host.origin, 'X-Exopen-Bridge': '1', 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(call.status).toBe(401);
    const events = await fetch(`${web.host.origin}/api/events`);
    expect(events.status).toBe(401);
    expect(events.headers.get('content-type') ?? '').not.toContain('text/event-stream');
  });

  it('a wrong cookie value is no session', async () => {
    const response = await fetch(`${web.host.origin}/`, { headers: { Cookie: `exopen_session=${'0'.repeat(64)}` } });
    expect(response.status).toBe(401);
  });

  it('a wrong token is refused: no cookie, no redirect', async () => {
    const token = new URL(web.host.url).searchParams.get('token')!;
    const nearMiss = `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}`;
    for (const wrong of ['wrong', nearMiss, `${token}0`, '']) {
      const response = await fetch(`${web.host.origin}/?token=${wrong}`, { redirect: 'manual' });
      expect(response.status, wrong).toBe(401);
      expect(response.headers.get('set-cookie')).toBeNull();
    }
  });

  it('a foreign Host header gets 400 even with a valid cookie and token (DNS rebinding)', async () => {
    const token = new URL(web.host.url).searchParams.get('token')!;
    for (const host of [`evil.example:${web.port}`, 'evil.example', `127.0.0.1:${web.port + 1}`, `127.0.0.1.evil.example:${web.port}`]) {
      const page = await raw(web.port, { path: '/', headers: { Host: host, Cookie: web.cookie } });
      expect(page.status, host).toBe(400);
      const link = await raw(web.port, { path: `/?token=${token}`, headers: { Host: host } });
      expect(link.status, host).toBe(400);
      expect(link.headers['set-cookie']).toBeUndefined();
      const call = await raw(web.port, {
        path: '/api/invoke/app.info',
        method: 'POST',
        headers: { Host: host, Cookie: web.cookie, Origin: `http://${host}`, 'X-Exopen-Bridge': '1' },
        body: '{}',
      });
      expect(call.status, host).toBe(400);
      expect(call.body).not.toContain('"ok"');
      const events = await raw(web.port, { path: '/api/events', headers: { Host: host, Cookie: web.cookie } });
      expect(events.status, host).toBe(400);
    }
  });

  it('our own Host names, 127.0.0.1 and localhost, are accepted', async () => {
    for (const host of [`127.0.0.1:${web.port}`, `localhost:${web.port}`]) {
      const page = await raw(web.port, { path: '/', headers: { Host: host, Cookie: web.cookie } });
      expect(page.status, host).toBe(200);
    }
  });
});
