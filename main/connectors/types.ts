/**
 * The shapes every connector speaks. A connector is one folder under connectors/ that exports a
 * `ConnectorModule`; the registry lists them. Nothing here imports Node or Electron, so the renderer may
 * import these *types* (through preload/contract.ts) without pulling in main-process code.
 */

/** A translatable message: an i18next key under resources/locales plus its interpolation values. */
export interface Msg {
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export const msg = (key: string, params?: Record<string, string | number>): Msg =>
  params ? { key, params } : { key };

/** A system's id, derived from the one list of systems (registry.ts). */
export type SystemId = import('./registry').SystemIdOf;

/** One input of the credentials step. Secret fields go to the keychain and never come back. */
export interface FieldSpec {
  readonly id: string;
  readonly kind: 'text' | 'secret' | 'select' | 'fixed';
  readonly label: Msg;
  /** "Where to find it" text shown under the field. */
  readonly help?: Msg;
  readonly placeholder?: string;
  readonly required: boolean;
  readonly options?: ReadonlyArray<{ readonly value: string; readonly label: Msg }>;
  readonly defaultValue?: string;
  /** For `fixed` fields: the value shown read-only with a copy button (e.g. the partner search key). */
  readonly fixedValue?: string;
  /** Only shown when another field has one of these values, e.g. baseUrl when environment=custom. */
  readonly showWhen?: { readonly field: string; readonly equals: ReadonlyArray<string> };
}

/** One item of the "before you start" checklist. */
export interface Prerequisite {
  readonly id: string;
  readonly title: Msg;
  readonly body: Msg;
  /** A value the admin pastes into the vendor UI (shown with a copy button). */
  readonly copyValue?: string;
  readonly link?: string;
}

export interface CheckSpec {
  readonly id: string;
  readonly title: Msg;
}

export interface SystemDescriptor {
  readonly id: SystemId;
  readonly name: string;
  readonly vendor: string;
  readonly summary: Msg;
  readonly fields: ReadonlyArray<FieldSpec>;
  readonly prerequisites: ReadonlyArray<Prerequisite>;
  readonly checks: ReadonlyArray<CheckSpec>;
  /**
   * One credential reaches several companies (a Vitec API user sees every company of its installation), so
   * the Companies step offers Select all and Show inactive, the hand-off connects company by company, and a
   * credential card offers "Add companies". A Netvisor or Procountor credential belongs to one company.
   */
  readonly reachesSeveralCompanies: boolean;
}

/** A field-level validation problem: names the field and the fix. */
export interface FieldError {
  readonly field: string;
  readonly message: Msg;
}

/** The vendor's own words, verbatim, as they arrived. */
export interface VendorText {
  readonly code?: string;
  readonly text: string;
  readonly httpStatus?: number;
}

/** One row of a matrix check (e.g. Netvisor's rights of interface resources). */
export type MatrixRow =
  | { readonly id: string; readonly label: Msg; readonly status: 'allowed' }
  | {
      readonly id: string;
      readonly label: Msg;
      readonly status: 'blocked' | 'unavailable' | 'error';
      readonly vendor?: VendorText;
      readonly meaning: Msg;
      readonly fix: Msg;
    };

/**
 * Who has to act when a check fails: the customer admin (fix in the vendor UI), nobody yet because we
 * could not reach the vendor (network, maintenance), or the input itself is wrong.
 */
export type FailureKind = 'customer-action' | 'unreachable' | 'input';

export type CheckResult =
  | {
      readonly checkId: string;
      readonly status: 'passed';
      readonly summary: Msg;
      readonly rows?: ReadonlyArray<MatrixRow>;
      readonly durationMs: number;
    }
  | {
      readonly checkId: string;
      readonly status: 'failed' | 'warning';
      readonly kind: FailureKind;
      readonly summary: Msg;
      readonly vendor?: VendorText;
      readonly meaning: Msg;
      readonly fix: Msg;
      readonly rows?: ReadonlyArray<MatrixRow>;
      readonly durationMs: number;
    }
  | {
      readonly checkId: string;
      readonly status: 'skipped';
      readonly summary: Msg;
      readonly durationMs: 0;
    };

export interface Company {
  readonly id: string;
  readonly name: string;
  readonly businessId?: string;
  readonly active: boolean;
  /** Why this company cannot be picked, if it cannot. */
  readonly note?: Msg;
}

export type Overall = 'passed' | 'warning' | 'failed';

export interface CheckReport {
  readonly system: SystemId;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly overall: Overall;
  readonly results: ReadonlyArray<CheckResult>;
  readonly companies: ReadonlyArray<Company>;
  /** Number of HTTP requests the run made (for the bench and the Diagnose timeline). */
  readonly requestCount: number;
}

/** Live progress of a check run, streamed to the UI and the CLI. */
export type CheckEvent =
  | { readonly type: 'check-started'; readonly checkId: string }
  | { readonly type: 'row'; readonly checkId: string; readonly row: MatrixRow; readonly done: number; readonly total: number }
  | { readonly type: 'check-finished'; readonly result: CheckResult }
  | { readonly type: 'run-finished'; readonly report: CheckReport };

export interface CheckInput {
  /** Non-secret field values as typed (normalised by the connector). */
  readonly fields: Readonly<Record<string, string>>;
  /** Secret field values, read from the SecretStore by the service layer just for this run. */
  readonly secrets: Readonly<Record<string, string>>;
}

export interface RunOptions {
  /** Re-run only these checks (and what they depend on); earlier results of the others are kept by the caller. */
  readonly only?: ReadonlyArray<string>;
  /** The previous report of this credential, so a partial re-run can keep what it did not re-test. */
  readonly previous?: CheckReport;
  /**
   * A key swap (recreate): the companies the data source already reads. A credential bound to one company
   * (Procountor) that belongs to another fails its identity check here, at Test, not later at the hand-off.
   */
  readonly expectedCompanies?: ReadonlyArray<Company>;
  readonly signal?: AbortSignal;
  /** Override the check and run deadlines (connectors/shared/limits.ts; tests). */
  readonly deadlines?: { readonly checkMs?: number; readonly runMs?: number };
  readonly onEvent: (event: CheckEvent) => void;
}

/**
 * What the Exopen backend receives for a data source. `secrets` travel once, over TLS, to the backend
 * (that is the point of the handoff) and are masked everywhere they are shown.
 */
export interface DataSourceConfig {
  readonly system: SystemId;
  readonly displayName: string;
  readonly settings: Readonly<Record<string, string>>;
  readonly secrets: Readonly<Record<string, string>>;
  readonly companies: ReadonlyArray<{ readonly id: string; readonly name: string }>;
}

/** Why one company could not be connected: what happened, what it means and the fix, the vendor's words verbatim. */
export interface CompanyProbeFailure {
  readonly kind: FailureKind;
  readonly meaning: Msg;
  readonly fix: Msg;
  readonly vendor?: VendorText;
}

/** Whether one company can be read right now with a credential (the bulk connect verifies each one). */
export type CompanyProbe =
  | { readonly ok: true; readonly company: Company }
  | { readonly ok: false; readonly summary: Msg; readonly diagnosis: CompanyProbeFailure };

export interface Connector {
  readonly descriptor: SystemDescriptor;
  /** Normalise and validate non-secret + secret fields; an empty list means the form is complete. */
  validate(fields: Readonly<Record<string, string>>, secrets: Readonly<Record<string, boolean>>): ReadonlyArray<FieldError>;
  /** Run the named checks against the vendor, streaming progress. Never throws for vendor failures. */
  runChecks(input: CheckInput, options: RunOptions): Promise<CheckReport>;
  /** What the handoff sends, built from verified fields. */
  buildConfig(input: CheckInput, companies: ReadonlyArray<Company>): DataSourceConfig;
  /**
   * Reads one company with the credential, for systems whose credential reaches several companies: the
   * hand-off verifies each selected company before it is connected. Never throws for vendor failures.
   */
  probeCompany?(input: CheckInput, companyId: string, signal?: AbortSignal): Promise<CompanyProbe>;
}
