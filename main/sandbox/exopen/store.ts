/**
 * The sandbox backend's state on disk: `<dataDir>/exopen-sandbox/data-sources.json`, written atomically
 * (temp file 0600, fsync, rename) so a restart finds every committed data source and Idempotency-Key.
 * Secrets are never part of it: a data source keeps only the names of its secret fields and a salted
 * sha256 fingerprint; the values live in the run scheduler's memory.
 *
 * Caveat for the real backend: a fast hash of a low-entropy password can be brute-forced offline. The sandbox
 * keeps its salt next to the hashes; production should use a keyed HMAC whose key is not stored with the data.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { companySchema, initialRunSchema, systemIds } from '../../exopen/schemas';
import { ensurePrivateDir, quarantineFile, writeFileAtomic } from '../../platform/private-files';
import type { StoredDataSource, StoredKey } from './types';

const KEY_RETENTION_MS = 24 * 60 * 60 * 1000;

const fileSchema = z.object({
  schemaVersion: z.literal(1),
  salt: z.string().regex(/^[0-9a-f]{32}$/),
  dataSources: z.array(
    z.object({
      id: z.string(),
      system: z.enum(systemIds),
      displayName: z.string(),
      settings: z.record(z.string(), z.string()),
      secretFields: z.array(z.string()),
      secretsFingerprint: z.string(),
      companies: z.array(companySchema),
      createdAt: z.string(),
      initialRun: initialRunSchema,
    }),
  ),
  idempotencyKeys: z.array(z.object({ key: z.string(), requestHash: z.string(), dataSourceId: z.string(), createdAt: z.string() })),
});

export interface SandboxStore {
  readonly file: string;
  all(): ReadonlyArray<StoredDataSource>;
  get(id: string): StoredDataSource | undefined;
  keyEntry(key: string): StoredKey | undefined;
  insert(dataSource: StoredDataSource, key: StoredKey): void;
  /** Undoes an insert whose save failed, so memory never claims what the disk does not hold. */
  remove(id: string, key: string): void;
  /** Salted sha256 of a JSON value with sorted keys: request hashes and secret fingerprints. */
  fingerprint(value: unknown): string;
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

type StoreFile = z.infer<typeof fileSchema>;

function load(file: string, onError: (error: Error) => void): StoreFile | undefined {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  let parsed: ReturnType<typeof fileSchema.safeParse> | undefined;
  try {
    parsed = fileSchema.safeParse(JSON.parse(text));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
  }
  if (parsed?.success) return parsed.data;
  // Keep the damaged file for inspection and start empty; a sandbox that refuses to start helps nobody.
  const kept = quarantineFile(file);
  onError(new Error(`The sandbox backend's data file was damaged (not JSON, or not its schema); it was moved to ${kept}.`));
  return undefined;
}

export function openStore(dataDir: string, onError: (error: Error) => void, now: () => number = Date.now): SandboxStore {
  const dir = ensurePrivateDir(path.join(dataDir, 'exopen-sandbox'));
  const file = path.join(dir, 'data-sources.json');
  const loaded = load(file, onError);
  const salt = loaded?.salt ?? randomBytes(16).toString('hex');
  const dataSources = new Map<string, StoredDataSource>(loaded?.dataSources.map((item) => [item.id, item as StoredDataSource]));
  const keys = new Map<string, StoredKey>(
    loaded?.idempotencyKeys.filter((item) => now() - Date.parse(item.createdAt) < KEY_RETENTION_MS).map((item) => [item.key, item]),
  );

  let writing: Promise<void> = Promise.resolve();
  let queued: Promise<void> | undefined;
  const snapshot = (): string =>
    JSON.stringify({ schemaVersion: 1, salt, dataSources: [...dataSources.values()], idempotencyKeys: [...keys.values()] } satisfies StoreFile, null, 2);

  return {
    file,
    all: () => [...dataSources.values()],
    get: (id) => dataSources.get(id),
    keyEntry: (key) => keys.get(key),
    insert(dataSource, key) {
      dataSources.set(dataSource.id, dataSource);
      keys.set(key.key, key);
    },
    remove(id, key) {
      dataSources.delete(id);
      keys.delete(key);
    },
    fingerprint: (value) => `sha256:${createHash('sha256').update(salt).update(canonicalJson(value)).digest('hex')}`,
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
}
