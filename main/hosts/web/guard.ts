/**
 * Who may talk to the web host: only a tab of a browser on this machine that opened one of the one-time
 * links the assistant printed or opened.
 *
 * - **The link** (`/?code=…`) works once and for LINK_TTL_MS at most. Redeeming it answers the app's page
 *   with a fresh **tab secret** in a `<meta>` tag (read by the page, kept in its sessionStorage, sent as
 *   `Authorization: Bearer …` on every bridge call and on the event stream), and sets a **browser cookie**
 *   `exopen_session_<port>` (HttpOnly, SameSite=Strict; named per port so two assistants do not overwrite
 *   each other). Neither equals the link's code.
 * - **Cookies are not scoped by port**: the browser also sends ours to any other server on 127.0.0.1, so the
 *   cookie alone opens nothing: a bridge call or the event stream needs the cookie *and* a tab secret issued
 *   with it. The tab secret only ever travels in the body of the page that redeemed the link (which no other
 *   origin, i.e. no other port, can read) and in headers this page sends to its own origin.
 * - A reload keeps the tab's sessionStorage, so it keeps working; a new tab has the cookie but no tab secret
 *   and is told to open a new link.
 * - Every request must name our own Host (DNS rebinding); state-changing calls must come from our own
 *   Origin and carry `X-Exopen-Bridge: 1` (a cross-site page cannot send it, nor `Authorization`, without a
 *   preflight we never grant).
 *
 * Codes, cookies and secrets are kept only as SHA-256 digests, looked up by digest (no early-exit string
 * comparison of the secret itself), and live in memory for the life of the process.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** How long a printed or opened link stays valid if nobody opens it. */
export const LINK_TTL_MS = 2 * 60_000;
/** The `<meta name>` that carries the tab secret in the page answered to a link. */
export const SESSION_META = 'exopen-session';

export type GuardVerdict = { ok: true } | { ok: false; status: 400 | 401 | 403; reason: string };

export type Redeemed =
  | { ok: true; secret: string; setCookie?: string }
  | { ok: false; reason: 'used' | 'expired' | 'unknown' };

export interface GuardOptions {
  /** The clock links expire by (tests inject one). */
  readonly now?: () => number;
  readonly linkTtlMs?: number;
}

const digest = (value: string): string => createHash('sha256').update(value).digest('hex');
const fresh = (): string => randomBytes(32).toString('base64url');

export function createGuard(port: () => number, options: GuardOptions = {}) {
  const now = options.now ?? Date.now;
  const ttl = options.linkTtlMs ?? LINK_TTL_MS;
  const allowedHosts = () => [`127.0.0.1:${port()}`, `localhost:${port()}`];
  const cookieName = () => `exopen_session_${port()}`;
  /** digest(code) → when it stops working and who to tell once it is used. */
  const links = new Map<string, { expiresAt: number; onUsed: () => void }>();
  /** Codes used or expired: a replay gets "already used", not "unknown". */
  const spent = new Set<string>();
  /** digest(browser cookie) → digests of the tab secrets issued with it. */
  const sessions = new Map<string, Set<string>>();

  const sessionOf = (req: IncomingMessage): Set<string> | undefined => {
    const cookie = readCookie(req, cookieName());
    return cookie ? sessions.get(digest(cookie)) : undefined;
  };

  const bearer = (req: IncomingMessage): string | undefined => {
    const match = /^Bearer ([A-Za-z0-9_-]{1,128})$/.exec(req.headers.authorization ?? '');
    return match?.[1];
  };

  return {
    cookieName,
    hostOk: (req: IncomingMessage) => allowedHosts().includes(req.headers.host ?? ''),

    /** A new one-time code; `onUsed` runs once when it is redeemed. */
    mintLink(onUsed: () => void = () => undefined): { code: string; expiresAt: number } {
      const code = fresh();
      const expiresAt = now() + ttl;
      links.set(digest(code), { expiresAt, onUsed });
      return { code, expiresAt };
    },

    /** Spends a link's code: a new tab secret, and the browser cookie unless this browser has one already. */
    redeem(code: string, req: IncomingMessage): Redeemed {
      const key = digest(code);
      const link = links.get(key);
      if (!link) return { ok: false, reason: spent.has(key) ? 'used' : 'unknown' };
      links.delete(key);
      spent.add(key);
      if (now() >= link.expiresAt) return { ok: false, reason: 'expired' };
      link.onUsed();
      const secret = fresh();
      const existing = sessionOf(req);
      if (existing) {
        existing.add(digest(secret));
        return { ok: true, secret };
      }
      const cookie = fresh();
      sessions.set(digest(cookie), new Set([digest(secret)]));
      return { ok: true, secret, setCookie: `${cookieName()}=${cookie}; HttpOnly; SameSite=Strict; Path=/` };
    },

    /** Pages and assets: the browser cookie is enough (they hold nothing secret; navigations send no headers). */
    pageOk: (req: IncomingMessage) => sessionOf(req) !== undefined,

    /** Checks a bridge call (POST /api/…) or the event stream. */
    check(req: IncomingMessage, kind: 'call' | 'events'): GuardVerdict {
      if (!allowedHosts().includes(req.headers.host ?? '')) return { ok: false, status: 400, reason: 'unexpected Host header' };
      const session = sessionOf(req);
      if (!session) return { ok: false, status: 401, reason: 'no session: open the link printed by the assistant' };
      const secret = bearer(req);
      if (!secret || !session.has(digest(secret)))
        return { ok: false, status: 401, reason: 'this tab has no session of its own: open a new link from the assistant' };
      if (kind === 'call') {
        const origin = req.headers.origin;
        if (!origin || !allowedHosts().some((host) => origin === `http://${host}`))
          return { ok: false, status: 403, reason: 'cross-origin request refused' };
        if (req.headers['x-exopen-bridge'] !== '1') return { ok: false, status: 403, reason: 'missing bridge header' };
      }
      return { ok: true };
    },

    /** Forgets every link not used yet (at shutdown). */
    revokeLinks(): void {
      for (const key of links.keys()) spent.add(key);
      links.clear();
    },
  };
}

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
