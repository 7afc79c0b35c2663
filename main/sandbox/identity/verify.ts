/**
 * Access-token verification as a resource server does it (RFC 9068): the signature against the provider's
 * public keys, `typ` at+jwt, issuer, audience and expiry. The sandbox backend calls this for every request.
 */
import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet } from 'jose';
import { createLogger } from '../../platform/log';
import type { TokenSubject } from './types';

const log = createLogger('sandbox.identity');

export function createAccessTokenVerifier(options: {
  readonly issuer: string;
  readonly audience: string;
  readonly publicJwks: JSONWebKeySet;
}): (token: string) => Promise<TokenSubject | null> {
  // The keys are in this process already; a separate backend would fetch the same set from jwks_uri.
  const keys = createLocalJWKSet(options.publicJwks);
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        audience: options.audience,
        typ: 'at+jwt',
        algorithms: ['RS256'],
        requiredClaims: ['sub', 'exp'],
      });
      const { sub, email, name } = payload;
      if (typeof sub !== 'string' || typeof email !== 'string' || typeof name !== 'string') return null;
      return { sub, email, name };
    } catch (error) {
      // A token that fails verification is an answer (null → 401 at the backend), not a failure; anything
      // that is not a JOSE verdict (a bug, a broken key set) is a failure and propagates.
      if (!(error instanceof errors.JOSEError)) throw error;
      log.debug('access token rejected', { reason: error.code });
      return null;
    }
  };
}
