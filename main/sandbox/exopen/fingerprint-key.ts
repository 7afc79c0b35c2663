/**
 * The key of the sandbox backend's fingerprints (store.ts): 256 random bits that are never written to the
 * data file. With a keychain they are kept there (`sandbox/fingerprint-key`), so a sandbox with --persist
 * still recognises a credential, or an Idempotency-Key's request, after a restart, as it did when it kept a
 * salt; without one they live in this process's memory and the recognition lasts as long as the process.
 */
import { randomBytes } from 'node:crypto';
import type { SecretStore } from '../../platform/ports';

/** What the key needs of a secret store: the platform's SecretStore (keychain or session memory) fits. */
export type FingerprintKeyStore = Pick<SecretStore, 'get' | 'set'>;

export const FINGERPRINT_KEY_ACCOUNT = 'sandbox/fingerprint-key';

const KEY_TEXT = /^[0-9a-f]{64}$/;

/** The stored key, or a new one stored for next time; a store that fails gives a key for this process only. */
export async function loadFingerprintKey(store: FingerprintKeyStore | undefined, onError: (error: Error) => void): Promise<Buffer> {
  if (!store) return randomBytes(32);
  try {
    const held = await store.get(FINGERPRINT_KEY_ACCOUNT);
    if (held && KEY_TEXT.test(held)) return Buffer.from(held, 'hex');
    const key = randomBytes(32);
    await store.set(FINGERPRINT_KEY_ACCOUNT, key.toString('hex'));
    return key;
  } catch (error) {
    onError(new Error(`The sandbox backend's fingerprint key could not be kept in the keychain (${error instanceof Error ? error.name : 'unknown error'}); duplicates are recognised until the sandbox stops.`));
    return randomBytes(32);
  }
}
