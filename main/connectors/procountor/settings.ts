/**
 * The credentials form, read and checked: every problem names the field and says how to fix it. The same
 * reading drives validate(), the checks and the handoff, so they can never disagree.
 */
import type { ConnectorContext } from '../context';
import {
  defaultEnvironment as sharedDefaultEnvironment,
  resolveBaseUrl as sharedResolveBaseUrl,
  validationError,
  type BaseUrlResult,
  type BaseUrlSpec,
  type Environment,
} from '../shared/baseUrl';
import type { FieldError } from '../types';

export { ENVIRONMENTS, type Environment } from '../shared/baseUrl';

/** Production and Procountor's Public Testing Server (PTS); a key only works in the environment that made it. */
export const ENVIRONMENT_URLS = {
  production: 'https://api.procountor.com/api',
  test: 'https://pts-api.procountor.com/api',
} as const;

export interface ProcountorSettings {
  readonly environment: Environment;
  /** The API base, e.g. https://api.procountor.com/api, without a trailing slash. */
  readonly baseUrl: string;
}

export const defaultEnvironment = (ctx: ConnectorContext): Environment => sharedDefaultEnvironment(ctx, 'procountor');

const fieldError = (field: string, key: string, params?: Record<string, string | number>): FieldError => validationError('procountor', field, key, params);

// The API base is joined with paths, so a sandbox URL given with a trailing slash loses it.
const BASE_URL: BaseUrlSpec = { system: 'procountor', urls: ENVIRONMENT_URLS, sandboxBase: (url) => url.replace(/\/+$/, '') };

/** The API base URL of the chosen environment, or the error on `environment` / `baseUrl`. */
export const resolveBaseUrl = (fields: Readonly<Record<string, string>>, ctx: ConnectorContext): BaseUrlResult => sharedResolveBaseUrl(fields, ctx, BASE_URL);

/** Whitespace inside a key means it was copied across a line break or with a label; trimming the ends is safe. */
export function apiKeyProblem(apiKey: string): FieldError | undefined {
  if (/\s/.test(apiKey.trim())) return fieldError('apiKey', 'apiKey.spaces');
  return undefined;
}

export type SettingsResult =
  | { readonly ok: true; readonly settings: ProcountorSettings }
  | { readonly ok: false; readonly errors: ReadonlyArray<FieldError>; readonly baseUrl?: string };

/** Reads the non-secret fields; `secretsPresent` says which secret fields have a value. */
export function readSettings(
  fields: Readonly<Record<string, string>>,
  secretsPresent: Readonly<Record<string, boolean>>,
  ctx: ConnectorContext,
): SettingsResult {
  const errors: FieldError[] = [];
  if (!secretsPresent['apiKey']) errors.push(fieldError('apiKey', 'apiKey.missing'));
  const base = resolveBaseUrl(fields, ctx);
  if (!base.ok) errors.push(base.error);
  if (errors.length > 0 || !base.ok) return { ok: false, errors, ...(base.ok ? { baseUrl: base.url } : {}) };
  return { ok: true, settings: { environment: base.environment, baseUrl: base.url } };
}

/**
 * validate() sees only whether a key was given; a check run and the handoff see the key itself, so they
 * also catch one pasted in pieces.
 */
export function readSettingsWithKey(fields: Readonly<Record<string, string>>, apiKey: string, ctx: ConnectorContext): SettingsResult {
  const read = readSettings(fields, { apiKey: apiKey !== '' }, ctx);
  const problem = apiKey ? apiKeyProblem(apiKey) : undefined;
  if (!problem) return read;
  if (read.ok) return { ok: false, errors: [problem], baseUrl: read.settings.baseUrl };
  return { ...read, errors: [...read.errors, problem] };
}
