/**
 * The wizard as one discriminated union: each step carries exactly the data it needs, plus `busy` and
 * `error`. The `session` (one draft of one system) is shared by every step after "Choose system".
 */
import type {
  AppInfo,
  BulkCompanyStatus,
  CheckReport,
  CheckResult,
  DataSourceStatus,
  ErrorCode,
  EventPayload,
  FieldError,
  MatrixRow,
  Msg,
  Review,
  StartupNotice,
  SystemDescriptor,
  SystemId,
  VendorText,
  WizardStep,
} from '../../../preload/contract';
import type {
  AccountActions,
  AuthState,
  DataSourceActions,
  DataSourcesState,
  DomainActions,
  DomainsState,
  SettingsSave,
  SettingsState,
  View,
} from './accountTypes';
import type { DiagnoseActions, DiagnoseState } from './diagnoseTypes';
import type { ErrorSource } from './errorReport';

/** An error as the UI shows it: a stable code (its meaning: renderer/src/errors.ts), the message for people and any field errors. */
export interface UiError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly fieldErrors?: ReadonlyArray<FieldError>;
}

/** One unfinished setup of one system. Holds no secret, only whether each secret field is stored. */
export interface Session {
  readonly draftId: string;
  readonly descriptor: SystemDescriptor;
  /** Non-secret field values as typed. */
  readonly fields: Readonly<Record<string, string>>;
  /** From the latest drafts.save answer. */
  readonly fieldErrors: ReadonlyArray<FieldError>;
  readonly secretsStored: Readonly<Record<string, boolean>>;
  /** Prerequisites the admin ticked (kept for this session only). */
  readonly ticked: ReadonlyArray<string>;
  readonly report: CheckReport | null;
  readonly selectedCompanies: ReadonlyArray<string>;
  readonly dataSourceId: string | null;
  /** The Exopen company domain chosen at Review (saved in the draft). */
  readonly domainId: string | null;
  /** The data source this setup recreates, if it is a recreate. */
  readonly recreateOf: string | null;
}

export type LiveStatus = 'pending' | 'running' | CheckResult['status'];

/** One check as the Test step shows it while a run streams in. */
export interface LiveCheck {
  readonly status: LiveStatus;
  readonly result: CheckResult | null;
  readonly rows: ReadonlyArray<MatrixRow>;
  readonly done?: number;
  readonly total?: number;
}

export interface CheckRun {
  /** The run whose events and answer are accepted; anything else is stale and dropped. */
  readonly operationId: string | null;
  readonly running: boolean;
  readonly cancelling: boolean;
  readonly cancelled: boolean;
  readonly checks: Readonly<Record<string, LiveCheck>>;
}

interface StepBase {
  readonly busy: boolean;
  readonly error: UiError | null;
}

export interface SystemState extends StepBase {
  readonly step: 'system';
  readonly selected: SystemId | null;
  /** A draft started earlier in this visit; reused when the same system is chosen again. */
  readonly session: Session | null;
}
export interface PrepareState extends StepBase {
  readonly step: 'prepare';
  readonly session: Session;
}
export interface CredentialsState extends StepBase {
  readonly step: 'credentials';
  readonly session: Session;
  /** Secret values typed but not yet stored; cleared the moment secrets.put succeeds. */
  readonly typedSecrets: Readonly<Record<string, string>>;
  readonly touched: ReadonlyArray<string>;
  /** After a Test attempt, errors show on untouched fields too. */
  readonly showAllErrors: boolean;
  /** Field problems Exopen reported at hand-off; each goes away once its field is edited. */
  readonly externalErrors: ReadonlyArray<FieldError>;
  /** The field to focus when the step opens (from a hand-off error's link). */
  readonly focusField: string | null;
}
export interface TestState extends StepBase {
  readonly step: 'test';
  readonly session: Session;
  readonly run: CheckRun;
  /** A run that waits for an Exopen sign-in (the broker signs the vendor requests); it starts right after. */
  readonly deferred: 'all' | 'failed' | null;
}
export interface CompaniesState extends StepBase {
  readonly step: 'companies';
  readonly session: Session;
  /** Systems that reach several companies hide inactive ones until asked (the Show inactive switch). */
  readonly showInactive: boolean;
}
export interface ReviewState extends StepBase {
  readonly step: 'review';
  readonly session: Session;
  readonly review: Review | null;
}
/** One company of a bulk hand-off, as its row shows it. */
export interface BulkRow {
  readonly companyId: string;
  readonly name: string;
  readonly status: BulkCompanyStatus;
  readonly reason?: Msg;
  readonly fix?: Msg;
  readonly vendor?: VendorText;
}

/** A hand-off that connects company by company (systems whose credential reaches several companies). */
export interface BulkHandoff {
  /** In the order selected. */
  readonly rows: ReadonlyArray<BulkRow>;
  /** Known once the data source exists (after the first company connected). */
  readonly dataSourceId: string | null;
}

export interface HandoffState extends StepBase {
  readonly step: 'handoff';
  readonly session: Session;
  /** Per-company rows, for systems that connect company by company; null for a one-company credential. */
  readonly bulk: BulkHandoff | null;
}
export interface StatusState extends StepBase {
  readonly step: 'status';
  readonly session: Session;
  readonly dataSourceId: string;
  readonly status: DataSourceStatus | null;
}

export type WizardState =
  | SystemState
  | PrepareState
  | CredentialsState
  | TestState
  | CompaniesState
  | ReviewState
  | HandoffState
  | StatusState;

export type StepOf<S extends WizardStep> = Extract<WizardState, { step: S }>;

export type BootState =
  | { readonly phase: 'loading' }
  | { readonly phase: 'failed'; readonly error: UiError }
  | { readonly phase: 'ready'; readonly appInfo: AppInfo; readonly systems: ReadonlyArray<SystemDescriptor> };

export type Toast =
  | 'copied'
  | 'copyFailed'
  | 'discarded'
  | 'linkRefused'
  | 'signedOut'
  | 'signOutFailed'
  | 'settingsSaved'
  | 'settingsSavedRestart'
  | 'domainCreated'
  | 'credentialDeleted'
  | 'companiesRemoved'
  | 'companiesAdded';

export interface WizardActions {
  load(): Promise<void>;
  selectSystem(id: SystemId): void;
  confirmSystem(): Promise<void>;
  back(): void;
  togglePrerequisite(id: string): void;
  continueFromPrepare(): void;
  editField(id: string, value: string): void;
  touchField(id: string): void;
  typeSecret(id: string, value: string): void;
  storeSecret(id: string): Promise<void>;
  startTest(): Promise<void>;
  runChecks(scope: 'all' | 'failed'): Promise<void>;
  cancelChecks(): Promise<void>;
  applyCheckEvent(payload: EventPayload<'checks.progress'>): void;
  continueFromTest(): void;
  toggleCompany(id: string): void;
  selectAllCompanies(select: boolean): void;
  /** Shows or hides inactive companies; hiding them also unticks them (nothing is sent unseen). */
  showInactiveCompanies(show: boolean): void;
  continueFromCompanies(): void;
  loadReview(): Promise<void>;
  submitHandoff(): Promise<void>;
  applyHandoffProgress(payload: EventPayload<'handoff.progress'>): void;
  /** Connects the companies of a bulk hand-off that failed, again (the connected ones stay). */
  retryFailedCompanies(): Promise<void>;
  /** Leaves a bulk hand-off with failed companies for Status (they can be added later from Data sources). */
  continueToStatus(): void;
  /** Back to Credentials from a failed hand-off, optionally focusing the field Exopen named. */
  fixCredentials(fieldId?: string): void;
  startStatusPolling(): () => void;
  connectAnother(): Promise<void>;
  discardDraft(): Promise<void>;
  dismissResumed(): void;
  /** Hides a start-up notice here and in main, so it does not come back on a reload. */
  dismissNotice(id: string): Promise<void>;
  copy(value: string): Promise<void>;
  openLink(url: string): Promise<void>;
  closeToast(): void;
}

/** A render crash or another renderer failure: reported to main's log, and the way back from the fallback. */
export interface CrashActions {
  /** The one reporting function: never throws, whatever was thrown and whether main answers. */
  reportError(source: ErrorSource, error: unknown, componentStack?: string | null): void;
  /**
   * Readies the store for the app to mount again after a crash: saves the draft, closes dialogs and lets the
   * app load afresh from main. `startOver` also returns to the wizard's first step (the draft is kept).
   */
  recoverFromCrash(mode: 'retry' | 'startOver'): Promise<void>;
}

export type AppActions = WizardActions & AccountActions & DomainActions & DataSourceActions & DiagnoseActions & CrashActions;

export interface AppState {
  readonly boot: BootState;
  readonly wizard: WizardState;
  /** The wizard was restored from a saved draft; the notice offers to discard it. */
  readonly resumed: boolean;
  /** What main found on disk at start (a damaged file set aside, no log file), until dismissed. */
  readonly notices: ReadonlyArray<StartupNotice>;
  readonly toast: Toast | null;
  /** Which page of the shell is shown. */
  readonly view: View;
  readonly auth: AuthState;
  readonly settings: SettingsState;
  readonly settingsSave: SettingsSave;
  readonly domains: DomainsState;
  readonly dataSources: DataSourcesState;
  /** How many sign-in panels are on screen; while one is, the header leaves sign-in to it. */
  readonly signInPanels: number;
  /** The Diagnose page (support agents). */
  readonly diagnose: DiagnoseState;
  readonly actions: AppActions;
}
