/**
 * Which issuers the assistant will talk to, and OpenID discovery against them. Plain http is accepted only
 * for a loopback sandbox issuer and only when the caller asked for it: a production issuer over http would
 * let anyone on the network read tokens.
 */
import * as oidc from 'openid-client';
import { toNetworkError } from '../platform/http';
import { authErrors } from './errors';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

export function parseIssuer(issuer: string, allowInsecureIssuer: boolean): URL {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw authErrors.config(`the issuer "${issuer.slice(0, 200)}" is not a URL`);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && allowInsecureIssuer && LOOPBACK_HOSTS.has(url.hostname)) return url;
  if (url.protocol === 'http:' && allowInsecureIssuer) throw authErrors.config(`plain http is allowed only for a sandbox issuer on 127.0.0.1, not ${url.host}`);
  throw authErrors.config(`the issuer ${url.origin} must use https`);
}

/**
 * A short reason for "could not reach", safe to show: no URL query, no headers. fetch (undici) reports
 * connection failures as TypeError('fetch failed') with the system error as its cause; timeouts arrive as
 * DOMException TimeoutError/AbortError; an answer that is not a usable discovery document says so.
 */
export function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'no answer before the timeout';
    if (error instanceof TypeError && error.message === 'fetch failed') return toNetworkError(error.cause).detail;
    if (error instanceof oidc.ClientError) return `unexpected answer: ${error.message}`;
  }
  return 'the request failed';
}

/** True when the failure is the network or the server, not a verdict on our request or tokens. */
export function isTransientFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return true;
  if (error instanceof TypeError && error.message === 'fetch failed') return true;
  if (error instanceof oidc.ResponseBodyError) return error.status >= 500;
  // A non-OAuth error answer (an HTML 502 from a proxy): openid-client keeps the Response as the cause.
  if (error instanceof oidc.ClientError && error.cause instanceof Response) return error.cause.status >= 500;
  return false;
}

export async function discover(issuer: URL, label: string, clientId: string, allowInsecure: boolean, timeoutSeconds: number): Promise<oidc.Configuration> {
  try {
    return await oidc.discovery(issuer, clientId, { token_endpoint_auth_method: 'none' }, oidc.None(), {
      execute: allowInsecure ? [oidc.allowInsecureRequests] : [],
      timeout: timeoutSeconds,
    });
  } catch (error) {
    // The issuer as configured (URL.href would add a trailing slash the user never typed).
    throw authErrors.unreachable(label, describeFailure(error), error);
  }
}
