/**
 * The environment / base-URL part of a credentials form, for systems whose API sits at a fixed URL per
 * environment (Netvisor, Procountor): the local sandbox, production, the vendor's test environment, or a
 * custom URL. Each system names its own URLs and messages; the reading and its rules are the same.
 */
import type { ConnectorContext } from '../context';
import { msg, type FieldError, type SystemId } from '../types';

export const ENVIRONMENTS = ['sandbox', 'production', 'test', 'custom'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export interface BaseUrlSpec {
  /** Whose sandbox URL to use, and the i18n namespace of the messages (`<system>:validation.…`). */
  readonly system: SystemId;
  readonly urls: { readonly production: string; readonly test: string };
  /** How the sandbox URL becomes a base URL (Procountor trims a trailing slash; Netvisor takes it as is). */
  readonly sandboxBase?: (url: string) => string;
}

export type BaseUrlResult = { ok: true; url: string; environment: Environment } | { ok: false; error: FieldError };

/** `<system>:validation.<key>`, on one field. */
export const validationError = (system: SystemId, field: string, key: string, params?: Record<string, string | number>): FieldError => ({
  field,
  message: msg(`${system}:validation.${key}`, params),
});

export const defaultEnvironment = (ctx: ConnectorContext, system: SystemId): Environment => (ctx.sandboxUrls?.[system] ? 'sandbox' : 'production');

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A custom URL must be HTTPS (plain HTTP only to this machine) and carry nothing but the base. */
function checkCustomUrl(raw: string, system: SystemId): { ok: true; url: string } | { ok: false; error: FieldError } {
  const fieldError = (key: string, params?: Record<string, string | number>) => validationError(system, 'baseUrl', key, params);
  if (!raw) return { ok: false, error: fieldError('baseUrl.missing') };
  let url: URL;
  try {
    url = new URL(raw);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return { ok: false, error: fieldError('baseUrl.invalid', { value: raw }) };
  }
  const loopback = LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return { ok: false, error: fieldError('baseUrl.https', { value: raw }) };
  }
  if (url.username || url.password || url.search || url.hash) {
    return { ok: false, error: fieldError('baseUrl.extra', { value: raw }) };
  }
  return { ok: true, url: url.href.replace(/\/+$/, '') };
}

/** The base URL of the chosen environment, or the error on `environment` / `baseUrl`. */
export function resolveBaseUrl(fields: Readonly<Record<string, string>>, ctx: ConnectorContext, spec: BaseUrlSpec): BaseUrlResult {
  const chosen = fields['environment']?.trim() || defaultEnvironment(ctx, spec.system);
  if (!(ENVIRONMENTS as ReadonlyArray<string>).includes(chosen)) {
    return { ok: false, error: validationError(spec.system, 'environment', 'environment.unknown', { value: chosen }) };
  }
  const environment = chosen as Environment;
  switch (environment) {
    case 'sandbox': {
      const url = ctx.sandboxUrls?.[spec.system];
      if (!url) return { ok: false, error: validationError(spec.system, 'environment', 'environment.noSandbox') };
      return { ok: true, url: spec.sandboxBase ? spec.sandboxBase(url) : url, environment };
    }
    case 'production':
    case 'test':
      return { ok: true, url: spec.urls[environment], environment };
    case 'custom': {
      const checked = checkCustomUrl(fields['baseUrl']?.trim() ?? '', spec.system);
      return checked.ok ? { ok: true, url: checked.url, environment } : checked;
    }
  }
}
