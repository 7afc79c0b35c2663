import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIdentityProvider, type IdentityProvider } from '../../../main/sandbox/identity';
import { AUDIENCE, authorizeInBrowser, openLogin, TestBrowser } from './support';

let idp: IdentityProvider;
beforeAll(async () => {
  idp = await startIdentityProvider({ audience: AUDIENCE });
});
afterAll(() => idp.close());

/** An authorization request as a native client builds it; `overrides` replace or (with null) drop parameters. */
function authorizationUrl(overrides: Record<string, string | null> = {}): string {
  const verifier = randomBytes(32).toString('base64url');
  const params: Record<string, string | null> = {
    client_id: 'exopen-connect',
    response_type: 'code',
    scope: 'openid profile email',
    redirect_uri: 'http://127.0.0.1:49152/callback',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state: randomBytes(16).toString('base64url'),
    resource: AUDIENCE,
    ...overrides,
  };
  const url = new URL(`${idp.issuer}/auth`);
  for (const [name, value] of Object.entries(params)) if (value !== null) url.searchParams.set(name, value);
  return url.href;
}

describe('sandbox identity provider', () => {
  it('publishes discovery for a PKCE-only provider that names itself in authorization responses', async () => {
    const response = await fetch(`${idp.issuer}/.well-known/openid-configuration`);
    const metadata = (await response.json()) as Record<string, unknown>;
    expect(metadata.issuer).toBe(idp.issuer);
    expect(idp.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
    expect(metadata.authorization_response_iss_parameter_supported).toBe(true);
    expect(metadata.response_types_supported).toEqual(['code']);
    expect(metadata.revocation_endpoint).toBe(`${idp.issuer}/token/revocation`);
    expect(idp.clientId).toBe('exopen-connect');
    expect(idp.users.map((user) => user.email)).toEqual(['admin@demo.exopen.test', 'viewer@demo.exopen.test']);
  });

  it('serves a script-free login page with labelled inputs and a strict CSP', async () => {
    const page = await openLogin(new TestBrowser(), authorizationUrl());
    expect(page.status).toBe(200);
    expect(page.html).not.toMatch(/<script/i);
    expect(page.html).toMatch(/<label for="email">Email<\/label><input id="email"/);
    expect(page.html).toMatch(/<label for="password">Password<\/label><input id="password"/);
    expect(page.html).toContain('<button type="submit">Sign in</button>');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    expect(page.headers.get('cache-control')).toBe('no-store');
  });

  it('accepts the registered loopback redirect on any port (RFC 8252 §7.3), and nothing else', async () => {
    for (const port of ['1024', '49152', '65000']) {
      const page = await openLogin(new TestBrowser(), authorizationUrl({ redirect_uri: `http://127.0.0.1:${port}/callback` }));
      expect(page.html).toContain('Sign in to Exopen');
    }
    for (const redirect of ['http://127.0.0.1:49152/elsewhere', 'http://localhost:49152/callback', 'https://evil.example/callback']) {
      const { page } = await new TestBrowser().follow(authorizationUrl({ redirect_uri: redirect }), 'never');
      expect(page?.status).toBe(400);
      expect(page?.html).toContain('redirect_uri');
      expect(page?.html).not.toMatch(/<script/i);
    }
  });

  it('requires PKCE for the public client', async () => {
    const redirectUri = 'http://127.0.0.1:49152/callback';
    const { stoppedAt } = await new TestBrowser().follow(authorizationUrl({ code_challenge: null, code_challenge_method: null }), redirectUri);
    const answer = new URL(stoppedAt!).searchParams;
    expect(answer.get('error')).toBe('invalid_request');
    expect(answer.get('error_description')).toMatch(/PKCE/);
  });

  it('issues a code only after a correct password, to the viewer as well', async () => {
    const viewer = { email: 'viewer@demo.exopen.test', password: 'demo', name: 'Demo Viewer' };
    const callback = new URL(await authorizeInBrowser(new TestBrowser(), authorizationUrl(), viewer));
    expect(callback.searchParams.get('code')).toMatch(/\S{20,}/);
    expect(callback.searchParams.get('iss')).toBe(idp.issuer);
  });

  it('answers a stale interaction with a plain "expired" page', async () => {
    const page = await new TestBrowser().get(`${idp.issuer}/interaction/doesnotexist123`);
    expect(page.status).toBe(400);
    expect(page.html).toContain('expired');
  });

  it('rejects tampered, foreign and malformed access tokens', async () => {
    expect(await idp.verifyAccessToken('not-a-jwt')).toBeNull();
    const other = await startIdentityProvider({ audience: AUDIENCE });
    try {
      // A well-formed token signed by another provider (other keys, other issuer) is not accepted here.
      const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'at+jwt' })).toString('base64url');
      const payload = Buffer.from(JSON.stringify({ iss: other.issuer, aud: AUDIENCE, sub: 'x', exp: 9_999_999_999 })).toString('base64url');
      expect(await idp.verifyAccessToken(`${header}.${payload}.${'A'.repeat(342)}`)).toBeNull();
    } finally {
      await other.close();
    }
  });
});
