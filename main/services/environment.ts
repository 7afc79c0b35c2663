/**
 * Which Exopen backend the assistant talks to, and who signs vendor requests that need Exopen's partner
 * secret. Read once at start (a change applies after a restart, said plainly in the UI), from the
 * environment variable EXOPEN_BACKEND_URL (support and CI) or the settings file.
 */
import type { EnvironmentSettings, SignerMode } from '../../preload/contract';
import type { SystemId } from '../connectors/types';
import { msg } from '../connectors/types';
import type { SettingsStore } from '../platform/ports';
import { AppError } from '../platform/errors';

/**
 * UNCERTAIN: Exopen's production API and identity hosts are not public; these are placeholders to be
 * confirmed with Exopen before a production build.
 */
export const PRODUCTION = { backendUrl: 'https://api.exopen.se', issuerUrl: 'https://login.exopen.se' } as const;

export interface ResolvedEnvironment {
  readonly environment: EnvironmentSettings['environment'];
  /** Absent for the sandbox (its URL is only known once it has started). */
  readonly backendUrl?: string;
  readonly issuerUrl?: string;
  readonly signers: Readonly<Partial<Record<SystemId, SignerMode>>>;
}

export function resolveEnvironment(settings: SettingsStore, env: NodeJS.ProcessEnv = process.env): ResolvedEnvironment {
  const signers = settings.get('signers') as Partial<Record<SystemId, SignerMode>>;
  const fromEnv = env.EXOPEN_BACKEND_URL;
  if (fromEnv) return { environment: 'custom', backendUrl: fromEnv, issuerUrl: env.EXOPEN_ISSUER_URL ?? fromEnv, signers };
  const environment = settings.get('environment');
  if (environment === 'production') return { environment, ...PRODUCTION, signers };
  const backendUrl = settings.get('backendUrl');
  if (environment === 'custom' && backendUrl) return { environment, backendUrl, issuerUrl: settings.get('issuerUrl') ?? backendUrl, signers };
  return { environment: 'sandbox', signers };
}

/** The signer in force for a system: the broker unless the settings say local. */
export const signerFor = (resolved: ResolvedEnvironment, system: SystemId): SignerMode => resolved.signers[system] ?? 'broker';

/** Validates and stores a change; it applies at the next start (describeEnvironment says whether it is active). */
export function saveEnvironment(
  settings: SettingsStore,
  change: { environment: EnvironmentSettings['environment']; url?: string; signers?: Partial<Record<SystemId, SignerMode>> },
): void {
  if (change.environment === 'custom') {
    const url = change.url ? safeUrl(change.url) : undefined;
    if (!url || !/^https?:$/.test(url.protocol))
      throw new AppError('E_INVALID_FIELDS', 'Enter the backend address, e.g. https://exopen.example.com', [
        { field: 'url', message: msg('app:settings.errors.url') },
      ]);
    if (url.protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
      throw new AppError('E_INVALID_FIELDS', 'Use https for a backend that is not on this machine.', [
        { field: 'url', message: msg('app:settings.errors.https') },
      ]);
    settings.set('backendUrl', url.toString().replace(/\/$/, ''));
  }
  settings.set('environment', change.environment);
  if (change.signers) settings.set('signers', { ...settings.get('signers'), ...change.signers });
}

/** The stored choice, and whether the running assistant already uses it (`active: false` = restart to apply). */
export function describeEnvironment(running: ResolvedEnvironment, settings: SettingsStore, sandboxUrl: string | undefined, systems: ReadonlyArray<SystemId>): EnvironmentSettings {
  const stored = resolveEnvironment(settings, {});
  const url = stored.backendUrl ?? (running.environment === 'sandbox' ? sandboxUrl : undefined) ?? '';
  const signers = Object.fromEntries(systems.map((system) => [system, signerFor(stored, system)]));
  const active =
    stored.environment === running.environment &&
    (stored.environment === 'sandbox' || stored.backendUrl === running.backendUrl) &&
    systems.every((system) => signerFor(stored, system) === signerFor(running, system));
  return { environment: stored.environment, url, signers, active };
}

function safeUrl(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}
