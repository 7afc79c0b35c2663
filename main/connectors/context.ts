import type { SystemId } from './types';

/**
 * What the service layer hands every connector factory. Kept small and system-neutral: a connector takes
 * what it needs from here and nothing reaches into a connector's internals.
 */
export interface ConnectorContext {
  /** Base URLs of the local simulators, present when the assistant runs in sandbox mode. */
  readonly sandboxUrls?: Partial<Record<SystemId, string>>;
  /**
   * Exopen's own partner credentials for systems that sign or exchange locally (support and sandbox
   * installs). Production installs get none here: their steps go through the Exopen broker (a later issue).
   */
  readonly partnerCredentials: PartnerCredentialSource;
  /**
   * Exopen's partner broker: signs and exchanges with Exopen's partner secrets on the backend, so the app
   * never holds them. Used for every system whose mode is 'broker' (the default when a broker exists).
   */
  readonly broker?: PartnerBroker;
  /** Per system: the broker or local partner credentials. Without it: the broker when there is one. */
  readonly partnerMode?: (system: SystemId) => 'broker' | 'local';
  /** Records each vendor request for the Diagnose timeline and the bench (method, redacted URL, status). */
  readonly recorder?: RequestRecorder;
  /**
   * Overall deadline of each vendor request (connectors/shared/limits.ts), overriding each connector's vendor
   * figure (the CLI's --request-deadline, tests, bench).
   */
  readonly timeoutMs?: number;
  /** Check and run deadlines for every run of this context (the CLI's --check-deadline, --run-deadline); RunOptions.deadlines wins. */
  readonly deadlines?: { readonly checkMs?: number; readonly runMs?: number };
}

export interface PartnerCredentialSource {
  /** Where the credentials come from, shown in the UI ("sandbox keys", "support keychain"). */
  describe(system: SystemId): Promise<'sandbox' | 'keychain' | 'environment' | 'none'>;
  get(system: SystemId): Promise<Readonly<Record<string, string>> | undefined>;
}

export interface RecordedRequest {
  readonly method: string;
  /** URL with query values that could carry secrets removed. */
  readonly url: string;
  readonly status?: number;
  readonly durationMs: number;
  readonly checkId?: string;
  readonly error?: string;
}

export interface RequestRecorder {
  record(request: RecordedRequest): void;
}

/**
 * Exopen's partner broker as the connectors see it: the Exopen client's broker calls. Empty here; each
 * connector that needs one adds its own call (its port) by augmenting this interface in its folder, e.g.
 * `declare module '../context' { interface PartnerBroker { brokerNetvisorSign(…): … } }`, and the Exopen
 * client implements them all (services/broker.ts hands it over; the compiler checks it fits every port).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by each connector's augmentation
export interface PartnerBroker {}

/** Whether a system should go through the broker in this context. */
export const usesBroker = (ctx: ConnectorContext, system: SystemId): boolean =>
  ctx.broker !== undefined && (ctx.partnerMode?.(system) ?? 'broker') === 'broker';

/**
 * The vendor refused what the broker relayed (e.g. Procountor rejected the API key): the vendor's own
 * status and words, so the connector explains it exactly as if it had asked the vendor itself.
 */
export class BrokerRefusedError extends Error {
  readonly code = 'E_BROKER_REFUSED';
  constructor(
    readonly status: number,
    readonly vendorError: string,
    readonly vendorDescription: string,
  ) {
    super(`the vendor refused the broker's request (HTTP ${status})`);
    this.name = 'BrokerRefusedError';
  }
}

/**
 * The broker asked the vendor and got no usable answer (no answer in time, a dropped connection): the vendor
 * is what cannot be reached, not Exopen, so the connector reports it as a failed check, not a broken run.
 */
export class BrokerUpstreamUnavailableError extends Error {
  readonly code = 'E_BROKER_UPSTREAM_UNAVAILABLE';
  constructor(readonly detail: string) {
    super(`the vendor gave the broker no usable answer: ${detail}`);
    this.name = 'BrokerUpstreamUnavailableError';
  }
}
