/**
 * The sandbox backend's state on disk: `<dataDir>/exopen-sandbox/data-sources.json`, written atomically
 * (temp file 0600, fsync, rename) so a restart finds every committed domain, data source and
 * Idempotency-Key. Secrets are never part of it: a data source keeps only the names of its secret fields;
 * the values live in the secret vault's memory.
 *
 * Nor is anything that confirms a guessed secret offline. Two things must recognise a secret again: the
 * credential identity (one credential, one data source per domain; for systems without a settings rule it
 * is the secrets themselves) and an Idempotency-Key's request hash (the request carries the secrets). Both
 * are HMAC-SHA256 under a 256-bit key that is never in the file: it lives in the keychain (fingerprint-key.ts)
 * or, where there is none, in this process's memory. The file keeps only the key's id, an HMAC of a fixed
 * label, which says whether its fingerprints were made with the key at hand and nothing about any secret.
 */
import { createHmac } from 'node:crypto';
import path from 'node:path';
import { ensurePrivateDir, writeFileAtomic } from '../../platform/private-files';
import { identityFromSettings } from './identity';
import { loadStoreFile, SCHEMA_VERSION, type StoreFile } from './store-file';
import type { StoredDataSource, StoredDomain, StoredKey, StoredMembership } from './types';

const KEY_RETENTION_MS = 24 * 60 * 60 * 1000;

/** A change to the state plus how to take it back if it cannot be saved. */
export interface Change<T> {
  readonly value: T;
  readonly undo: () => void;
}

export interface SandboxStore {
  readonly file: string;
  readonly dataSources: Map<string, StoredDataSource>;
  /** Domains created through the API (seeded ones live in memory only, see seeds.ts). */
  readonly domains: Map<string, StoredDomain>;
  readonly memberships: StoredMembership[];
  keyEntry(scope: string, key: string): StoredKey | undefined;
  putKey(entry: StoredKey): () => void;
  /** HMAC-SHA256 (the fingerprint key, never on disk) of a JSON value with sorted keys: request hashes, identities. */
  fingerprint(value: unknown): string;
  /** Applies a change and saves; when the save fails the change is undone, so memory never claims what the disk does not hold. */
  commit<T>(apply: () => Change<T>): Promise<T>;
  /** Writes the current state. Calls made while a write is queued share it. */
  save(): Promise<void>;
  /** Settles when no write is in progress or queued. */
  idle(): Promise<void>;
}

/** JSON with object keys sorted, so equal requests hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const keyId = (scope: string, key: string): string => `${scope}\u0000${key}`;

/** The id of a fingerprint key: says which key made a file's fingerprints, and nothing about any secret. */
export const fingerprintKeyId = (key: Uint8Array): string => createHmac('sha256', key).update('exopen-sandbox fingerprint key id').digest('hex').slice(0, 32);

/**
 * A file written under another fingerprint key (the keychain entry was removed, or there is no keychain and
 * the process restarted): its fingerprints cannot be compared any more. Identities that come from settings
 * are made again; those that came from secrets can never match (`lost:`), so a re-added credential becomes a
 * new data source; an Idempotency-Key is answered by the key alone (its request can no longer be compared).
 */
function rekey(loaded: StoreFile, fingerprint: (value: unknown) => string): StoreFile {
  return {
    ...loaded,
    dataSources: loaded.dataSources.map((item) => ({ ...item, identity: identityFromSettings(item, fingerprint) ?? `lost:${item.id}` })),
    idempotencyKeys: loaded.idempotencyKeys.map((item) => ({ ...item, requestHash: '' })),
  };
}

export interface OpenStoreOptions {
  /** The fingerprint key (32 bytes), from the keychain or this process's memory (fingerprint-key.ts); never written to the file. */
  readonly fingerprintKey: Uint8Array;
  readonly now?: () => number;
}

export function openStore(dataDir: string, onError: (error: Error) => void, options: OpenStoreOptions): SandboxStore {
  const now = options.now ?? Date.now;
  const dir = ensurePrivateDir(path.join(dataDir, 'exopen-sandbox'));
  const file = path.join(dir, 'data-sources.json');
  const hmacKey = Buffer.from(options.fingerprintKey);
  const fingerprintKey = fingerprintKeyId(hmacKey);
  const fingerprint = (value: unknown): string => `hmac-sha256:${createHmac('sha256', hmacKey).update(canonicalJson(value)).digest('hex')}`;
  const read = loadStoreFile(file, onError);
  const loaded = read && read.fingerprintKey !== fingerprintKey ? rekey(read, fingerprint) : read;
  if (read && read.fingerprintKey !== fingerprintKey)
    onError(new Error("The sandbox backend's data file was written with another fingerprint key (no keychain, or its entry was removed): credentials connected before are no longer recognised as duplicates."));
  const dataSources = new Map<string, StoredDataSource>(loaded?.dataSources.map((item) => [item.id, item as StoredDataSource]));
  const domains = new Map<string, StoredDomain>(loaded?.domains.map((item) => [item.id, item]));
  const memberships: StoredMembership[] = [...(loaded?.memberships ?? [])];
  const keys = new Map<string, StoredKey>(
    loaded?.idempotencyKeys.filter((item) => now() - Date.parse(item.createdAt) < KEY_RETENTION_MS).map((item) => [keyId(item.scope, item.key), item]),
  );

  let writing: Promise<void> = Promise.resolve();
  let queued: Promise<void> | undefined;
  const snapshot = (): string =>
    JSON.stringify(
      {
        schemaVersion: SCHEMA_VERSION,
        fingerprintKey,
        domains: [...domains.values()],
        memberships,
        dataSources: [...dataSources.values()],
        idempotencyKeys: [...keys.values()],
      } satisfies StoreFile,
      null,
      2,
    );

  const store: SandboxStore = {
    file,
    dataSources,
    domains,
    memberships,
    keyEntry: (scope, key) => keys.get(keyId(scope, key)),
    putKey(entry) {
      keys.set(keyId(entry.scope, entry.key), entry);
      return () => keys.delete(keyId(entry.scope, entry.key));
    },
    fingerprint,
    async commit(apply) {
      const change = apply();
      try {
        await store.save();
      } catch (error) {
        change.undo();
        throw error;
      }
      return change.value;
    },
    save() {
      if (queued) return queued;
      const write = async (): Promise<void> => {
        queued = undefined;
        await writeFileAtomic(file, snapshot());
      };
      // The next write starts after the current one settles either way; its own failure reaches its callers.
      const next = writing.then(write, write);
      queued = next;
      writing = next.then(
        () => undefined,
        () => undefined,
      );
      return next;
    },
    idle: () => writing,
  };
  return store;
}
