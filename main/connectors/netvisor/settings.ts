/**
 * The credentials form, read and checked: every problem names the field and says how to fix it. The
 * same reading drives validate(), the checks and the handoff, so they can never disagree.
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
import { businessIdProblem, parseBusinessId } from './businessId';

export { ENVIRONMENTS, type Environment } from '../shared/baseUrl';

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

export const defaultEnvironment = (ctx: ConnectorContext): Environment => sharedDefaultEnvironment(ctx, 'netvisor');

const fieldError = (field: string, key: string, params?: Record<string, string | number>): FieldError => validationError('netvisor', field, key, params);

const BASE_URL: BaseUrlSpec = { system: 'netvisor', urls: ENVIRONMENT_URLS };

/** The base URL of the chosen environment, or the error on `environment` / `baseUrl`. */
export const resolveBaseUrl = (fields: Readonly<Record<string, string>>, ctx: ConnectorContext): BaseUrlResult => sharedResolveBaseUrl(fields, ctx, BASE_URL);

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
