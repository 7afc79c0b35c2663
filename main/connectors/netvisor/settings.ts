/**
 * The credentials form, read and checked: every problem names the field and says how to fix it. The
 * same reading drives validate(), the checks and the handoff, so they can never disagree.
 */
import type { ConnectorContext } from '../context';
import { msg, type FieldError } from '../types';
import { businessIdProblem, parseBusinessId } from './businessId';

export const ENVIRONMENTS = ['sandbox', 'production', 'test', 'custom'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** Production and Netvisor's partner test (ISV) environment; test partner keys only work on the latter. */
export const ENVIRONMENT_URLS = {
  production: 'https://integration.netvisor.fi',
  test: 'https://isvapi.netvisor.fi',
} as const;

export interface NetvisorSettings {
  readonly companyName: string;
  /** Normalised to NNNNNNN-N. */
  readonly businessId: string;
  readonly customerId: string;
  readonly environment: Environment;
  readonly baseUrl: string;
}

export const defaultEnvironment = (ctx: ConnectorContext): Environment => (ctx.sandboxUrls?.netvisor ? 'sandbox' : 'production');

const fieldError = (field: string, key: string, params?: Record<string, string | number>): FieldError => ({
  field,
  message: msg(`netvisor:validation.${key}`, params),
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

/** The base URL of the chosen environment, or the error on `environment` / `baseUrl`. */
export function resolveBaseUrl(fields: Readonly<Record<string, string>>, ctx: ConnectorContext): { ok: true; url: string; environment: Environment } | { ok: false; error: FieldError } {
  const chosen = fields['environment']?.trim() || defaultEnvironment(ctx);
  if (!(ENVIRONMENTS as ReadonlyArray<string>).includes(chosen)) {
    return { ok: false, error: fieldError('environment', 'environment.unknown', { value: chosen }) };
  }
  const environment = chosen as Environment;
  switch (environment) {
    case 'sandbox': {
      const url = ctx.sandboxUrls?.netvisor;
      return url ? { ok: true, url, environment } : { ok: false, error: fieldError('environment', 'environment.noSandbox') };
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

export type SettingsResult =
  | { readonly ok: true; readonly settings: NetvisorSettings }
  | { readonly ok: false; readonly errors: ReadonlyArray<FieldError>; readonly baseUrl?: string };

/** Reads the non-secret fields; `secretsPresent` says which secret fields have a value. */
export function readSettings(
  fields: Readonly<Record<string, string>>,
  secretsPresent: Readonly<Record<string, boolean>>,
  ctx: ConnectorContext,
): SettingsResult {
  const errors: FieldError[] = [];
  const companyName = fields['companyName']?.trim() ?? '';
  if (!companyName) errors.push(fieldError('companyName', 'companyName.missing'));
  const rawBusinessId = fields['businessId']?.trim() ?? '';
  const businessId = rawBusinessId ? parseBusinessId(rawBusinessId) : undefined;
  if (!businessId) errors.push(fieldError('businessId', 'businessId.missing'));
  else if (!businessId.ok) errors.push({ field: 'businessId', message: businessIdProblem(businessId) });
  const customerId = fields['customerId']?.trim() ?? '';
  if (!customerId) errors.push(fieldError('customerId', 'customerId.missing'));
  else if (/\s/.test(customerId)) errors.push(fieldError('customerId', 'customerId.spaces'));
  if (!secretsPresent['customerKey']) errors.push(fieldError('customerKey', 'customerKey.missing'));
  const base = resolveBaseUrl(fields, ctx);
  if (!base.ok) errors.push(base.error);
  if (errors.length > 0 || !base.ok || !businessId?.ok) return { ok: false, errors, ...(base.ok ? { baseUrl: base.url } : {}) };
  return {
    ok: true,
    settings: { companyName, businessId: businessId.value, customerId, environment: base.environment, baseUrl: base.url },
  };
}
