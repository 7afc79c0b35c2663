/**
 * The credentials form, read and checked: every problem names the field and says how to fix it. The same
 * reading drives validate(), the checks and the handoff, so they can never disagree.
 */
import type { ConnectorContext } from '../context';
import { msg, type FieldError } from '../types';

export const ENVIRONMENTS = ['sandbox', 'production', 'test', 'custom'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

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

export const defaultEnvironment = (ctx: ConnectorContext): Environment => (ctx.sandboxUrls?.procountor ? 'sandbox' : 'production');

const fieldError = (field: string, key: string, params?: Record<string, string | number>): FieldError => ({
  field,
  message: msg(`procountor:validation.${key}`, params),
});

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function checkCustomUrl(raw: string): { ok: true; url: string } | { ok: false; error: FieldError } {
  if (!raw) return { ok: false, error: fieldError('baseUrl', 'baseUrl.missing') };
  let url: URL;
  try {
    url = new URL(raw);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return { ok: false, error: fieldError('baseUrl', 'baseUrl.invalid', { value: raw }) };
  }
  const loopback = LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return { ok: false, error: fieldError('baseUrl', 'baseUrl.https', { value: raw }) };
  }
  if (url.username || url.password || url.search || url.hash) {
    return { ok: false, error: fieldError('baseUrl', 'baseUrl.extra', { value: raw }) };
  }
  return { ok: true, url: url.href.replace(/\/+$/, '') };
}

/** The API base URL of the chosen environment, or the error on `environment` / `baseUrl`. */
export function resolveBaseUrl(
  fields: Readonly<Record<string, string>>,
  ctx: ConnectorContext,
): { ok: true; url: string; environment: Environment } | { ok: false; error: FieldError } {
  const chosen = fields['environment']?.trim() || defaultEnvironment(ctx);
  if (!(ENVIRONMENTS as ReadonlyArray<string>).includes(chosen)) {
    return { ok: false, error: fieldError('environment', 'environment.unknown', { value: chosen }) };
  }
  const environment = chosen as Environment;
  switch (environment) {
    case 'sandbox': {
      const url = ctx.sandboxUrls?.procountor;
      return url ? { ok: true, url: url.replace(/\/+$/, ''), environment } : { ok: false, error: fieldError('environment', 'environment.noSandbox') };
    }
    case 'production':
    case 'test':
      return { ok: true, url: ENVIRONMENT_URLS[environment], environment };
    case 'custom': {
      const checked = checkCustomUrl(fields['baseUrl']?.trim() ?? '');
      return checked.ok ? { ok: true, url: checked.url, environment } : checked;
    }
  }
}

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
