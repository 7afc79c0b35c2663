/**
 * Who may talk to the web host (main/hosts/web/guard.ts): a one-time, short-lived link answers the app's
 * page with a tab secret and sets a per-port HttpOnly SameSite=Strict cookie, neither equal to the link's
 * code; a replayed or expired link gets a page that says so and how to get a new one; the cookie alone (what
 * any other server on 127.0.0.1 receives from the browser) opens no call and no event stream; a foreign Host
 * (DNS rebinding) gets 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINK_TTL_MS } from '../../../main/hosts/web/guard';
import { INDEX_HTML, login, metaSecret, raw, startWeb, type Web } from './support';

describe('web host session', () => {
  let web: Web;
  let clock = 1_000_000;
  beforeAll(async () => {
    web = await startWeb({ now: () => clock });
  });
  afterAll(() => web.stop());

  const call = (headers: Record<string, string>, name = 'drafts.start', body = JSON.stringify({ system: 'netvisor' })) =>
    fetch(`${web.host.origin}/api/invoke/${name}`, { method: 'POST', headers, body });

  it('a link answers the app page with a tab secret and sets a per-port HttpOnly SameSite=Strict cookie', async () => {
    const link = web.host.newLink();
    const url = new URL(link.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(link.expiresAt).toBe(clock + LINK_TTL_MS);
    const code = url.searchParams.get('code')!;
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const response = await fetch(link.url, { redirect: 'manual' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^exopen_session_${web.port}=[A-Za-z0-9_-]{43};`));
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    const page = await response.text();
    const secret = metaSecret(page)!;
    expect(page.replace(/<meta name="exopen-session" content="[^"]+">/, '')).toBe(INDEX_HTML);

    // Neither the cookie nor the tab secret is the link's code, and the page does not repeat the code.
    const cookieValue = setCookie.split(';')[0]!.split('=')[1]!;
    expect(new Set([code, cookieValue, secret]).size).toBe(3);
    expect(page).not.toContain(code);
    await expect(link.used).resolves.toBeUndefined();
  });

  it('a replayed link is refused with a page that says it was used and how to get a new one, not the app', async () => {
    const link = web.host.newLink();
    expect((await fetch(link.url, { redirect: 'manual' })).status).toBe(200);
    for (const headers of [{}, { Cookie: web.cookie }] as Array<Record<string, string>>) {
      const replay = await fetch(link.url, { redirect: 'manual', headers });
      expect(replay.status).toBe(410);
      expect(replay.headers.get('set-cookie')).toBeNull();
      expect(replay.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const page = await replay.text();
      expect(page).toContain('data-reason="used"');
      expect(page).toContain('has already been used');
      expect(page).toContain('start it again');
      expect(metaSecret(page)).toBeUndefined();
      expect(page).not.toContain('<script');
      expect(page).not.toContain('exopen test renderer');
    }
  });

  it('a link not used within its lifetime has expired (injected clock)', async () => {
    const link = web.host.newLink();
    clock += LINK_TTL_MS;
    const response = await fetch(link.url, { redirect: 'manual' });
    expect(response.status).toBe(410);
    expect(response.headers.get('set-cookie')).toBeNull();
    const page = await response.text();
    expect(page).toContain('data-reason="expired"');
    expect(page).toContain('has expired');
    expect(metaSecret(page)).toBeUndefined();
    // Just inside its lifetime a link still works.
    const fresh = web.host.newLink();
    clock += LINK_TTL_MS - 1;
    expect((await fetch(fresh.url, { redirect: 'manual' })).status).toBe(200);
  });

  it('the cookie alone, as a server on another loopback port receives it, opens no call and no event stream', async () => {
    // Such a server can send any header it likes; only the tab secret, which it never saw, is missing.
    const forged = { Cookie: web.cookie, Origin: web.host.origin, 'X-Exopen-Bridge': '1', 'Content-Type': 'application/json' };
    const refused = await call(forged);
    expect(refused.status).toBe(401);
    expect(await refused.text()).not.toContain('"ok"');
    for (const authorization of ['Bearer ', `Bearer ${'A'.repeat(43)}`, web.cookie.split('=')[1]!, `Bearer ${web.cookie.split('=')[1]}`, `Basic ${web.secret}`]) {
      expect((await call({ ...forged, Authorization: authorization })).status, authorization).toBe(401);
    }
    const events = await fetch(`${web.host.origin}/api/events`, { headers: { Cookie: web.cookie } });
    expect(events.status).toBe(401);
    expect(events.headers.get('content-type') ?? '').not.toContain('text/event-stream');
    // None of it reached a handler.
    expect(await web.invoke('drafts.current', {})).toEqual({ ok: true, value: null });
  });

  it('the tab secret without the cookie, or with another browser’s cookie, is refused too', async () => {
    const other = await login(web.host);
    expect(other.cookie).not.toBe(web.cookie);
    const headers = { Origin: web.host.origin, 'X-Exopen-Bridge': '1', 'Content-Type': 'application/json' };
    expect((await call({ ...headers, Authorization: `Bearer ${web.secret}` })).status).toBe(401);
    expect((await call({ ...headers, Authorization: `Bearer ${web.secret}`, Cookie: other.cookie })).status).toBe(401);
    expect((await call({ ...headers, Authorization: `Bearer ${other.secret}`, Cookie: web.cookie })).status).toBe(401);
    expect((await call({ ...headers, Authorization: `Bearer ${other.secret}`, Cookie: other.cookie }, 'app.info', '{}')).status).toBe(200);
  });

  it('a second link in the same browser keeps its cookie and gives the new tab a secret of its own; both tabs work', async () => {
    const second = await login(web.host, web.cookie);
    expect(second.setCookie).toBeNull();
    expect(second.secret).not.toBe(web.secret);
    for (const secret of [web.secret, second.secret]) {
      const response = await call({ Cookie: web.cookie, Authorization: `Bearer ${secret}`, Origin: web.host.origin, 'X-Exopen-Bridge': '1' }, 'app.info', '{}');
      expect(response.status).toBe(200);
    }
  });

  it('a reload (GET / with the cookie) serves the app page without any secret', async () => {
    const page = await fetch(`${web.host.origin}/`, { headers: { Cookie: web.cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(INDEX_HTML);
  });

  it('without a session: 401 for pages, /api/invoke and /api/events, with a page that says what to do', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js', '/no-such-page']) {
      const response = await fetch(`${web.host.origin}${path}`);
      expect(response.status, path).toBe(401);
      const text = await response.text();
      expect(text).not.toContain('exopen test renderer');
      expect(text).toContain('the link printed in the terminal');
    }
    const refused = await call({ Origin: web.host.origin, 'X-Exopen-Bridge': '1', 'Content-Type': 'application/json' }, 'app.info', '{}');
    expect(refused.status).toBe(401);
    const events = await fetch(`${web.host.origin}/api/events`);
    expect(events.status).toBe(401);
  });

  it('a wrong cookie value is no session', async () => {
    const response = await fetch(`${web.host.origin}/`, { headers: { Cookie: `exopen_session_${web.port}=${'0'.repeat(43)}` } });
    expect(response.status).toBe(401);
    // The cookie of another port's assistant is not ours.
    const value = web.cookie.split('=')[1]!;
    expect((await fetch(`${web.host.origin}/`, { headers: { Cookie: `exopen_session_${web.port + 1}=${value}` } })).status).toBe(401);
  });

  it('a wrong code is refused: no cookie, no secret', async () => {
    const code = new URL(web.host.newLink().url).searchParams.get('code')!;
    const nearMiss = `${code.slice(0, -1)}${code.endsWith('A') ? 'B' : 'A'}`;
    for (const wrong of ['wrong', nearMiss, `${code}0`, '']) {
      const response = await fetch(`${web.host.origin}/?code=${wrong}`, { redirect: 'manual' });
      expect(response.status, wrong).toBe(401);
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(metaSecret(await response.text())).toBeUndefined();
    }
    // A code is only redeemed at /, and the old ?token= link is no link at all.
    expect((await fetch(`${web.host.origin}/assets/app.js?code=${code}`)).status).toBe(401);
    expect((await fetch(`${web.host.origin}/?token=${code}`)).status).toBe(401);
    expect((await fetch(`${web.host.origin}/?code=${code}`)).status).toBe(200);
  });

  it('a foreign Host header gets 400 even with a valid session and link (DNS rebinding)', async () => {
    for (const host of [`evil.example:${web.port}`, 'evil.example', `127.0.0.1:${web.port + 1}`, `127.0.0.1.evil.example:${web.port}`]) {
      const code = new URL(web.host.newLink().url).searchParams.get('code')!;
      const page = await raw(web.port, { path: '/', headers: { Host: host, Cookie: web.cookie } });
      expect(page.status, host).toBe(400);
      const link = await raw(web.port, { path: `/?code=${code}`, headers: { Host: host } });
      expect(link.status, host).toBe(400);
      expect(link.headers['set-cookie']).toBeUndefined();
      const bridge = await raw(web.port, {
        path: '/api/invoke/app.info',
        method: 'POST',
        headers: { Host: host, ...web.sessionHeaders(), Origin: `http://${host}`, 'X-Exopen-Bridge': '1' },
        body: '{}',
      });
      expect(bridge.status, host).toBe(400);
      expect(bridge.body).not.toContain('"ok"');
      const events = await raw(web.port, { path: '/api/events', headers: { Host: host, ...web.sessionHeaders() } });
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
