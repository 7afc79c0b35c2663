/**
 * Exopen tokens in the SecretStore, and nowhere else: the service reads them back for every use instead of
 * keeping them in memory. Three accounts instead of one JSON blob because Windows' Credential Manager caps
 * a value at 2,560 bytes and identity providers' JWT access tokens alone can approach that.
 * The whole `exopen/` namespace belongs to this module: signing out deletes every account under it.
 * The ID token is not stored: its verified claims (who is signed in) are all the assistant needs of it.
 */
import { z } from 'zod';
import type { SecretStore } from '../platform/ports';
import { registerSecret } from '../platform/redact';

export const ACCOUNT_PREFIX = 'exopen/';
export const ACCOUNTS = {
  access: `${ACCOUNT_PREFIX}access-token`,
  refresh: `${ACCOUNT_PREFIX}refresh-token`,
  profile: `${ACCOUNT_PREFIX}profile`,
} as const;

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
export async function saveTokens(store: SecretStore, tokens: StoredTokens): Promise<void> {
  registerSecret(tokens.accessToken);
  if (tokens.refreshToken) {
    registerSecret(tokens.refreshToken);
    await store.set(ACCOUNTS.refresh, JSON.stringify({ token: tokens.refreshToken }));
  } else {
    await store.delete(ACCOUNTS.refresh);
  }
  await store.set(ACCOUNTS.access, JSON.stringify({ token: tokens.accessToken, expiresAt: tokens.expiresAt }));
  await store.set(ACCOUNTS.profile, JSON.stringify(tokens.profile));
}

export type LoadResult = { readonly kind: 'none' } | { readonly kind: 'broken' } | { readonly kind: 'ok'; readonly tokens: StoredTokens };

export async function loadTokens(store: SecretStore): Promise<LoadResult> {
  const [profileRaw, accessRaw, refreshRaw] = await Promise.all([
    store.get(ACCOUNTS.profile),
    store.get(ACCOUNTS.access),
    store.get(ACCOUNTS.refresh),
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

/** Deletes every account under `exopen/`, including ones an older version may have left. */
export async function clearTokens(store: SecretStore): Promise<void> {
  const accounts = new Set<string>([...(await store.list(ACCOUNT_PREFIX)), ...Object.values(ACCOUNTS)]);
  for (const account of accounts) await store.delete(account);
}
