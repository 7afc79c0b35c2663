/**
 * The sandbox backend's state on disk: `<dataDir>/exopen-sandbox/data-sources.json`, written atomically
 * (temp file 0600, fsync, rename) so a restart finds every committed domain, data source and
 * Idempotency-Key. Secrets are never part of it: a data source keeps only the names of its secret fields and
 * salted sha256 fingerprints; the values live in the secret vault's memory.
 *
 * Caveat for the real backend: a fast hash of a low-entropy password can be brute-forced offline. The sandbox
 * keeps its salt next to the hashes; production should use a keyed HMAC whose key is not stored with the data.
 */
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { ensurePrivateDir, writeFileAtomic } from '../../platform/private-files';
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
  /** Salted sha256 of a JSON value with sorted keys: request hashes, secret and identity fingerprints. */
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

export function openStore(dataDir: string, onError: (error: Error) => void, now: () => number = Date.now): SandboxStore {
  const dir = ensurePrivateDir(path.join(dataDir, 'exopen-sandbox'));
  const file = path.join(dir, 'data-sources.json');
  const loaded = loadStoreFile(file, onError);
  const salt = loaded?.salt ?? randomBytes(16).toString('hex');
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
        salt,
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
    fingerprint: (value) => `sha256:${createHash('sha256').update(salt).update(canonicalJson(value)).digest('hex')}`,
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
