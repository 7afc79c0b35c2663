/**
 * One check run's shared state: the settings as read, the signer, one client, and a memo of resource probes
 * so the authentication, company and rights checks reuse one answer instead of asking Netvisor twice.
 */
import type { ConnectorContext, RequestRecorder } from '../context';
import { countingRecorder } from '../shared/countingRecorder';
import type { CheckInput, FieldError } from '../types';
import type { CheckId } from './checkIds';
import { NetvisorClient, type NetvisorReply } from './client';
import { isCheckFailure, type CheckFailure, type DiagnosisContext } from './diagnosis';
import type { NetvisorResource } from './resources';
import { readSettings, type NetvisorSettings, type SettingsResult } from './settings';
import { signerFromCredentials, type SignerResult } from './signer';
import { BrokerSigner, brokerPortOf } from './brokerSigner';
import { usesBroker } from '../context';

export type ProbeOutcome = { readonly ok: true; readonly reply: NetvisorReply } | { readonly ok: false; readonly error: CheckFailure };

export type Access =
  | { readonly ok: true; readonly settings: NetvisorSettings; probe(resource: NetvisorResource, checkId: CheckId): Promise<ProbeOutcome> }
  | { readonly ok: false; readonly problem: 'fields'; readonly errors: ReadonlyArray<FieldError> }
  | { readonly ok: false; readonly problem: 'partner'; readonly signer: Exclude<SignerResult, { ok: true }> };

export interface Session {
  readonly settings: SettingsResult;
  readonly diagnosisContext: DiagnosisContext;
  readonly signal?: AbortSignal;
  readonly recorder: RequestRecorder;
  readonly timeoutMs?: number;
  requestCount(): number;
  access(): Promise<Access>;
}


/**
 * Where the session's requests find their signal: the run's scope (shared/runChecks.ts RunScope), read at
 * each request so every request carries the deadline of the check running then.
 */
export interface SignalSource {
  readonly signal?: AbortSignal | undefined;
}

export function createSession(ctx: ConnectorContext, input: CheckInput, signals?: SignalSource): Session {
  const customerKey = input.secrets['customerKey']?.trim() ?? '';
  const settings = readSettings(input.fields, { customerKey: customerKey !== '' }, ctx);
  const { recorder, count } = countingRecorder(ctx.recorder);
  const baseUrl = settings.ok ? settings.settings.baseUrl : settings.baseUrl;
  const diagnosisContext: DiagnosisContext = {
    host: baseUrl ? new URL(baseUrl).host : '',
    businessId: settings.ok ? settings.settings.businessId : (input.fields['businessId'] ?? ''),
    customUrl: input.fields['environment'] === 'custom',
  };
  const today = new Date();
  let access: Promise<Access> | undefined;

  async function open(): Promise<Access> {
    if (!settings.ok) return { ok: false, problem: 'fields', errors: settings.errors };
    const signer: SignerResult = usesBroker(ctx, 'netvisor')
      ? { ok: true, signer: new BrokerSigner(brokerPortOf(ctx.broker!)) }
      : await signerFromCredentials(ctx.partnerCredentials);
    if (!signer.ok) return { ok: false, problem: 'partner', signer };
    const client = new NetvisorClient({
      baseUrl: settings.settings.baseUrl,
      customerId: settings.settings.customerId,
      customerKey,
      organisationId: settings.settings.businessId,
      signer: signer.signer,
      recorder,
      ...(ctx.timeoutMs === undefined ? {} : { timeoutMs: ctx.timeoutMs }),
    });
    const probes = new Map<string, Promise<ProbeOutcome>>();
    const probe = (resource: NetvisorResource, checkId: CheckId): Promise<ProbeOutcome> => {
      const known = probes.get(resource.path);
      if (known) return known;
      const signal = signals?.signal;
      const pending = client.get(resource.path, resource.probe(today), { checkId, ...(signal ? { signal } : {}) }).then(
        (reply): ProbeOutcome => ({ ok: true, reply }),
        (error: unknown): ProbeOutcome => {
          if (isCheckFailure(error)) return { ok: false, error };
          throw error; // a bug, not a vendor failure: let it surface
        },
      );
      probes.set(resource.path, pending);
      return pending;
    };
    return { ok: true, settings: settings.settings, probe };
  }

  return {
    settings,
    diagnosisContext,
    get signal() {
      return signals?.signal;
    },
    recorder,
    ...(ctx.timeoutMs === undefined ? {} : { timeoutMs: ctx.timeoutMs }),
    requestCount: count,
    access: () => (access ??= open()),
  };
}
