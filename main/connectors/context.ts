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
  /** Records each vendor request for the Diagnose timeline and the bench (method, redacted URL, status). */
  readonly recorder?: RequestRecorder;
  /** Request timeout override (tests and bench); each connector has its own vendor-mandated default. */
  readonly timeoutMs?: number;
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
