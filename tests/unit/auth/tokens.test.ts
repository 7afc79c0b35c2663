import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_PREFIX, accountsFor, createAuthService } from '../../../main/auth';
import { configureLogging, type LogSink } from '../../../main/platform/log';
import type { SecretStore } from '../../../main/platform/ports';
import type { MemorySecretStore } from '../../../main/platform/secrets';
import { startIdentityProvider } from '../../../main/sandbox/identity';
import type { Session } from '../../../preload/contract';
import { ADMIN, AUDIENCE, rejectionOf, signInAsAdmin, startHarness, type Harness } from './support';

let harness: Harness | undefined;
let logDir = '';
let sink: LogSink;
/** Every token any test saw, and every Session any service reported: checked for leaks at the end. */
const seenTokens = new Set<string>();
const seenSessions: Session[] = [];

beforeAll(() => {
  logDir = mkdtempSync(join(tmpdir(), 'auth-logs-'));
  sink = configureLogging({ dataDir: logDir, level: 'debug' });
});
afterAll(() => {
  sink.close();
  rmSync(logDir, { recursive: true, force: true });
});
afterEach(async () => {
  if (harness) seenSessions.push(...harness.sessions, harness.service.status());
  harness?.service.cancel();
  await harness?.close();
  harness = undefined;
});

async function stored(store: MemorySecretStore, issuer = harness!.idp.issuer): Promise<{ access: string; refresh: string }> {
  const accounts = accountsFor(issuer);
  const access = (JSON.parse((await store.get(accounts.access)) ?? '{}') as { token: string }).token;
  const refresh = (JSON.parse((await store.get(accounts.refresh)) ?? '{}') as { token: string }).token;
  seenTokens.add(access).add(refresh);
  return { access, refresh };
}

/** The provider's verdict on a refresh token, asked the way the client would (public client, no secret). */
async function refreshStatus(issuer: string, refreshToken: string): Promise<number> {
  const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'exopen-connect', resource: AUDIENCE });
  const response = await fetch(`${issuer}/token`, { method: 'POST', body });
  await response.body?.cancel();
  return response.status;
}

describe('access tokens, refresh, sign-out and restore', () => {
  it('hands out the stored token, and refreshes (rotating the refresh token) within 60 s of expiry', async () => {
    harness = await startHarness();
    const { service, store, idp, clock } = harness;
    const { session } = await signInAsAdmin(harness);
    const first = await stored(store);
    expect(await service.accessToken()).toBe(first.access);

    clock.now += 3600_000 - 30_000;
    const renewed = await service.accessToken();
    const second = await stored(store);
    expect(renewed).not.toBe(first.access);
    expect(second.access).toBe(renewed);
    expect(second.refresh).not.toBe(first.refresh);
    expect(await idp.verifyAccessToken(renewed)).toEqual({ sub: 'demo-admin', email: ADMIN.email, name: 'Demo Admin' });
    const after = service.status();
    expect(after.signedIn && session.signedIn && after.expiresAt > session.expiresAt).toBe(true);

    // Parallel callers share one refresh: a second one would present a rotated-away token and lose the grant.
    clock.now += 3600_000;
    const [a, b] = await Promise.all([service.accessToken(), service.accessToken()]);
    expect(a).toBe(b);
    clock.now += 3600_000;
    const third = await service.accessToken();
    expect(third).not.toBe(a);
    seenTokens.add(a).add(third);
  });

  it('refreshes at once when the provider issues access tokens shorter than the margin', async () => {
    harness = await startHarness({}, { accessTokenTtlSeconds: 30 });
    await signInAsAdmin(harness);
    const first = await stored(harness.store);
    const token = await harness.service.accessToken();
    expect(token).not.toBe(first.access);
    expect(await harness.idp.verifyAccessToken(token)).not.toBeNull();
    seenTokens.add(token);
  });

  it('clears the tokens and asks to sign in again when the refresh token is refused (E_AUTH_REQUIRED)', async () => {
    harness = await startHarness();
    await signInAsAdmin(harness);
    const { refresh } = await stored(harness.store);
    // An administrator revokes the assistant's access at the provider.
    const revoked = await fetch(`${harness.idp.issuer}/token/revocation`, {
      method: 'POST',
      body: new URLSearchParams({ token: refresh, token_type_hint: 'refresh_token', client_id: 'exopen-connect' }),
    });
    expect(revoked.status).toBe(200);

    harness.clock.now += 2 * 3600_000;
    const error = await rejectionOf(harness.service.accessToken());
    expect(error.code).toBe('E_AUTH_REQUIRED');
    expect(await harness.store.list(ACCOUNT_PREFIX)).toEqual([]);
    expect(harness.service.status()).toEqual({ signedIn: false, pending: false });
    expect(harness.sessions.at(-1)).toEqual({ signedIn: false, pending: false });
  });

  it('a refresh refused because another instance sharing the set refreshed first keeps that set (compare-and-delete)', async () => {
    harness = await startHarness();
    const { store, idp, clock } = harness;
    await signInAsAdmin(harness);
    const accounts = accountsFor(idp.issuer);
    const before = new Map<string, string | undefined>();
    for (const account of [accounts.access, accounts.refresh, accounts.profile]) before.set(account, await store.get(account));

    // Instance A refreshes near expiry: the refresh token rotates, the keychain holds the new set.
    clock.now += 3600_000 - 30_000;
    const renewed = await harness.service.accessToken();
    const fresh = await stored(store);

    // Instance B (same data directory and issuer, so the same set) read the keychain just before A wrote:
    // it presents the rotated-away refresh token, and the provider refuses it.
    let staleReads = 3;
    const racing: SecretStore = {
      backend: store.backend,
      get: async (account) => (staleReads-- > 0 ? before.get(account) : store.get(account)),
      set: (account, value) => store.set(account, value),
      delete: (account) => store.delete(account),
      list: (prefix) => store.list(prefix),
    };
    const other = createAuthService({ issuer: idp.issuer, clientId: idp.clientId, audience: AUDIENCE, secrets: racing, allowInsecureIssuer: true, now: () => clock.now, openExternal: async () => undefined });
    expect(await other.accessToken()).toBe(renewed);
    expect(other.status()).toMatchObject({ signedIn: true });
    // A's set is still there: B did not delete what it had not judged.
    expect(await stored(store)).toEqual(fresh);
  });

  it('keeps the tokens when the provider cannot be reached for a refresh (E_AUTH_UNREACHABLE)', async () => {
    harness = await startHarness();
    await signInAsAdmin(harness);
    await stored(harness.store);
    await harness.idp.close();

    harness.clock.now += 2 * 3600_000;
    const error = await rejectionOf(harness.service.accessToken());
    expect(error.code).toBe('E_AUTH_UNREACHABLE');
    expect(error.message).toContain(harness.idp.issuer);
    expect(await harness.store.list(ACCOUNT_PREFIX)).toHaveLength(3);
    expect(harness.service.status().signedIn).toBe(true);
  });

  it('signs out: every account of its namespace is deleted, other secrets and other instances\' tokens stay, the grant is revoked', async () => {
    harness = await startHarness();
    const { service, store, idp } = harness;
    await signInAsAdmin(harness);
    const { refresh } = await stored(store);
    await store.set(`${accountsFor(idp.issuer).prefix}left-by-an-older-version`, 'stale-value-123');
    await store.set('draft/abcdefgh/customerKey', 'customer-secret-1');
    await store.set(accountsFor(idp.issuer, '/another/data-dir').profile, 'another-instance-profile');

    expect(await service.signOut()).toEqual({ signedIn: false, pending: false });
    expect(await store.list(ACCOUNT_PREFIX)).toEqual([accountsFor(idp.issuer, '/another/data-dir').profile]);
    expect(await store.list('draft/')).toEqual(['draft/abcdefgh/customerKey']);
    expect(await refreshStatus(idp.issuer, refresh)).toBe(400);
    expect((await rejectionOf(service.accessToken())).code).toBe('E_AUTH_REQUIRED');

    // The next sign-in asks the provider for its login form, so another account can be chosen.
    const next = rejectionOf(service.signIn());
    expect(new URL(await harness.nextOpened()).searchParams.get('prompt')).toBe('login');
    service.cancel();
    expect((await next).code).toBe('E_AUTH_CANCELLED');
  });

  it('restores a session from the SecretStore at startup, and drops unusable ones', async () => {
    harness = await startHarness();
    const { store, idp } = harness;
    await signInAsAdmin(harness);
    const { access } = await stored(store);
    const startup = () =>
      createAuthService({ issuer: idp.issuer, clientId: idp.clientId, audience: AUDIENCE, secrets: store, allowInsecureIssuer: true, openExternal: async () => undefined });

    const restarted = startup();
    expect(restarted.status()).toEqual({ signedIn: false, pending: false });
    const restored = await restarted.restore();
    expect(restored).toMatchObject({ signedIn: true, user: { name: 'Demo Admin', email: ADMIN.email } });
    expect(await restarted.accessToken()).toBe(access);
    seenSessions.push(restored);

    // Tokens of another issuer (the environment was switched, or another instance) are neither used nor deleted.
    const other = await startIdentityProvider({ audience: AUDIENCE });
    try {
      const elsewhere = createAuthService({ issuer: other.issuer, clientId: other.clientId, audience: AUDIENCE, secrets: store, allowInsecureIssuer: true, openExternal: async () => undefined });
      expect(await elsewhere.restore()).toEqual({ signedIn: false, pending: false });
      expect(await store.list(ACCOUNT_PREFIX)).toHaveLength(3);
      expect(await startup().restore()).toMatchObject({ signedIn: true });
    } finally {
      await other.close();
    }

    // A damaged entry signs out cleanly instead of failing at every call.
    await store.set(accountsFor(idp.issuer).profile, 'not json at all');
    expect(await startup().restore()).toEqual({ signedIn: false, pending: false });
    expect(await store.list(ACCOUNT_PREFIX)).toEqual([]);
  });

  it('never put a token into a Session or a log line', () => {
    const log = readFileSync(join(logDir, 'logs', 'exopen-connect.log'), 'utf8');
    expect(log).toContain('signed in to Exopen');
    expect(log).toContain('access token refreshed');
    const sessions = JSON.stringify(seenSessions);
    expect(seenTokens.size).toBeGreaterThan(8);
    for (const token of seenTokens) {
      expect(token.length).toBeGreaterThan(20);
      expect(log).not.toContain(token);
      expect(sessions).not.toContain(token);
    }
    for (const session of seenSessions) expect(Object.keys(session).sort()).toEqual(session.signedIn ? ['expiresAt', 'signedIn', 'user'] : ['pending', 'signedIn']);
  });
});
