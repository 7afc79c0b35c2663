/**
 * Exopen tokens in the SecretStore, and nowhere else: the service reads them back for every use instead of
 * keeping them in memory. Three accounts instead of one JSON blob because Windows' Credential Manager caps
 * a value at 2,560 bytes and identity providers' JWT access tokens alone can approach that.
 *
 * The keychain is shared by every instance of the assistant the user runs (the desktop app, the web host,
 * a second data directory, a sandbox next to production), so each instance keeps its set under its own
 * namespace, `exopen/<16 hex>/…`, a hash of the issuer and the instance (its data directory), and deletes
 * only that namespace. Before, one set under `exopen/` was shared: an instance with another issuer (every
 * sandbox has its own) found "tokens of another issuer" at start and deleted them, signing the other
 * instance out, and a sign-in in one overwrote the other's. Sets an older version left directly under
 * `exopen/` are taken over only by an instance of their own issuer.
 * The ID token is not stored: its verified claims (who is signed in) are all the assistant needs of it.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { SecretStore } from '../platform/ports';
import { registerSecret } from '../platform/redact';

export const ACCOUNT_PREFIX = 'exopen/';

/** The accounts of one set of tokens. */
export interface TokenAccounts {
  /** Every account of this set starts with it. */
  readonly prefix: string;
  readonly access: string;
  readonly refresh: string;
  readonly profile: string;
}

const accountsUnder = (prefix: string): TokenAccounts => ({
  prefix,
  access: `${prefix}access-token`,
  refresh: `${prefix}refresh-token`,
  profile: `${prefix}profile`,
});

/** Where versions before the namespaces kept the one shared set. */
export const LEGACY_ACCOUNTS = accountsUnder(ACCOUNT_PREFIX);

/** This instance's accounts: a namespace per issuer and instance (the hosts pass the data directory). */
export function accountsFor(issuer: string, instance = ''): TokenAccounts {
  const namespace = createHash('sha256').update(`${issuer}\0${instance}`).digest('hex').slice(0, 16);
  return accountsUnder(`${ACCOUNT_PREFIX}${namespace}/`);
}

const profileSchema = z.object({
  issuer: z.string().min(1),
  sub: z.string().min(1),
  name: z.string(),
  email: z.string(),
});
const accessSchema = z.object({ token: z.string().min(1), expiresAt: z.number().int().positive() });
const refreshSchema = z.object({ token: z.string().min(1) });

export type Profile = z.infer<typeof profileSchema>;

export interface StoredTokens {
  readonly profile: Profile;
  readonly accessToken: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
  readonly refreshToken?: string;
}

function parse<T>(schema: z.ZodType<T>, raw: string | undefined): T | undefined {
  if (raw === undefined) return undefined;
  try {
    const result = schema.safeParse(JSON.parse(raw));
    return result.success ? result.data : undefined;
  } catch (error) {
    // Unparsable JSON is treated like a missing value: the caller then clears the set and asks to sign in.
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/** Writes the refresh token first and the profile last: a set without a profile is incomplete. */
export async function saveTokens(store: SecretStore, tokens: StoredTokens, accounts: TokenAccounts = LEGACY_ACCOUNTS): Promise<void> {
  registerSecret(tokens.accessToken);
  if (tokens.refreshToken) {
    registerSecret(tokens.refreshToken);
    await store.set(accounts.refresh, JSON.stringify({ token: tokens.refreshToken }));
  } else {
    await store.delete(accounts.refresh);
  }
  await store.set(accounts.access, JSON.stringify({ token: tokens.accessToken, expiresAt: tokens.expiresAt }));
  await store.set(accounts.profile, JSON.stringify(tokens.profile));
}

export type LoadResult = { readonly kind: 'none' } | { readonly kind: 'broken' } | { readonly kind: 'ok'; readonly tokens: StoredTokens };

export async function loadTokens(store: SecretStore, accounts: TokenAccounts = LEGACY_ACCOUNTS): Promise<LoadResult> {
  const [profileRaw, accessRaw, refreshRaw] = await Promise.all([
    store.get(accounts.profile),
    store.get(accounts.access),
    store.get(accounts.refresh),
  ]);
  if (profileRaw === undefined && accessRaw === undefined && refreshRaw === undefined) return { kind: 'none' };
  const profile = parse(profileSchema, profileRaw);
  const access = parse(accessSchema, accessRaw);
  const refresh = parse(refreshSchema, refreshRaw);
  if (!profile || !access || (refreshRaw !== undefined && !refresh)) return { kind: 'broken' };
  registerSecret(access.token);
  if (refresh) registerSecret(refresh.token);
  return {
    kind: 'ok',
    tokens: { profile, accessToken: access.token, expiresAt: access.expiresAt, ...(refresh ? { refreshToken: refresh.token } : {}) },
  };
}

/**
 * Deletes one set: its three accounts and anything else under its prefix. For the legacy set that is every
 * account directly under `exopen/` (ones an older version may have left), never another instance's namespace.
 */
export async function clearTokens(store: SecretStore, accounts: TokenAccounts = LEGACY_ACCOUNTS): Promise<void> {
  const ours = (account: string) => account.startsWith(accounts.prefix) && !account.slice(accounts.prefix.length).includes('/');
  const names = new Set<string>([...(await store.list(accounts.prefix)).filter(ours), accounts.access, accounts.refresh, accounts.profile]);
  for (const account of names) await store.delete(account);
}

/** True when both results hold the same tokens: the compare of compare-and-delete. */
export function sameTokens(a: LoadResult, b: LoadResult): boolean {
  if (a.kind !== 'ok' || b.kind !== 'ok') return a.kind === b.kind;
  return a.tokens.accessToken === b.tokens.accessToken && a.tokens.refreshToken === b.tokens.refreshToken;
}
