/**
 * The OS keychain through keytar (libsecret / Secret Service on Linux, Keychain on macOS, Credential Vault
 * on Windows). keytar is a native module that may be missing or fail to load, and its calls can block
 * indefinitely while the keyring waits for an unlock prompt; every call here is therefore bounded.
 */
import type { SecretStore } from './ports';
import { registerSecret } from './redact';

/** The part of keytar we use; also what unit tests fake. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

export type SecretStoreErrorCode = 'E_KEYCHAIN' | 'E_KEYCHAIN_LOCKED' | 'E_KEYCHAIN_TIMEOUT' | 'E_KEYCHAIN_UNAVAILABLE' | 'E_SECRET_VALUE';

/**
 * The texts a keychain gives when it exists but is locked and nobody can unlock it now: libsecret with
 * gnome-keyring, after the unlock prompt failed or was dismissed ("Cannot create an item in a locked
 * collection", seen with keytar 7.9 when the login collection is locked over D-Bus and no prompter can
 * open), libsecret's own unlock failure, and macOS' errSecInteractionNotAllowed for a locked keychain.
 */
const LOCKED_MESSAGES = /\blocked collection\b|\bcould(?:n'?t| not) unlock\b|\bcannot unlock\b|user interaction is not allowed/i;

/** True when `error` (or its cause) says the keychain is locked rather than missing or broken. */
export function isLockedKeychainError(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth++) {
    if (current instanceof SecretStoreError && current.code === 'E_KEYCHAIN_LOCKED') return true;
    if (LOCKED_MESSAGES.test(current.message)) return true;
  }
  return false;
}

export const LOCKED_FIX = 'unlock your keyring (log out and in again, or unlock it in your desktop\'s passwords app) and try again';

/** A keychain call that failed. The message never contains a secret value (keytar's messages do not). */
export class SecretStoreError extends Error {
  constructor(
    readonly code: SecretStoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SecretStoreError';
  }
}

/**
 * Refuses values the keychain would mangle: libsecret stores C strings, so everything after a NUL is
 * silently cut off (seen with keytar 7.9 on gnome-keyring), and keytar rejects an empty value. Both stores
 * apply the same rule so behaviour does not depend on which backend the machine happens to have.
 */
export function assertStorable(value: string): void {
  if (value.length === 0 || value.includes('\u0000'))
    throw new SecretStoreError('E_SECRET_VALUE', 'a secret must be non-empty and must not contain a NUL character');
}

/** Loads the native module; fails with E_KEYCHAIN_UNAVAILABLE when it is not built for this runtime. */
export async function loadKeytar(): Promise<KeytarApi> {
  try {
    const loaded = (await import('keytar')) as KeytarApi & { default?: KeytarApi };
    // keytar is CommonJS: under Node's ESM loader its exports sit on `default`.
    return loaded.default ?? loaded;
  } catch (error) {
    throw new SecretStoreError('E_KEYCHAIN_UNAVAILABLE', 'the keytar native module could not be loaded', { cause: error });
  }
}

/** Rejects with E_KEYCHAIN_TIMEOUT if `work` has not settled after `ms`; the timer never keeps the process alive. */
export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SecretStoreError('E_KEYCHAIN_TIMEOUT', `the keychain did not answer ${what} within ${ms} ms`)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Accounts written by the probe; never listed. */
export const PROBE_ACCOUNT_PREFIX = '__probe__:';

export class KeytarSecretStore implements SecretStore {
  readonly backend = { kind: 'keychain' } as const;

  constructor(
    private readonly keytar: KeytarApi,
    private readonly service: string,
    private readonly timeoutMs = 15_000,
  ) {}

  async get(account: string): Promise<string | undefined> {
    const value = await this.call(`reading ${account}`, () => this.keytar.getPassword(this.service, account));
    if (value === null) return undefined;
    registerSecret(value);
    return value;
  }

  async set(account: string, value: string): Promise<void> {
    assertStorable(value);
    registerSecret(value);
    await this.call(`storing ${account}`, () => this.keytar.setPassword(this.service, account, value));
  }

  async delete(account: string): Promise<boolean> {
    return this.call(`deleting ${account}`, () => this.keytar.deletePassword(this.service, account));
  }

  async list(prefix: string): Promise<ReadonlyArray<string>> {
    const found = await this.call('listing accounts', () => this.keytar.findCredentials(this.service));
    const accounts: string[] = [];
    for (const { account, password } of found) {
      // findCredentials hands us every value too; they are secrets in memory now, so the logs must know them.
      registerSecret(password);
      if (account.startsWith(prefix) && !account.startsWith(PROBE_ACCOUNT_PREFIX)) accounts.push(account);
    }
    return accounts.sort();
  }

  private async call<T>(what: string, work: () => Promise<T>): Promise<T> {
    try {
      return await withTimeout(work(), this.timeoutMs, what);
    } catch (error) {
      if (error instanceof SecretStoreError) throw error;
      // Locked after start (a screen lock, a keyring locked by hand): say so, and what fixes it.
      if (isLockedKeychainError(error)) throw new SecretStoreError('E_KEYCHAIN_LOCKED', `The keyring is locked: ${LOCKED_FIX}.`, { cause: error });
      throw new SecretStoreError('E_KEYCHAIN', `the keychain failed ${what}`, { cause: error });
    }
  }
}
