/**
 * The credentials form, read and checked: every problem names the field and says how to fix it. The same
 * reading drives validate(), the checks and the handoff, so they can never disagree.
 */
import type { ConnectorContext } from '../context';
import { msg, type FieldError, type Msg } from '../types';
import { VITEC_HOST_SUFFIX, type Installation } from './assumedApi';
import { normaliseDomain } from './domain';
import { sandboxUrlOf } from './systemId';

export const ENVIRONMENTS = ['sandbox', 'production'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export interface VitecSettings {
  readonly subdomain: string;
  readonly username: string;
  readonly integrationId: string;
  readonly environment: Environment;
  readonly installation: Installation;
}

export const defaultEnvironment = (ctx: ConnectorContext): Environment => (sandboxUrlOf(ctx) ? 'sandbox' : 'production');

const fieldError = (field: string, key: string, params?: Record<string, string>): FieldError => ({
  field,
  message: msg(`vitec:validation.${key}`, params),
});

export type InstallationResult =
  | { readonly ok: true; readonly installation: Installation; readonly environment: Environment; readonly change?: Msg }
  | { readonly ok: false; readonly errors: ReadonlyArray<FieldError> };

/** Domain + environment: all the `domain` check needs, so it can run before the rest is filled in. */
export function resolveInstallation(fields: Readonly<Record<string, string>>, ctx: ConnectorContext): InstallationResult {
  const errors: FieldError[] = [];
  const domain = normaliseDomain(fields['domain'] ?? '');
  if (!domain.ok) errors.push({ field: 'domain', message: domain.message });
  const chosen = fields['environment']?.trim() || defaultEnvironment(ctx);
  const sandboxUrl = sandboxUrlOf(ctx);
  if (!(ENVIRONMENTS as ReadonlyArray<string>).includes(chosen)) errors.push(fieldError('environment', 'environment.unknown', { value: chosen }));
  else if (chosen === 'sandbox' && !sandboxUrl) errors.push(fieldError('environment', 'environment.noSandbox'));
  if (!domain.ok || errors.length > 0) return { ok: false, errors };
  const environment = chosen as Environment;
  const installation: Installation = environment === 'sandbox' && sandboxUrl ? { subdomain: domain.subdomain, sandboxUrl } : { subdomain: domain.subdomain };
  return { ok: true, installation, environment, ...(domain.change ? { change: domain.change } : {}) };
}

/** `acme.vitec.net`, with the sandbox named so nobody mistakes a simulated answer for the real one. */
export const displayHost = (installation: Installation): string =>
  `${installation.subdomain}${VITEC_HOST_SUFFIX}${installation.sandboxUrl ? ' (sandbox)' : ''}`;

export type SettingsResult =
  | { readonly ok: true; readonly settings: VitecSettings }
  | { readonly ok: false; readonly errors: ReadonlyArray<FieldError>; readonly installation?: Installation };

/** Reads the fields; `secretsPresent` says which secret fields have a value (the password never comes here). */
export function readSettings(fields: Readonly<Record<string, string>>, secretsPresent: Readonly<Record<string, boolean>>, ctx: ConnectorContext): SettingsResult {
  const located = resolveInstallation(fields, ctx);
  const errors: FieldError[] = located.ok ? [] : [...located.errors];
  const username = fields['username']?.trim() ?? '';
  if (!username) errors.push(fieldError('username', 'username.missing'));
  // HTTP Basic cannot carry a colon in the user name (SPECULATIVE auth scheme, see assumedApi).
  else if (username.includes(':')) errors.push(fieldError('username', 'username.colon'));
  if (!secretsPresent['password']) errors.push(fieldError('password', 'password.missing'));
  const integrationId = fields['integrationId']?.trim() ?? '';
  if (!integrationId) errors.push(fieldError('integrationId', 'integrationId.missing'));
  else if (/\s/.test(integrationId)) errors.push(fieldError('integrationId', 'integrationId.spaces'));
  if (!located.ok || errors.length > 0) return { ok: false, errors, ...(located.ok ? { installation: located.installation } : {}) };
  return { ok: true, settings: { subdomain: located.installation.subdomain, username, integrationId, environment: located.environment, installation: located.installation } };
}
