/**
 * Who is calling. The sandbox takes an `authenticate` port (the lead wires the sandbox OpenID provider's JWT
 * verifier into it); without one it accepts its fixed development token as the demo admin, which keeps
 * sandbox mode and the older tests working with no sign-in at all.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export interface SandboxUser {
  readonly sub: string;
  readonly email: string;
  readonly name: string;
}

/** Resolves the user a bearer token belongs to, or null when the token is not accepted. */
export type Authenticate = (token: string) => Promise<SandboxUser | null>;

export const DEV_USER: SandboxUser = { sub: 'sandbox-demo-admin', email: 'admin@demo.exopen.test', name: 'Demo Admin' };

/** Compares digests, so neither the length nor the content of the expected token leaks through timing. */
export function fixedTokenAuthenticator(expected: string, user: SandboxUser = DEV_USER): Authenticate {
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  const wanted = digest(expected);
  return async (token) => (timingSafeEqual(digest(token), wanted) ? user : null);
}

/** The bearer token of an Authorization header, or undefined when there is none in the right form. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([!-~]+)$/.exec(header ?? '');
  return match?.[1];
}

/** Emails identify users across the identity provider and the membership seeds; compare them folded. */
export const normalEmail = (email: string): string => email.trim().toLowerCase();
