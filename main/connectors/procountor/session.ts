/**
 * One check run's shared state: the settings as read, the key's readable claims, one client, and a memo
 * of reads so the identity, rights and data checks reuse one answer per endpoint instead of asking twice.
 */
import type { ConnectorContext } from '../context';
import { countingRecorder } from '../shared/countingRecorder';
import type { CheckInput, FieldError } from '../types';
import { inspectApiKey } from './apiKey';
import { ProcountorClient, type ProcountorReply } from './client';
import { isCheckFailure, type CheckFailure, type DiagnosisContext } from './diagnosis';
import { readSettingsWithKey, type ProcountorSettings, type SettingsResult } from './settings';
import { exchangeFromCredentials, type ExchangeResult } from './tokenExchange';
import { BrokerTokenExchange } from './brokerExchange';
import { EXOPEN_CLIENT_ID } from './clientId';
import { usesBroker } from '../context';

export type ReadOutcome = { readonly ok: true; readonly reply: ProcountorReply } | { readonly ok: false; readonly error: CheckFailure };

export interface OpenAccess {
  readonly ok: true;
  readonly settings: ProcountorSettings;
  readonly client: ProcountorClient;
  /** GET {base}/{path}?params, at most once per run for the same path and parameters. */
  read(path: string, params: Readonly<Record<string, string>>, checkId: string): Promise<ReadOutcome>;
}

export type Access =
  | OpenAccess
  | { readonly ok: false; readonly problem: 'fields'; readonly errors: ReadonlyArray<FieldError> }
  | { readonly ok: false; readonly problem: 'partner'; readonly exchange: Exclude<ExchangeResult, { ok: true }> };

export interface Session {
  readonly settings: SettingsResult;
  readonly diagnosisContext: DiagnosisContext;
  readonly signal?: AbortSignal;
  readonly today: Date;
  requestCount(): number;
  access(): Promise<Access>;
}


const memoKey = (path: string, params: Readonly<Record<string, string>>): string =>
  `${path}?${new URLSearchParams(Object.entries(params).sort(([a], [b]) => a.localeCompare(b))).toString()}`;

/**
 * Where the session's requests find their signal: the run's scope (shared/runChecks.ts RunScope), read at
 * each request so every request carries the deadline of the check running then.
 */
export interface SignalSource {
  readonly signal?: AbortSignal | undefined;
}

export function createSession(ctx: ConnectorContext, input: CheckInput, signals?: SignalSource): Session {
  const apiKey = input.secrets['apiKey']?.trim() ?? '';
  const settings = readSettingsWithKey(input.fields, apiKey, ctx);
  const { recorder, count } = countingRecorder(ctx.recorder);
  const baseUrl = settings.ok ? settings.settings.baseUrl : settings.baseUrl;
  const diagnosisContext: DiagnosisContext = {
    host: baseUrl ? new URL(baseUrl).host : '',
    customUrl: input.fields['environment'] === 'custom',
    apiKey: inspectApiKey(apiKey),
  };
  const timeout = ctx.timeoutMs === undefined ? {} : { timeoutMs: ctx.timeoutMs };
  let access: Promise<Access> | undefined;

  async function open(): Promise<Access> {
    if (!settings.ok) return { ok: false, problem: 'fields', errors: settings.errors };
    const exchange: ExchangeResult = usesBroker(ctx, 'procountor')
      ? { ok: true, clientId: EXOPEN_CLIENT_ID, exchange: new BrokerTokenExchange(ctx.broker!) }
      : await exchangeFromCredentials(ctx.partnerCredentials, { recorder, ...timeout });
    if (!exchange.ok) return { ok: false, problem: 'partner', exchange };
    const client = new ProcountorClient({ ...settings.settings, apiKey, exchange: exchange.exchange, clientId: exchange.clientId, recorder, ...timeout });
    const reads = new Map<string, Promise<ReadOutcome>>();
    return {
      ok: true,
      settings: settings.settings,
      client,
      read(path, params, checkId) {
        const key = memoKey(path, params);
        const known = reads.get(key);
        if (known) return known;
        const signal = signals?.signal;
        const pending = client.get(path, params, { checkId, ...(signal ? { signal } : {}) }).then(
          (reply): ReadOutcome => ({ ok: true, reply }),
          (error: unknown): ReadOutcome => {
            if (isCheckFailure(error)) return { ok: false, error };
            throw error; // a bug, not a vendor failure: let it surface
          },
        );
        reads.set(key, pending);
        return pending;
      },
    };
  }

  return {
    settings,
    diagnosisContext,
    get signal() {
      return signals?.signal;
    },
    today: new Date(),
    requestCount: count,
    access: () => (access ??= open()),
  };
}
