/** The Settings form as plain data: built from the saved settings, checked before it is sent. */
import type { BackendEnvironment, EnvironmentSettings, FieldError, SignerMode, SystemId } from '../../../../preload/contract';
import type { SettingsInput } from '../../store';

export interface SettingsForm {
  readonly environment: BackendEnvironment;
  readonly url: string;
  readonly signers: Readonly<Partial<Record<SystemId, SignerMode>>>;
}

export const formFrom = (settings: EnvironmentSettings): SettingsForm => ({
  environment: settings.environment,
  url: settings.environment === 'custom' ? settings.url : '',
  signers: settings.signers,
});

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The key (under app:settings.errors) of what is wrong with the URL, or null. Mirrors main's own check. */
export function urlProblem(form: SettingsForm): 'required' | 'url' | 'https' | null {
  if (form.environment !== 'custom') return null;
  const raw = form.url.trim();
  if (raw === '') return 'required';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'url';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'url';
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) return 'https';
  return null;
}

/**
 * settings.set takes a signer for every system or none (a zod record over the system enum is exhaustive), so
 * they are sent only when the saved settings named one for each system.
 */
function isComplete(signers: SettingsForm['signers'], systems: ReadonlyArray<SystemId>): signers is Readonly<Record<SystemId, SignerMode>> {
  return systems.length > 0 && systems.every((system) => signers[system] !== undefined);
}

export function toInput(form: SettingsForm, systems: ReadonlyArray<SystemId>): SettingsInput {
  return {
    environment: form.environment,
    ...(form.environment === 'custom' ? { url: form.url.trim() } : {}),
    ...(isComplete(form.signers, systems) ? { signers: { ...form.signers } } : {}),
  };
}

/** The field error main returned for `field`, if any. */
export const serverFieldError = (errors: ReadonlyArray<FieldError> | undefined, field: string): FieldError | undefined =>
  errors?.find((error) => error.field === field);
