import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT_PREFIX, accountsFor } from '../../../main/auth';
import {
  ADMIN,
  AUDIENCE,
  authorizeInBrowser,
  isClosed,
  openLogin,
  rejectionOf,
  signInAsAdmin,
  startHarness,
  submitLogin,
  type Harness,
} from './support';

let harness: Harness | undefined;
afterEach(async () => {
  harness?.service.cancel();
  await harness?.close();
  harness = undefined;
});

describe('sign-in through the system browser and a loopback redirect', () => {
  it('signs in: the session names the user, the tokens are only in the SecretStore', async () => {
    harness = await startHarness();
    const { service, store, idp } = harness;
    expect(service.status()).toEqual({ signedIn: false, pending: false });

    const signingIn = service.signIn();
    const authorizationUrl = new URL(await harness.nextOpened());
    expect(service.status()).toEqual({ signedIn: false, pending: true });

    // RFC 8252 / RFC 7636 on the wire: loopback IP literal with a port, S256 challenge, state, resource.
    const params = authorizationUrl.searchParams;
    expect(authorizationUrl.origin).toBe(idp.issuer);
    expect(params.get('client_id')).toBe('exopen-connect');
    expect(params.get('response_type')).toBe('code');
    expect(params.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.get('state')?.length).toBeGreaterThanOrEqual(32);
    expect(params.get('resource')).toBe(AUDIENCE);
    expect(params.has('code_verifier')).toBe(false);

    const callbackUrl = await authorizeInBrowser(harness.browser, authorizationUrl.href);
    const page = await harness.browser.get(callbackUrl);
    const session = await signingIn;

    expect(session).toMatchObject({ signedIn: true, user: { name: 'Demo Admin', email: ADMIN.email } });
    expect(service.status()).toEqual(session);
    expect(harness.sessions.map((s) => s.signedIn)).toEqual([false, true]);

    expect(page.status).toBe(200);
    expect(page.html).toContain('You can close this tab and return to Exopen Connect');
    expect(page.html).not.toMatch(/<script/i);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");

    const accounts = accountsFor(idp.issuer);
    expect(await store.list(ACCOUNT_PREFIX)).toEqual([accounts.access, accounts.profile, accounts.refresh]);
    expect(accounts.prefix).toMatch(/^exopen\/[0-9a-f]{16}\/$/);
    const access = JSON.parse((await store.get(accounts.access))!) as { token: string };
    const refresh = JSON.parse((await store.get(accounts.refresh))!) as { token: string };
    expect(JSON.stringify(harness.sessions)).not.toContain(access.token);
    expect(JSON.stringify(harness.sessions)).not.toContain(refresh.token);

    expect(await idp.verifyAccessToken(access.token)).toEqual({ sub: 'demo-admin', email: ADMIN.email, name: 'Demo Admin' });
    expect(await service.accessToken()).toBe(access.token);

    // The listener took exactly one callback and is gone.
    expect(await isClosed(Number(params.get('redirect_uri')!.split(':')[2]!.split('/')[0]))).toBe(true);
  });

  it('shows an error on the form for a wrong password and never redirects to the loopback', async () => {
    harness = await startHarness();
    const signingIn = rejectionOf(harness.service.signIn());
    const url = await harness.nextOpened();
    const redirectUri = new URL(url).searchParams.get('redirect_uri')!;
    const login = await openLogin(harness.browser, url);
    expect(login.html).toMatch(/<label for="email">/);
    expect(login.html).toMatch(/<input id="password"[^>]*type="password"/);
    expect(login.html).toMatch(/<button type="submit">Sign in<\/button>/);

    const { callbackUrl, page } = await submitLogin(harness.browser, login, redirectUri, ADMIN.email, 'wrong-password');
    expect(callbackUrl).toBeUndefined();
    expect(page?.status).toBe(200);
    expect(page?.html).toContain('The email or password is not correct');
    expect(page?.html).toContain(`value="${ADMIN.email}"`);
    expect(harness.service.status()).toEqual({ signedIn: false, pending: true });

    expect(harness.service.cancel()).toBe(true);
    expect((await signingIn).code).toBe('E_AUTH_CANCELLED');
    expect(await harness.store.list(ACCOUNT_PREFIX)).toEqual([]);
  });

  it('rejects a callback with another state and does not exchange its code (E_AUTH_STATE)', async () => {
    harness = await startHarness();
    const signingIn = rejectionOf(harness.service.signIn());
    const callbackUrl = new URL(await authorizeInBrowser(harness.browser, await harness.nextOpened()));
    callbackUrl.searchParams.set('state', 'forged-state-value-from-somewhere-else');
    const page = await harness.browser.get(callbackUrl.href);

    const error = await signingIn;
    expect(error.code).toBe('E_AUTH_STATE');
    expect(error.message).toMatch(/did not belong to this sign-in attempt/);
    expect(page.status).toBe(400);
    expect(page.html).toContain('You can close this tab and return to Exopen Connect');
    expect(await harness.store.list(ACCOUNT_PREFIX)).toEqual([]);
    expect(harness.service.status()).toEqual({ signedIn: false, pending: false });
  });

  it('rejects a replayed authorization code (E_AUTH_EXCHANGE)', async () => {
    harness = await startHarness();
    const first = await signInAsAdmin(harness);
    const usedCode = new URL(first.callbackUrl).searchParams;
    await harness.service.signOut();

    const signingIn = rejectionOf(harness.service.signIn());
    const fresh = new URL(await authorizeInBrowser(harness.browser, await harness.nextOpened()));
    // The second attempt's own state (so the state check passes) with the first attempt's, already used, code.
    fresh.searchParams.set('code', usedCode.get('code')!);
    const page = await harness.browser.get(fresh.href);

    const error = await signingIn;
    expect(error.code).toBe('E_AUTH_EXCHANGE');
    expect(error.message).toMatch(/Start signing in again/);
    expect(page.status).toBe(400);
    expect(await harness.store.list(ACCOUNT_PREFIX)).toEqual([]);
  });

  it('reports a sign-in the user cancelled at the provider (E_AUTH_DENIED)', async () => {
    harness = await startHarness();
    const signingIn = rejectionOf(harness.service.signIn());
    const url = await harness.nextOpened();
    const redirectUri = new URL(url).searchParams.get('redirect_uri')!;
    const login = await openLogin(harness.browser, url);
    const abort = /href="([^"]*\/abort)"/.exec(login.html)?.[1];
    expect(abort).toBeDefined();
    const { stoppedAt } = await harness.browser.follow(new URL(abort!, login.url).href, redirectUri);
    expect(new URL(stoppedAt!).searchParams.get('error')).toBe('access_denied');
    const page = await harness.browser.get(stoppedAt!);

    expect((await signingIn).code).toBe('E_AUTH_DENIED');
    expect(page.html).toContain('cancelled or refused');
  });

  it('allows one sign-in at a time (E_AUTH_BUSY) and cancels the waiting one (E_AUTH_CANCELLED)', async () => {
    harness = await startHarness();
    const signingIn = rejectionOf(harness.service.signIn());
    const url = new URL(await harness.nextOpened());
    const port = Number(new URL(url.searchParams.get('redirect_uri')!).port);

    expect((await rejectionOf(harness.service.signIn())).code).toBe('E_AUTH_BUSY');
    expect(harness.service.cancel()).toBe(true);
    expect((await signingIn).code).toBe('E_AUTH_CANCELLED');
    expect(harness.service.cancel()).toBe(false);
    expect(harness.service.status()).toEqual({ signedIn: false, pending: false });
    expect(await isClosed(port)).toBe(true);
  });
});
