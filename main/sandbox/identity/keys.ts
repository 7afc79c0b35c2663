/**
 * The sandbox provider's signing key: generated in memory at each start and never written anywhere, so a
 * token from an earlier sandbox run cannot verify against a later one.
 */
import { generateKeyPair, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import type { JSONWebKeySet, JWK as PublicJwk } from 'jose';
import type { JWK } from 'oidc-provider';

const generate = promisify(generateKeyPair);

export interface SigningKeys {
  /** Private JWKS for oidc-provider's `jwks` configuration. */
  readonly privateJwks: { keys: JWK[] };
  /** The public half (what the provider's jwks_uri serves), for in-process verification. */
  readonly publicJwks: JSONWebKeySet;
}

/** One RS256 key: RS256 is every OpenID provider's mandatory-to-implement algorithm, so the defaults fit. */
export async function generateSigningKeys(): Promise<SigningKeys> {
  const { privateKey, publicKey } = await generate('rsa', { modulusLength: 2048 });
  const kid = randomBytes(8).toString('hex');
  const meta = { kid, alg: 'RS256', use: 'sig' } as const;
  const privateJwk = { ...(privateKey.export({ format: 'jwk' }) as JWK), ...meta };
  const publicJwk = { ...(publicKey.export({ format: 'jwk' }) as PublicJwk), ...meta };
  return { privateJwks: { keys: [privateJwk] }, publicJwks: { keys: [publicJwk] } };
}
