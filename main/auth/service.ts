/**
 * Signing in to Exopen: the session the UI sees (never a token), one browser sign-in at a time, access
 * tokens on demand (refreshed shortly before they expire), sign-out and restoring a session at startup.
 * Tokens are read from the SecretStore at each use rather than cached here, so this process holds them
 * only for the moment they are used.
 */
import * as oidc from 'openid-client';
import type { Session } from '../../preload/contract';
import { createLogger } from '../platform/log';
import { authorize } from './authorize';
import { describeFailure, discover, isTransientFailure, parseIssuer } from './discovery';
import { authErrors, AuthError } from './errors';
import { InvalidTokenResponse, toStoredTokens } from './token-response';
import { accountsFor, clearTokens, LEGACY_ACCOUNTS, loadTokens, sameTokens, saveTokens, type LoadResult, type StoredTokens } from './token-store';
import { DEFAULT_SCOPE, REFRESH_MARGIN_MS, type AuthService, type AuthServiceOptions } from './types';

const SIGNED_OUT: Session = { signedIn: false, pending: false };
const log = createLogger('auth');

export function createAuthService(options: AuthServiceOptions): AuthService {
  const allowInsecure = options.allowInsecureIssuer ?? false;
  const issuerUrl = parseIssuer(options.issuer, allowInsecure);
  const { secrets, audience } = options;
  const now = options.now ?? Date.now;
  // This instance's namespace in the keychain: it never reads, writes or deletes another instance's tokens.
  const accounts = accountsFor(options.issuer, options.instance ?? '');
  const listeners = new Set<(session: Session) => void>();
  let session: Session = SIGNED_OUT;
  let pending: { readonly controller: AbortController; answered: boolean } | undefined;
  let discovered: oidc.Configuration | undefined;
  let refreshing: Promise<string> | undefined;
  // Bumped whenever the stored tokens are replaced or cleared, so a refresh that was already under way
  // cannot write its (older) answer back over a sign-out or a new sign-in.
  let generation = 0;
  // After an explicit sign-out the next sign-in shows the provider's login form even when the browser is
  // still signed in there, so that "sign out, sign in" can switch to another Exopen account.
  let forceLogin = false;

  const setSession = (next: Session): Session => {
    if (JSON.stringify(next) === JSON.stringify(session)) return session;
    session = next;
    for (const listener of listeners) {
      try {
        listener(next);
      } catch (error) {
        log.error('a session listener failed', { error });
      }
    }
    return session;
  };

  const signedIn = (tokens: StoredTokens): Session => ({
    signedIn: true,
    user: { name: tokens.profile.name, email: tokens.profile.email },
    expiresAt: new Date(tokens.expiresAt).toISOString(),
  });

  async function configuration(): Promise<oidc.Configuration> {
    discovered ??= await discover(issuerUrl, options.issuer, options.clientId, allowInsecure, options.httpTimeoutSeconds ?? 30);
    return discovered;
  }

  /**
   * Deletes the stored set and signs out. With `seen` (the set judged stale) it is compare-and-delete: when the
   * keychain holds another set by now (an instance sharing this namespace refreshed or signed in meanwhile),
   * nothing is deleted and that set is answered instead.
   */
  async function forget(reason: string, seen?: LoadResult): Promise<LoadResult | undefined> {
    if (seen) {
      const current = await loadTokens(secrets, accounts);
      if (!sameTokens(seen, current)) {
        log.info('Exopen tokens were replaced meanwhile; kept', { reason });
        return current;
      }
    }
    generation++;
    await clearTokens(secrets, accounts);
    log.info('Exopen tokens cleared', { reason });
    setSession({ signedIn: false, pending: pending !== undefined });
    return undefined;
  }

  async function refresh(tokens: StoredTokens & { refreshToken: string }): Promise<string> {
    const startedAt = generation;
    const config = await configuration();
    let next: StoredTokens;
    try {
      const response = await oidc.refreshTokenGrant(config, tokens.refreshToken, { resource: audience });
      next = toStoredTokens(response, options.issuer, now(), tokens);
    } catch (error) {
      const transient = isTransientFailure(error);
      log.warn('refreshing the Exopen access token failed', { transient, error });
      if (transient) throw authErrors.unreachable(options.issuer, describeFailure(error), error);
      // The provider refused the refresh token (expired, revoked, rotated away) or answered with tokens we
      // cannot use: the stored set is stale and goes, unless another instance sharing it already replaced it
      // (its refresh used up the rotating token this one presented): then its set is the one to use.
      const replaced = await forget(error instanceof InvalidTokenResponse ? 'refresh answer unusable' : 'refresh refused', { kind: 'ok', tokens });
      if (replaced?.kind === 'ok' && replaced.tokens.profile.issuer === options.issuer && replaced.tokens.expiresAt > now()) {
        setSession(signedIn(replaced.tokens));
        return replaced.tokens.accessToken;
      }
      throw authErrors.required(error);
    }
    if (startedAt !== generation) throw authErrors.required();
    generation++;
    await saveTokens(secrets, next, accounts);
    setSession(signedIn(next));
    log.debug('access token refreshed', { expiresAt: new Date(next.expiresAt).toISOString() });
    return next.accessToken;
  }

  /** The stored set if it is usable for this issuer; otherwise clears what is there and says so. */
  async function usableTokens(): Promise<StoredTokens | undefined> {
    let loaded = await loadTokens(secrets, accounts);
    if (loaded.kind === 'none') {
      if (!(await adoptLegacy())) return undefined;
      loaded = await loadTokens(secrets, accounts);
      if (loaded.kind === 'none') return undefined;
    }
    let problem: string | undefined;
    if (loaded.kind === 'broken') problem = 'stored tokens unreadable';
    else if (loaded.tokens.profile.issuer !== options.issuer) problem = 'tokens of another issuer';
    else if (!loaded.tokens.refreshToken && loaded.tokens.expiresAt <= now()) problem = 'expired, no refresh token';
    if (problem !== undefined || loaded.kind !== 'ok') {
      const replaced = await forget(problem ?? 'unusable', loaded);
      return replaced?.kind === 'ok' && replaced.tokens.profile.issuer === options.issuer ? replaced.tokens : undefined;
    }
    return loaded.tokens;
  }

  /**
   * A set an older version kept directly under `exopen/`: this instance takes it over if it is of this issuer
   * (moves it into its namespace). Anyone else's stays where it is: it is not this instance's to delete.
   */
  async function adoptLegacy(): Promise<boolean> {
    const legacy = await loadTokens(secrets, LEGACY_ACCOUNTS);
    if (legacy.kind !== 'ok' || legacy.tokens.profile.issuer !== options.issuer) return false;
    generation++;
    await saveTokens(secrets, legacy.tokens, accounts);
    if (sameTokens(legacy, await loadTokens(secrets, LEGACY_ACCOUNTS))) await clearTokens(secrets, LEGACY_ACCOUNTS);
    log.info('Exopen tokens of an earlier version moved to this instance');
    return true;
  }

  async function signIn(): Promise<Session> {
    if (pending) throw authErrors.busy();
    if (session.signedIn) return session;
    const attempt = { controller: new AbortController(), answered: false };
    const startedAt = generation;
    pending = attempt;
    setSession({ signedIn: false, pending: true });
    try {
      const tokens = await authorize({
        config: await configuration(),
        issuer: options.issuer,
        audience,
        scope: options.scope ?? DEFAULT_SCOPE,
        forceLogin,
        redirectPort: options.redirectPort ?? 0,
        timeoutMs: options.timeoutMs ?? 5 * 60_000,
        openExternal: options.openExternal,
        signal: attempt.controller.signal,
        onCallback: () => (attempt.answered = true),
        keep: async (received) => {
          // A sign-out while the code was being exchanged wins: its tokens are not written back.
          if (generation !== startedAt) throw authErrors.cancelled();
          generation++;
          await clearTokens(secrets, accounts);
          await saveTokens(secrets, received, accounts);
        },
        now,
      });
      pending = undefined;
      forceLogin = false;
      log.info('signed in to Exopen');
      return setSession(signedIn(tokens));
    } catch (error) {
      pending = undefined;
      setSession(SIGNED_OUT);
      const code = error instanceof AuthError ? error.code : 'E_INTERNAL';
      // The user's own choices are not failures; everything else is worth a warning with its cause.
      if (code === 'E_AUTH_CANCELLED' || code === 'E_AUTH_DENIED') log.info('sign-in to Exopen stopped', { code });
      else log.warn('sign-in to Exopen failed', { code, error });
      throw error;
    }
  }

  function cancel(): boolean {
    if (!pending || pending.answered || pending.controller.signal.aborted) return false;
    pending.controller.abort();
    return true;
  }

  async function signOut(): Promise<Session> {
    cancel();
    forceLogin = true;
    const loaded = await loadTokens(secrets, accounts);
    await forget('signed out');
    if (loaded.kind === 'ok' && loaded.tokens.refreshToken) {
      // Best effort: the tokens are already gone from this machine; revoking also ends the grant at the
      // provider. The JWT access token stays valid until it expires (it is not looked up at the provider).
      try {
        await oidc.tokenRevocation(await configuration(), loaded.tokens.refreshToken, { token_type_hint: 'refresh_token' });
      } catch (error) {
        log.warn('the refresh token could not be revoked at the provider (it was deleted here)', { error });
      }
    }
    return session;
  }

  async function accessToken(): Promise<string> {
    const tokens = await usableTokens();
    if (!tokens) {
      setSession({ signedIn: false, pending: pending !== undefined });
      throw authErrors.required();
    }
    const { refreshToken } = tokens;
    // Without a refresh token the current one is used to its end (usableTokens dropped it if already expired).
    if (tokens.expiresAt - now() > REFRESH_MARGIN_MS || !refreshToken) return tokens.accessToken;
    // One refresh at a time: with rotating refresh tokens a second, parallel refresh would present a token
    // the first one just used up, and the provider would then revoke the whole grant.
    refreshing ??= refresh({ ...tokens, refreshToken }).finally(() => (refreshing = undefined));
    return refreshing;
  }

  async function restore(): Promise<Session> {
    if (pending) return session;
    const tokens = await usableTokens();
    return setSession(tokens ? signedIn(tokens) : SIGNED_OUT);
  }

  return {
    status: () => session,
    signIn,
    cancel,
    signOut,
    accessToken,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    restore,
    async clearLocal() {
      generation++;
      await clearTokens(secrets, accounts);
    },
  };
}
