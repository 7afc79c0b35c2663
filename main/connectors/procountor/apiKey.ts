/**
 * What can be read from an API key without sending it anywhere. Keys seen in public configuration are
 * HS256 JWTs whose payload names the user (`sub`), the API client (`aud`), the issuing server (`iss`),
 * the company (`cid`), the issue time (`iat`) and a key id (`jti`). UNCERTAIN that every production key
 * has this shape, so nothing here rejects a key: it only sharpens the explanation when Procountor does.
 * The signature is not (and cannot be) verified here; only Procountor's answer decides.
 */

export interface ApiKeyClaims {
  readonly sub?: string;
  readonly aud?: string;
  readonly iss?: string;
  readonly cid?: number;
  readonly iat?: number;
}

export type ApiKeyInfo =
  | { readonly shape: 'jwt'; readonly claims: ApiKeyClaims }
  /** Starts like a JWT but is cut short or garbled: the usual result of copying part of the key. */
  | { readonly shape: 'truncated' }
  /** Not JWT-shaped; nothing to read, Procountor's answer alone decides. */
  | { readonly shape: 'opaque' };

function decodeSegment(segment: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(segment)) return undefined;
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined; // garbled JSON: the caller reports a truncated key
    throw error;
  }
}

const stringClaim = (payload: Record<string, unknown>, name: string): string | undefined => {
  const value = payload[name];
  if (typeof value === 'string') return value;
  // `aud` may be a one-element array in JWTs.
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  if (typeof value === 'number') return String(value);
  return undefined;
};

export function inspectApiKey(raw: string): ApiKeyInfo {
  const key = raw.trim();
  // '{"' base64url-encoded is 'eyJ': the key claims to be a JWT.
  if (!key.startsWith('eyJ')) return { shape: 'opaque' };
  const parts = key.split('.');
  if (parts.length !== 3 || parts.some((part) => part === '')) return { shape: 'truncated' };
  const header = decodeSegment(parts[0]!);
  const payload = decodeSegment(parts[1]!);
  if (typeof header !== 'object' || header === null || typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { shape: 'truncated' };
  }
  const claims = payload as Record<string, unknown>;
  const cid = Number(claims['cid']);
  const iat = Number(claims['iat']);
  const sub = stringClaim(claims, 'sub');
  const aud = stringClaim(claims, 'aud');
  const iss = stringClaim(claims, 'iss');
  return {
    shape: 'jwt',
    claims: {
      ...(sub === undefined ? {} : { sub }),
      ...(aud === undefined ? {} : { aud }),
      ...(iss === undefined ? {} : { iss }),
      ...(Number.isInteger(cid) && claims['cid'] !== undefined ? { cid } : {}),
      ...(Number.isFinite(iat) && claims['iat'] !== undefined ? { iat } : {}),
    },
  };
}
