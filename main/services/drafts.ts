/**
 * The setup in progress (one at a time), kept in `<dataDir>/drafts/current.json` so it survives a crash or
 * a restart. Only non-secret values are stored: secret fields go to the SecretStore, and this store drops
 * them again before writing in case one slips through (the renderer should never send them here).
 */
import { randomUUID } from 'node:crypto';
import { readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { contract, type Draft, type WizardStep } from '../../preload/contract';
import type { SystemId } from '../connectors/types';
import { createLogger } from '../platform/log';
import { ensurePrivateDir, quarantineFile, TEMP_MARKER, writeFileAtomic } from '../platform/private-files';
import { isRegisteredSecret } from '../platform/redact';
import { AppError } from '../platform/errors';

export interface DraftPatch {
  readonly id: string;
  readonly step: WizardStep;
  readonly fields: Readonly<Record<string, string>>;
  readonly selectedCompanies: ReadonlyArray<string>;
  /** Once the handoff has created a data source; an absent value keeps the one already recorded. */
  readonly dataSourceId?: string;
  /** The chosen Exopen domain; an absent value keeps the one already recorded. */
  readonly domainId?: string;
}

export interface DraftStore {
  current(): Promise<Draft | null>;
  /** A new setup; `recreate` starts one that replaces the credential of an existing data source. */
  start(system: SystemId, recreate?: { readonly recreateOf: string; readonly domainId: string; readonly fields: Readonly<Record<string, string>>; readonly selectedCompanies: ReadonlyArray<string> }): Promise<Draft>;
  save(patch: DraftPatch): Promise<Draft>;
  /** Removes the draft if it is the current one; false if it was not. */
  discard(id: string): Promise<boolean>;
  /** Set when a damaged draft file was quarantined; the UI says the setup could not be restored. */
  readonly notice: DraftCorruptError | undefined;
}

export interface DraftStoreOptions {
  readonly dataDir: string;
  /** Field ids whose values must never be written to disk. */
  readonly secretFieldsOf: (system: SystemId) => ReadonlySet<string>;
  readonly now?: () => Date;
  /**
   * Removes the secrets a quarantined draft left in the SecretStore (`draft/<id>/…`) and answers how many
   * went. Without it nothing would ever remove them: the draft that named them is gone.
   */
  readonly forgetSecrets?: (draftId: string) => Promise<number>;
}

/**
 * What became of a quarantined draft's secrets: `removed` from the keychain, `none` were stored, `unknown`
 * (the file no longer says which setup it was), or `failed` (the keychain refused; the notice names them).
 */
export type QuarantinedSecrets = 'removed' | 'none' | 'unknown' | 'failed';

/** The draft file could not be read; it was set aside and the setup starts over. */
export class DraftCorruptError extends AppError {
  constructor(
    readonly quarantinedTo: string,
    readonly cause: unknown,
    /** The damaged draft's id, when the file still says it. */
    readonly draftId: string | undefined = undefined,
    readonly secrets: QuarantinedSecrets = 'unknown',
  ) {
    super('E_DRAFT_CORRUPT', `The saved setup could not be read and has been set aside as ${path.basename(quarantinedTo)}; please start the setup again.`);
    this.name = 'DraftCorruptError';
  }
}

/** A draft id as the contract accepts it: no `/`, so it can never widen the `draft/<id>/` account prefix. */
const DRAFT_ID = /^[A-Za-z0-9-]{8,64}$/;

/** The id of the setup a damaged draft file held, if the file still says it (intact JSON or an intact pair). */
export function salvageDraftId(text: string): string | undefined {
  let candidate: unknown;
  try {
    candidate = (JSON.parse(text) as { draft?: { id?: unknown } } | null)?.draft?.id;
  } catch {
    candidate = /"id"\s*:\s*"([^"\\]{1,64})"/.exec(text)?.[1];
  }
  return typeof candidate === 'string' && DRAFT_ID.test(candidate) ? candidate : undefined;
}

// The shapes come from the contract, so what is stored is exactly what the bridge accepts.
const saveInput = contract.invoke['drafts.save'].input.shape;
const draftFile = z.object({
  version: z.literal(1),
  draft: z.object({
    id: saveInput.id,
    system: contract.invoke['drafts.start'].input.shape.system,
    step: saveInput.step,
    fields: saveInput.fields,
    selectedCompanies: saveInput.selectedCompanies,
    dataSourceId: z.string().min(1).max(128).optional(),
    domainId: z.string().min(1).max(128).optional(),
    recreateOf: z.string().min(1).max(128).optional(),
    updatedAt: z.iso.datetime(),
  }),
});

const log = createLogger('drafts');

export function createDraftStore(options: DraftStoreOptions): DraftStore {
  const dir = path.join(options.dataDir, 'drafts');
  const file = path.join(dir, 'current.json');
  const now = options.now ?? (() => new Date());
  let notice: DraftCorruptError | undefined;
  let prepared: Promise<void> | undefined;

  /** Only the values a draft may keep: no declared secret field, and no value we know to be a secret. */
  function withoutSecrets(system: SystemId, fields: Readonly<Record<string, string>>): Record<string, string> {
    const secret = options.secretFieldsOf(system);
    const kept: Record<string, string> = {};
    const dropped: string[] = [];
    for (const [field, value] of Object.entries(fields)) {
      if (secret.has(field) || isRegisteredSecret(value)) dropped.push(field);
      else kept[field] = value;
    }
    if (dropped.length > 0) log.warn('secret fields dropped from a draft', { fields: dropped });
    return kept;
  }

  /** Creates the directory and removes temp files left by a write that a crash interrupted. */
  async function prepare(): Promise<void> {
    ensurePrivateDir(dir);
    const prefix = `${path.basename(file)}${TEMP_MARKER}`;
    for (const name of await readdir(dir)) {
      if (name.startsWith(prefix)) await unlink(path.join(dir, name));
    }
  }

  async function read(): Promise<Draft | null> {
    await (prepared ??= prepare());
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    let parsed: z.infer<typeof draftFile>;
    try {
      parsed = draftFile.parse(JSON.parse(text));
    } catch (error) {
      const quarantinedTo = quarantineFile(file, now());
      const draftId = salvageDraftId(text);
      let secrets: QuarantinedSecrets = draftId ? 'none' : 'unknown';
      if (draftId && options.forgetSecrets) {
        try {
          secrets = (await options.forgetSecrets(draftId)) > 0 ? 'removed' : 'none';
        } catch (forgetError) {
          secrets = 'failed';
          log.warn('the secrets of a quarantined draft could not be removed', { draftId, error: forgetError });
        }
      }
      notice = new DraftCorruptError(quarantinedTo, error, draftId, secrets);
      log.warn('draft file quarantined', { error: notice, draftId, keychain: secrets });
      return null;
    }
    const { dataSourceId, domainId, recreateOf, ...rest } = parsed.draft;
    return {
      ...rest,
      fields: withoutSecrets(rest.system, rest.fields),
      ...(dataSourceId ? { dataSourceId } : {}),
      ...(domainId ? { domainId } : {}),
      ...(recreateOf ? { recreateOf } : {}),
    };
  }

  async function write(draft: Draft): Promise<Draft> {
    await (prepared ??= prepare());
    const safe: Draft = { ...draft, fields: withoutSecrets(draft.system, draft.fields) };
    // Never write what read() would reject: that would turn a bad save into a quarantined setup.
    const checked = draftFile.safeParse({ version: 1, draft: safe });
    if (!checked.success) throw new AppError('E_DRAFT_INVALID', `The setup could not be saved: ${checked.error.issues[0]?.message ?? 'invalid'}.`);
    await writeFileAtomic(file, `${JSON.stringify({ version: 1, draft: safe }, null, 2)}\n`);
    return safe;
  }

  // Calls run one after another so a save never interleaves with a discard of the same file.
  let queue: Promise<unknown> = Promise.resolve();
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    // The queue only orders calls; each caller still receives its own call's error through `run`.
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    get notice() {
      return notice;
    },
    current: () => exclusive(read),
    start: (system, recreate) =>
      exclusive(() =>
        write({
          id: randomUUID(),
          system,
          step: recreate ? 'credentials' : 'prepare',
          fields: { ...recreate?.fields },
          selectedCompanies: [...(recreate?.selectedCompanies ?? [])],
          ...(recreate ? { domainId: recreate.domainId, recreateOf: recreate.recreateOf } : {}),
          updatedAt: now().toISOString(),
        }),
      ),
    save: (patch) =>
      exclusive(async () => {
        const existing = await read();
        if (!existing || existing.id !== patch.id) throw new AppError('E_NO_DRAFT', 'This setup is no longer in progress; start again.');
        const dataSourceId = patch.dataSourceId ?? existing.dataSourceId;
        // A recreate stays in its data source's domain whatever the renderer sends.
        const domainId = existing.recreateOf ? existing.domainId : (patch.domainId ?? existing.domainId);
        return write({
          id: existing.id,
          system: existing.system,
          step: patch.step,
          fields: { ...patch.fields },
          selectedCompanies: [...patch.selectedCompanies],
          ...(dataSourceId ? { dataSourceId } : {}),
          ...(domainId ? { domainId } : {}),
          ...(existing.recreateOf ? { recreateOf: existing.recreateOf } : {}),
          updatedAt: now().toISOString(),
        });
      }),
    discard: (id) =>
      exclusive(async () => {
        const existing = await read();
        if (!existing || existing.id !== id) return false;
        await unlink(file);
        return true;
      }),
  };
}
