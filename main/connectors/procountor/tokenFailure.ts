/**
 * Why a token exchange was refused. Procountor's token errors are OAuth-style, but the exact bodies for
 * a bad key versus a bad client are not published (UNCERTAIN), so the verdict combines three sources, the
 * most specific first: what the key itself says (its `aud` and `iss` claims, or that it is cut short),
 * the OAuth error code, and recognisable words in the description. Unrecognised refusals fall back to
 * "not accepted", whose fix covers every likely cause.
 */
import type { ApiKeyInfo } from './apiKey';
import { EXOPEN_CLIENT_ID } from './clientId';
import type { ProcountorTokenError } from './errors';

export type TokenFailure =
  /** Exopen's own client ID or secret was refused: nothing the customer can fix. */
  | { readonly kind: 'client' }
  /** The key was made for another API client (integration) than exopenClient. */
  | { readonly kind: 'foreign'; readonly audience?: string }
  /** The key was made on another Procountor server (PTS versus production). */
  | { readonly kind: 'environment'; readonly issuer: string }
  | { readonly kind: 'revoked' }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'throttled' }
  | { readonly kind: 'server' }
  | { readonly kind: 'rejected' };

const REVOKED = /revok|expired|no longer (?:valid|active)|inactive|disabled|deleted|removed/i;
const MALFORMED = /malformed|format|could not be (?:read|parsed|decoded)|decode|parse|invalid token/i;
const FOREIGN = /another (?:client|integration)|different client|not issued (?:to|for)|client mismatch|audience/i;

const hostOf = (url: string): string | undefined => {
  try {
    return new URL(url).host;
  } catch (error) {
    if (error instanceof TypeError) return undefined;
    throw error;
  }
};

export function classifyTokenFailure(error: ProcountorTokenError, key: ApiKeyInfo, expectedHost: string): TokenFailure {
  if (error.httpStatus === 429) return { kind: 'throttled' };
  if (error.httpStatus >= 500) return { kind: 'server' };
  if (error.oauthError === 'invalid_client' || error.oauthError === 'unauthorized_client') return { kind: 'client' };
  if (key.shape === 'truncated') return { kind: 'malformed' };
  if (key.shape === 'jwt') {
    const { aud, iss } = key.claims;
    if (aud !== undefined && aud !== EXOPEN_CLIENT_ID) return { kind: 'foreign', audience: aud };
    const issuer = iss === undefined ? undefined : hostOf(iss);
    if (issuer !== undefined && issuer !== expectedHost) return { kind: 'environment', issuer };
  }
  if (FOREIGN.test(error.description)) return { kind: 'foreign' };
  if (REVOKED.test(error.description)) return { kind: 'revoked' };
  if (MALFORMED.test(error.description)) return { kind: 'malformed' };
  return { kind: 'rejected' };
}
