/**
 * From a token endpoint answer (already validated by openid-client: JSON shape, ID token signature, issuer,
 * audience, expiry) to what the assistant keeps. Every token is registered for log redaction the moment it
 * is seen, before anything could log it.
 */
import type * as oidc from 'openid-client';
import { registerSecret } from '../platform/redact';
import type { Profile, StoredTokens } from './token-store';

/**
 * Used when the provider does not say how long an access token lives. Short on purpose: a wrong guess then
 * costs one extra refresh instead of calls failing with an expired token. UNCERTAIN: the real provider is
 * expected to send expires_in.
 */
export const DEFAULT_ACCESS_TTL_SECONDS = 300;

export class InvalidTokenResponse extends Error {
  constructor(reason: string) {
    super(`the token response cannot be used: ${reason}`);
    this.name = 'InvalidTokenResponse';
  }
}

type TokenResponse = oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;

function profileFrom(claims: oidc.IDToken, issuer: string): Profile {
  const email = typeof claims.email === 'string' ? claims.email : '';
  const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name : email || claims.sub;
  return { issuer, sub: claims.sub, name, email };
}

/**
 * `previous` is the stored set when refreshing: a refresh answer may omit the ID token (then the profile
 * stays) and the refresh token (then the provider does not rotate it and the old one stays valid).
 */
export function toStoredTokens(response: TokenResponse, issuer: string, now: number, previous?: StoredTokens): StoredTokens {
  registerSecret(response.access_token);
  if (response.refresh_token) registerSecret(response.refresh_token);
  if (response.id_token) registerSecret(response.id_token);
  // A DPoP-bound token would need a proof with every backend call, which the assistant does not make.
  if (response.token_type.toLowerCase() !== 'bearer') throw new InvalidTokenResponse(`token type ${response.token_type} is not supported`);
  const claims = response.claims();
  if (claims && previous && claims.sub !== previous.profile.sub) throw new InvalidTokenResponse('the refreshed tokens belong to another user');
  const profile = claims ? profileFrom(claims, issuer) : previous?.profile;
  if (!profile) throw new InvalidTokenResponse('no ID token, so the signed-in user is unknown');
  const lifetime = response.expiresIn() ?? DEFAULT_ACCESS_TTL_SECONDS;
  const refreshToken = response.refresh_token ?? previous?.refreshToken;
  return {
    profile,
    accessToken: response.access_token,
    expiresAt: now + lifetime * 1000,
    ...(refreshToken ? { refreshToken } : {}),
  };
}
