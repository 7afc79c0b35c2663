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

/** The settings file was unreadable or invalid; it was set aside and defaults are in use. */
export class SettingsCorruptError extends Error {
  readonly code = 'E_CONFIG_CORRUPT';
  constructor(
    readonly quarantinedTo: string,
    options: { cause: unknown },
  ) {
    super(`The settings file was damaged and has been set aside as ${path.basename(quarantinedTo)}; default settings are in use.`, options);
    this.name = 'SettingsCorruptError';
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

export interface SettingsHandle extends SettingsStore {
  readonly path: string;
  /** Set when a damaged file was quarantined during this session; the UI shows it once. */
  readonly notice: SettingsCorruptError | undefined;
}

const log = createLogger('settings');

const isCorruption = (error: unknown): boolean =>
  error instanceof Error && (error.name === 'SyntaxError' || error.message.startsWith('Config schema violation:'));

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

export function openSettings(dataDir: string, engine: SettingsEngine = confEngine): SettingsHandle {
  ensurePrivateDir(dataDir);
  const file = path.join(dataDir, `${SETTINGS_FILE_NAME}.json`);
  let notice: SettingsCorruptError | undefined;
  let conf: Conf<SettingsRecord> | undefined;

  /** Runs a conf operation; on a damaged file quarantines it, starts from defaults and runs it once more. */
  const recovering = <T>(operation: (store: Conf<SettingsRecord>) => T): T => {
    try {
      conf ??= engine(settingsFileOptions(dataDir));
      return operation(conf);
    } catch (error) {
      if (!isCorruption(error)) throw error;
      notice = new SettingsCorruptError(quarantineFile(file), { cause: error });
      log.warn('settings file quarantined', { error: notice });
      conf = engine(settingsFileOptions(dataDir));
      return operation(conf);
    }
  };
  // Open now, so a damaged file is found (and reported) at startup rather than at first use.
  recovering(() => undefined);

  return {
    path: file,
    get notice() {
      return notice;
    },
    get: (key) => recovering((store) => store.get(key)),
    set: (key, value) => {
      // Reading first quarantines a file damaged since startup, so the write below fails only on the value.
      const store = recovering((opened) => {
        void opened.store;
        return opened;
      });
      try {
        store.set(key, value);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('Config schema violation:')) throw new SettingsInvalidError(key, { cause: error });
        throw error;
      }
    },
  };
}
