/**
 * Who may talk to the web host: only a browser on this machine that opened the link with the per-run
 * token. The token is exchanged once for an HttpOnly, SameSite=Strict cookie; every request must name our
 * own Host (DNS-rebinding defence); state-changing calls must come from our own Origin and carry the
 * X-Exopen-Bridge header (a cross-site page cannot send it without a preflight we never grant).
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'exopen_session';

export type GuardVerdict = { ok: true } | { ok: false; status: 400 | 401 | 403; reason: string };

export function createGuard(token: string, port: () => number) {
  const allowedHosts = () => [`127.0.0.1:${port()}`, `localhost:${port()}`];

  const sameToken = (candidate: string | undefined) => {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  return {
    hostOk: (req: IncomingMessage) => allowedHosts().includes(req.headers.host ?? ''),
    tokenOk: sameToken,
    sessionOk: (req: IncomingMessage) => sameToken(readCookie(req, SESSION_COOKIE)),
    /** Checks a bridge call (POST /api/…) or the event stream. */
    check(req: IncomingMessage, kind: 'call' | 'events'): GuardVerdict {
      if (!allowedHosts().includes(req.headers.host ?? '')) return { ok: false, status: 400, reason: 'unexpected Host header' };
      if (!sameToken(readCookie(req, SESSION_COOKIE))) return { ok: false, status: 401, reason: 'no session: open the link printed by the assistant' };
      if (kind === 'call') {
        const origin = req.headers.origin;
        if (!origin || !allowedHosts().some((host) => origin === `http://${host}`))
          return { ok: false, status: 403, reason: 'cross-origin request refused' };
        if (req.headers['x-exopen-bridge'] !== '1') return { ok: false, status: 403, reason: 'missing bridge header' };
      }
      return { ok: true };
    },
    sessionCookie: () => `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
  };
}

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
