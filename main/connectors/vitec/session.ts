/**
 * One check run's shared state: the settings as read, one client, and the company list fetched once, so the
 * companies and integration checks share a single answer instead of asking Vitec twice.
 */
import type { ConnectorContext } from '../context';
import { countingRecorder } from '../shared/countingRecorder';
import type { CheckInput } from '../types';
import type { CompanyBody } from './assumedApi';
import { VitecClient } from './client';
import { isCheckFailure, type CheckFailure, type DiagnosisContext } from './diagnosis';
import { displayHost, readSettings, resolveInstallation, type InstallationResult, type SettingsResult } from './settings';

export type Fetched<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CheckFailure };

export interface Session {
  readonly located: InstallationResult;
  readonly settings: SettingsResult;
  readonly context: DiagnosisContext;
  readonly signal?: AbortSignal;
  requestCount(): number;
  /** A client for the installation; credentials are empty until the form validates (the ping needs none). */
  client(): VitecClient | undefined;
  companies(): Promise<Fetched<ReadonlyArray<CompanyBody>>>;
}


/** Runs a client call and keeps vendor failures as values; anything else is a bug and surfaces. */
export async function fetched<T>(call: () => Promise<T>): Promise<Fetched<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    if (isCheckFailure(error)) return { ok: false, error };
    throw error;
  }
}

/**
 * Where the session's requests find their signal: the run's scope (shared/runChecks.ts RunScope), read at
 * each request so every request carries the deadline of the check running then.
 */
export interface SignalSource {
  readonly signal?: AbortSignal | undefined;
}

export function createSession(ctx: ConnectorContext, input: CheckInput, signals?: SignalSource): Session {
  const password = input.secrets['password'] ?? '';
  const located = resolveInstallation(input.fields, ctx);
  const settings = readSettings(input.fields, { password: password !== '' }, ctx);
  const { recorder, count } = countingRecorder(ctx.recorder);
  const context: DiagnosisContext = {
    host: located.ok ? displayHost(located.installation) : '',
    subdomain: located.ok ? located.installation.subdomain : '',
    username: settings.ok ? settings.settings.username : (input.fields['username']?.trim() ?? ''),
    integrationId: settings.ok ? settings.settings.integrationId : (input.fields['integrationId']?.trim() ?? ''),
    passwordHasEdgeSpaces: password !== password.trim(),
  };
  const client = !located.ok
    ? undefined
    : new VitecClient({
        installation: located.installation,
        username: settings.ok ? settings.settings.username : '',
        password: settings.ok ? password : '',
        recorder,
        ...(ctx.timeoutMs === undefined ? {} : { timeoutMs: ctx.timeoutMs }),
      });
  let companies: Promise<Fetched<ReadonlyArray<CompanyBody>>> | undefined;
  return {
    located,
    settings,
    context,
    get signal() {
      return signals?.signal;
    },
    requestCount: count,
    client: () => client,
    companies: () => (companies ??= client ? fetched(() => {
            const signal = signals?.signal;
            return client.companies({ checkId: 'companies', ...(signal ? { signal } : {}) });
          }) : Promise.reject(new Error('no installation'))),
  };
}
