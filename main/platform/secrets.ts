/**
 * Opens the SecretStore: the OS keychain when it works end to end, otherwise session memory (fail closed).
 * "Works" is tested, not assumed: the probe stores, reads back and deletes a random value, because on
 * Linux keytar loads fine and then fails at the first call when there is no D-Bus session, no Secret
 * Service daemon or a locked collection. There is no third option that writes secrets to disk.
 */
import { randomBytes } from 'node:crypto';
import type { SecretStore } from './ports';
import { registerSecret } from './redact';
import { createLogger } from './log';
import {
  assertStorable,
  isLockedKeychainError,
  KeytarSecretStore,
  loadKeytar,
  PROBE_ACCOUNT_PREFIX,
  SecretStoreError,
  withTimeout,
  type KeytarApi,
} from './keytar';

export { KeytarSecretStore, SecretStoreError, type KeytarApi } from './keytar';

export const SERVICE_NAME = 'exopen-connect';

export const REASON_NO_KEYCHAIN =
  'No system keychain (Secret Service) is available: secrets are kept only until the assistant closes.';
export const REASON_KEYCHAIN_NOT_ANSWERING =
  'The system keychain did not answer (it may be locked or waiting for a password): secrets are kept only until the assistant closes.';
export const REASON_KEYCHAIN_LOCKED =
  'The system keyring is locked: unlock it (log out and in again, or unlock it in your desktop\'s passwords app) and restart the assistant. Until then secrets are kept only until the assistant closes.';
export const REASON_NO_KEYCHAIN_MODULE =
  'The keychain support of this installation could not be loaded: secrets are kept only until the assistant closes.';

/** Session-only secrets: a Map in this process, gone when it exits. */
export class MemorySecretStore implements SecretStore {
  readonly backend: { readonly kind: 'memory'; readonly reason: string; readonly locked?: true };
  private readonly values = new Map<string, string>();

  constructor(reason: string, options: { readonly locked?: boolean } = {}) {
    this.backend = options.locked ? { kind: 'memory', reason, locked: true } : { kind: 'memory', reason };
  }

  async get(account: string): Promise<string | undefined> {
    return this.values.get(account);
  }

  async set(account: string, value: string): Promise<void> {
    assertStorable(value);
    registerSecret(value);
    this.values.set(account, value);
  }

  async delete(account: string): Promise<boolean> {
    return this.values.delete(account);
  }

  async list(prefix: string): Promise<ReadonlyArray<string>> {
    return [...this.values.keys()].filter((account) => account.startsWith(prefix)).sort();
  }
}

export interface OpenSecretStoreOptions {
  readonly service: string;
  /** Round-trip a probe value before trusting the keychain (default true). */
  readonly probe?: boolean;
  /** Upper bound for the whole probe (default 5 s): an unlock prompt nobody answers must not hang startup. */
  readonly probeTimeoutMs?: number;
  /** Upper bound for each later keychain call (default 15 s). */
  readonly callTimeoutMs?: number;
  /** Replaces the native module (tests). */
  readonly loadKeytar?: () => Promise<KeytarApi>;
}

const log = createLogger('secrets');

export async function openSecretStore(options: OpenSecretStoreOptions): Promise<SecretStore> {
  let keytar: KeytarApi;
  try {
    keytar = await (options.loadKeytar ?? loadKeytar)();
  } catch (error) {
    log.warn('keychain module unavailable; using session memory', { error });
    return new MemorySecretStore(REASON_NO_KEYCHAIN_MODULE);
  }
  if (options.probe !== false) {
    try {
      await withTimeout(probe(keytar, options.service), options.probeTimeoutMs ?? 5_000, 'the probe');
    } catch (error) {
      const timedOut = error instanceof SecretStoreError && error.code === 'E_KEYCHAIN_TIMEOUT';
      if (isLockedKeychainError(error)) {
        log.warn('keychain is locked; using session memory', { code: 'E_KEYCHAIN_LOCKED', error });
        return new MemorySecretStore(REASON_KEYCHAIN_LOCKED, { locked: true });
      }
      log.warn('keychain probe failed; using session memory', { error });
      return new MemorySecretStore(timedOut ? REASON_KEYCHAIN_NOT_ANSWERING : REASON_NO_KEYCHAIN);
    }
  }
  return new KeytarSecretStore(keytar, options.service, options.callTimeoutMs);
}

/** set → get → delete of a random value under a throwaway account; throws unless all three agree. */
async function probe(keytar: KeytarApi, service: string): Promise<void> {
  const account = `${PROBE_ACCOUNT_PREFIX}${randomBytes(6).toString('hex')}`;
  const value = randomBytes(18).toString('base64url');
  registerSecret(value);
  await keytar.setPassword(service, account, value);
  const readBack = await keytar.getPassword(service, account);
  const deleted = await keytar.deletePassword(service, account);
  if (readBack !== value) throw new SecretStoreError('E_KEYCHAIN', 'the keychain did not return the probe value it stored');
  if (!deleted) throw new SecretStoreError('E_KEYCHAIN', 'the keychain could not delete the probe value');
}
