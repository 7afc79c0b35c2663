/**
 * API keys as the simulator issues them: HS256 JWTs with the claims seen in a public configuration —
 * `sub` (user id), `aud` (client id), `iss` (server base URL), `iat`, `jti`, `cid` (company id).
 * UNCERTAIN that production keys look the same; the connector treats the shape only as a hint.
 * Written independently of the connector's key inspection on purpose.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface KeyClaims {
  readonly sub: string;
  readonly aud: string;
  readonly iss: string;
  readonly iat: number;
  readonly jti: string;
  readonly cid: number;
}

const b64 = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

export function signKey(claims: KeyClaims, secret: Buffer): string {
  const head = `${b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64(JSON.stringify(claims))}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

export type KeyVerdict = { readonly ok: true; readonly claims: KeyClaims } | { readonly ok: false; readonly problem: 'malformed' | 'signature' };

const isClaims = (value: unknown): value is KeyClaims => {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return typeof c['sub'] === 'string' && typeof c['aud'] === 'string' && typeof c['iss'] === 'string' && typeof c['jti'] === 'string' && typeof c['cid'] === 'number' && typeof c['iat'] === 'number';
};

export function verifyKey(key: string, secret: Buffer): KeyVerdict {
  const parts = key.split('.');
  if (parts.length !== 3 || !parts.every((part) => /^[A-Za-z0-9_-]+$/.test(part))) return { ok: false, problem: 'malformed' };
  const [header, payload, signature] = parts as [string, string, string];
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) return { ok: false, problem: 'malformed' };
    throw error;
  }
  if (!isClaims(claims)) return { ok: false, problem: 'malformed' };
  const expected = Buffer.from(createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url'));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, problem: 'signature' };
  return { ok: true, claims };
}
