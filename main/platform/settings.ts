/**
 * Non-secret settings on disk: `<dataDir>/settings.json`, 0600, validated against a JSON schema on every read
 * and write. The engine is `conf` here (plain Node: the web host and the CLI); the Electron host passes
 * electron-store (main/electron/settings.ts), which is conf underneath, over the very same options, so all
 * three hosts read and write one file with one schema.
 *
 * conf's own choices on a damaged file are both wrong for us: by default it throws from the constructor
 * (the app would not start), and with `clearInvalidConfig` it silently starts over. Instead the damaged
 * file is renamed to `settings.json.corrupt-<timestamp>`, defaults are used, and a typed notice tells
 * the UI so the user hears about it. The quarantined copy holds no secrets, by design.
 */
import Conf, { type Options, type Schema } from 'conf';
import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import type { Settings, SettingsStore } from './ports';
import { ensurePrivateDir, PRIVATE_FILE_MODE, quarantineFile } from './private-files';
import { createLogger } from './log';

export type SettingsRecord = { -readonly [K in keyof Settings]: Settings[K] };

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  schemaVersion: 1,
  language: 'en',
  environment: 'sandbox',
  backendUrl: null,
  issuerUrl: null,
  signers: {},
});

const SCHEMA: Schema<SettingsRecord> = {
  schemaVersion: { const: 1 },
  language: { enum: ['en'] },
  environment: { enum: ['sandbox', 'production', 'custom'] },
  backendUrl: { anyOf: [{ type: 'null' }, { type: 'string', format: 'uri', pattern: '^https?://', maxLength: 2000 }] },
  issuerUrl: { anyOf: [{ type: 'null' }, { type: 'string', format: 'uri', pattern: '^https?://', maxLength: 2000 }] },
  signers: { type: 'object', additionalProperties: { enum: ['broker', 'local'] } },
};

/**
 * What a damaged settings file meant for the user's choices: `backend` (environment and URLs) and `signers`
 * (who signs vendor requests). `kept` were recovered from the damaged file; `reset` are at their defaults
 * now (the sandbox, the broker) and must be set again in Settings if they were anything else.
 */
export type SettingsGroup = 'backend' | 'signers';

/** The settings file was unreadable or invalid; it was set aside (or could not be) and defaults are in use. */
export class SettingsCorruptError extends Error {
  readonly code = 'E_CONFIG_CORRUPT';
  constructor(
    /** The settings file. */
    readonly file: string,
    /** Where the damaged file was moved; undefined when it could not be moved (settings then live in memory). */
    readonly quarantinedTo: string | undefined,
    readonly kept: ReadonlyArray<SettingsGroup>,
    readonly reset: ReadonlyArray<SettingsGroup>,
    options: { cause: unknown },
  ) {
    super(
      quarantinedTo
        ? `The settings file was damaged and has been set aside as ${path.basename(quarantinedTo)}; default settings are in use.`
        : `The settings file ${file} is damaged and could not be moved aside; default settings are in use for this session only. Move or delete ${file} and start again.`,
      options,
    );
    this.name = 'SettingsCorruptError';
  }

  /** True when the settings live in memory only: changes are refused until the path is cleared. */
  get inMemory(): boolean {
    return this.quarantinedTo === undefined;
  }
}

/** A value that does not fit the settings schema; nothing was written. */
export class SettingsInvalidError extends Error {
  readonly code = 'E_CONFIG_INVALID';
  constructor(key: string, options: { cause: unknown }) {
    super(`"${key}" cannot be set to that value`, options);
    this.name = 'SettingsInvalidError';
  }
}

/** Settings live in memory because the file is in the way: a change would be lost, so it is refused. */
export class SettingsUnwritableError extends Error {
  readonly code = 'E_CONFIG_CORRUPT';
  constructor(readonly file: string) {
    super(`Settings cannot be saved: ${file} is damaged and could not be moved aside. Move or delete ${file} and start Exopen Connect again.`);
    this.name = 'SettingsUnwritableError';
  }
}

export interface SettingsHandle extends SettingsStore {
  readonly path: string;
  /** Set when a damaged file was quarantined during this session; the UI shows it once. */
  readonly notice: SettingsCorruptError | undefined;
}

const log = createLogger('settings');

const isCorruption = (error: unknown): boolean =>
  error instanceof Error &&
  (error.name === 'SyntaxError' ||
    error.message.startsWith('Config schema violation:') ||
    // settings.json is a folder: nothing to read, and it can be set aside like a damaged file.
    (error as NodeJS.ErrnoException).code === 'EISDIR');

/** A settings file is a few hundred bytes; more than this is not worth reading back for salvage. */
const SALVAGE_LIMIT = 64 * 1024;

/** The damaged file's text (up to SALVAGE_LIMIT), or '' when it is not a readable file. */
function readForSalvage(file: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    if (!fstatSync(fd).isFile()) return '';
    const buffer = Buffer.alloc(SALVAGE_LIMIT);
    return buffer.subarray(0, readSync(fd, buffer, 0, SALVAGE_LIMIT, 0)).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The user's choices that can be recovered from a damaged file, each validated again by the schema on set. */
const SALVAGEABLE = ['environment', 'backendUrl', 'issuerUrl', 'signers'] as const;

/**
 * Values still readable in a damaged file: all of a JSON object that failed the schema (each key is checked
 * on its own when it is set again), or, in a truncated or garbled file, each `"key": value` that is intact.
 */
export function salvageSettings(text: string): Partial<Record<(typeof SALVAGEABLE)[number], unknown>> {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const record = parsed as Record<string, unknown>;
      return Object.fromEntries(SALVAGEABLE.filter((key) => key in record).map((key) => [key, record[key]]));
    }
    return {};
  } catch {
    // Not JSON as a whole: look for intact pairs below.
  }
  const found: Partial<Record<(typeof SALVAGEABLE)[number], unknown>> = {};
  const pattern = (key: string, value: string) => new RegExp(`"${key}"\\s*:\\s*(${value})`).exec(text)?.[1];
  for (const key of ['environment', 'backendUrl', 'issuerUrl'] as const) {
    const raw = pattern(key, '"(?:[^"\\\\\\n]|\\\\.)*"|null');
    if (raw === undefined) continue;
    try {
      found[key] = JSON.parse(raw);
    } catch {
      // An escape JSON does not know: this value goes back to its default.
    }
  }
  const signers = pattern('signers', '\\{[^{}]*\\}');
  if (signers !== undefined) {
    try {
      found.signers = JSON.parse(signers);
    } catch {
      // A cut-off object: the signers go back to their default.
    }
  }
  return found;
}

/** Sets each salvaged value the schema accepts; answers which groups of choices came back. */
function restore(conf: Conf<SettingsRecord>, salvaged: ReturnType<typeof salvageSettings>): { kept: SettingsGroup[]; reset: SettingsGroup[] } {
  const restored = new Set<string>();
  for (const key of SALVAGEABLE) {
    if (!(key in salvaged)) continue;
    try {
      conf.set(key, salvaged[key] as never);
      restored.add(key);
    } catch {
      // Outside the schema: this value stays at its default.
    }
  }
  const environment = restored.has('environment') ? conf.get('environment') : undefined;
  const backendKept = environment !== undefined && (environment !== 'custom' || (restored.has('backendUrl') && conf.get('backendUrl') !== null));
  const kept: SettingsGroup[] = [];
  const reset: SettingsGroup[] = [];
  (backendKept ? kept : reset).push('backend');
  (restored.has('signers') ? kept : reset).push('signers');
  if (!backendKept && environment === 'custom') conf.set('environment', 'sandbox');
  return { kept, reset };
}

/** How old a `settings.json.tmp-*` must be before start-up removes it: older than any write in progress. */
export const STALE_TEMP_MS = 60_000;

/**
 * Removes temp files that an interrupted write (a crash, a power cut) left beside the settings file. conf
 * (through `atomically`) writes `settings.json.tmp-<time><random>` and renames it over the file; a leftover
 * is never read again. Only files older than STALE_TEMP_MS go, so a write another instance has in progress
 * this very moment keeps its file. Answers the names removed.
 */
export function removeStaleTempFiles(dataDir: string, now: Date = new Date()): string[] {
  const prefix = `${SETTINGS_FILE_NAME}.json.tmp-`;
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dataDir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const target = path.join(dataDir, name);
    try {
      const stats = lstatSync(target);
      if (!stats.isFile() || now.getTime() - stats.mtimeMs < STALE_TEMP_MS) continue;
      unlinkSync(target);
      removed.push(name);
    } catch (error) {
      log.warn('could not remove a leftover settings temp file', { file: name, error });
    }
  }
  if (removed.length > 0) log.info('removed leftover settings temp files', { count: removed.length });
  return removed;
}

/** The file's name without `.json` (conf's `configName`, electron-store's `name`). */
export const SETTINGS_FILE_NAME = 'settings';

/** conf's options for the settings file: where, which mode, which schema. Every engine gets exactly these. */
export type SettingsFileOptions = Options<SettingsRecord> & { readonly cwd: string; readonly configName: string };

export function settingsFileOptions(dataDir: string): SettingsFileOptions {
  return {
    cwd: dataDir,
    configName: SETTINGS_FILE_NAME,
    configFileMode: PRIVATE_FILE_MODE,
    schema: SCHEMA,
    // Unknown keys (written by a newer version) are kept rather than treated as damage.
    rootSchema: { additionalProperties: true },
    defaults: { ...DEFAULT_SETTINGS },
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
    watch: false,
  };
}

/** Opens the settings file with the given options: conf itself, or a subclass of it (electron-store). */
export type SettingsEngine = (options: SettingsFileOptions) => Conf<SettingsRecord>;

export const confEngine: SettingsEngine = (options) => new Conf<SettingsRecord>(options);

export interface OpenSettingsOptions {
  /** Moves a damaged file aside (tests replace it to make the move fail). */
  readonly quarantine?: (file: string) => string;
  /** The clock for the temp-file cleanup (tests). */
  readonly now?: () => Date;
}

export function openSettings(dataDir: string, engine: SettingsEngine = confEngine, options: OpenSettingsOptions = {}): SettingsHandle {
  ensurePrivateDir(dataDir);
  const file = path.join(dataDir, `${SETTINGS_FILE_NAME}.json`);
  removeStaleTempFiles(dataDir, (options.now ?? (() => new Date()))());
  let notice: SettingsCorruptError | undefined;
  let conf: Conf<SettingsRecord> | undefined;
  /** Defaults in memory, when the damaged file could not be moved aside. */
  let fallback: SettingsRecord | undefined;

  /** Quarantines the damaged file, opens a fresh one with what could be salvaged, or falls back to memory. */
  const recover = (cause: unknown): Conf<SettingsRecord> | undefined => {
    const salvaged = salvageSettings(readForSalvage(file));
    let movedTo: string;
    try {
      movedTo = (options.quarantine ?? quarantineFile)(file);
    } catch (error) {
      fallback = { ...DEFAULT_SETTINGS };
      notice = new SettingsCorruptError(file, undefined, [], ['backend', 'signers'], { cause });
      log.error('settings file damaged and could not be moved aside; defaults in memory', { file, error, cause });
      return undefined;
    }
    const fresh = engine(settingsFileOptions(dataDir));
    const { kept, reset } = restore(fresh, salvaged);
    notice = new SettingsCorruptError(file, movedTo, kept, reset, { cause });
    log.warn('settings file quarantined', { error: notice, kept, reset });
    return fresh;
  };

  /** Runs a conf operation; on a damaged file quarantines it, starts from what was salvaged and runs it once more. */
  const recovering = <T>(operation: (store: Conf<SettingsRecord>) => T, inMemory: (record: SettingsRecord) => T): T => {
    if (fallback) return inMemory(fallback);
    try {
      conf ??= engine(settingsFileOptions(dataDir));
      return operation(conf);
    } catch (error) {
      if (!isCorruption(error)) throw error;
      conf = recover(error);
      return conf ? operation(conf) : inMemory(fallback!);
    }
  };
  // Open now, so a damaged file is found (and reported) at startup rather than at first use.
  recovering(
    () => undefined,
    () => undefined,
  );

  return {
    path: file,
    get notice() {
      return notice;
    },
    get: (key) =>
      recovering(
        (store) => store.get(key),
        (record) => record[key],
      ),
    set: (key, value) => {
      // Reading first quarantines a file damaged since startup, so the write below fails only on the value.
      const store = recovering(
        (opened) => {
          void opened.store;
          return opened;
        },
        () => undefined,
      );
      if (!store) throw new SettingsUnwritableError(file);
      try {
        store.set(key, value);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('Config schema violation:')) throw new SettingsInvalidError(key, { cause: error });
        throw error;
      }
    },
  };
}
