/**
 * The sandbox backend's data file: its schema and how it is read. A file that is not JSON, not this schema
 * or from an older sandbox version is set aside (never deleted) and the sandbox starts empty: a sandbox that
 * refuses to start helps nobody, and a sandbox's data is demo data.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { companySchema, initialRunSchema, systemIds } from '../../exopen/schemas';
import { quarantineFile } from '../../platform/private-files';

/** 3: no salt and no secrets fingerprint; fingerprints are HMACs under a key kept off disk (store.ts). */
export const SCHEMA_VERSION = 3;

const syncSchema = initialRunSchema.extend({ id: z.string(), kind: z.enum(['initial', 'scheduled']) });
const role = z.enum(['admin', 'member']);
const outcome = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('data-source'), id: z.string() }),
  z.object({ kind: z.literal('deleted'), id: z.string() }),
  z.object({ kind: z.literal('domain'), id: z.string() }),
]);

export const fileSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** The id of the key the fingerprints were made with (store.ts fingerprintKeyId); never the key. */
  fingerprintKey: z.string().regex(/^[0-9a-f]{32}$/),
  domains: z.array(z.object({ id: z.string(), name: z.string(), createdAt: z.string() })),
  memberships: z.array(z.object({ email: z.string(), domainId: z.string(), role })),
  dataSources: z.array(
    z.object({
      id: z.string(),
      domainId: z.string(),
      system: z.enum(systemIds),
      displayName: z.string(),
      credentialLabel: z.string(),
      settings: z.record(z.string(), z.string()),
      secretFields: z.array(z.string()),
      identity: z.string(),
      companies: z.array(companySchema),
      createdAt: z.string(),
      // A data source always has its initial run; the API's `initialRun` is the latest one.
      syncs: z.array(syncSchema).refine((list) => list.some((sync) => sync.kind === 'initial')),
    }),
  ),
  idempotencyKeys: z.array(z.object({ scope: z.string(), key: z.string(), requestHash: z.string(), outcome, createdAt: z.string() })),
});

export type StoreFile = z.infer<typeof fileSchema>;

export function loadStoreFile(file: string, onError: (error: Error) => void): StoreFile | undefined {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
  }
  const parsed = fileSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const version = (json as { schemaVersion?: unknown } | undefined)?.schemaVersion;
  const older = typeof version === 'number' && version < SCHEMA_VERSION;
  const kept = quarantineFile(file);
  const why = older ? `from an older sandbox version (schema ${version})` : 'damaged (not JSON, or not its schema)';
  onError(new Error(`The sandbox backend's data file was ${why}; it was moved to ${kept}.`));
  return undefined;
}
