/**
 * Everything beside the wizard: the Exopen sign-in, the environment settings, company domains and the
 * Data sources page. Like the wizard, each part is a discriminated union or carries its own busy/error.
 * No token ever reaches the renderer: the session is only who is signed in.
 */
import type {
  AvailableCompany,
  DataSourceCard,
  Domain,
  EnvironmentSettings,
  InvokeInput,
  Session as ExopenSession,
  SystemId,
} from '../../../preload/contract';
import type { UiError } from './types';

export type View = 'wizard' | 'dataSources' | 'diagnose';

export type AuthState =
  /** auth.status has not answered yet. */
  | { readonly phase: 'unknown' }
  | {
      readonly phase: 'signedOut';
      /** The browser sign-in is under way. */
      readonly pending: boolean;
      readonly error: UiError | null;
      /** The session ended on its own (expired, revoked): the panel says nothing typed was lost. */
      readonly ended: boolean;
    }
  | { readonly phase: 'signedIn'; readonly user: { readonly name: string; readonly email: string }; readonly expiresAt: string };

export type SettingsState =
  | { readonly phase: 'loading' }
  | { readonly phase: 'failed'; readonly error: UiError }
  | { readonly phase: 'ready'; readonly value: EnvironmentSettings };

export interface SettingsSave {
  readonly busy: boolean;
  readonly error: UiError | null;
}

export type SettingsInput = InvokeInput<'settings.set'>;

export type DomainList =
  | { readonly phase: 'idle' }
  | { readonly phase: 'loading' }
  | { readonly phase: 'failed'; readonly error: UiError }
  | { readonly phase: 'ready'; readonly list: ReadonlyArray<Domain> };

export interface DomainsState {
  readonly list: DomainList;
  readonly creating: boolean;
  readonly createError: UiError | null;
}

/** A setup the Data sources page starts: a new credential for a system, or a recreate of a card. */
export type NextSetup = { readonly kind: 'start'; readonly system: SystemId } | { readonly kind: 'recreate'; readonly cardId: string };

interface DialogBase {
  readonly busy: boolean;
  readonly error: UiError | null;
}

/** The one dialog the Data sources page may have open. */
export type CardDialog =
  | (DialogBase & {
      readonly kind: 'add';
      readonly cardId: string;
      /** Every company the credential reaches, the connected ones marked; null while it loads. */
      readonly available: ReadonlyArray<AvailableCompany> | null;
      /** Ticked ids; the connected ones are always among them (locked). */
      readonly selected: ReadonlyArray<string>;
    })
  | (DialogBase & { readonly kind: 'remove'; readonly cardId: string; readonly selected: ReadonlyArray<string> })
  | (DialogBase & { readonly kind: 'delete'; readonly cardId: string })
  /** Starting another setup replaces the unfinished one: asked first. */
  | (DialogBase & { readonly kind: 'replaceDraft'; readonly next: NextSetup });

export interface DataSourcesState {
  /** null until the first list arrived. */
  readonly cards: ReadonlyArray<DataSourceCard> | null;
  readonly loading: boolean;
  /** Loading the list failed. */
  readonly error: UiError | null;
  /** Starting a new or recreated setup failed. */
  readonly actionError: UiError | null;
  readonly dialog: CardDialog | null;
}

export interface AccountActions {
  /** auth.status and settings.get at start, and the auth.changed subscription. */
  loadAccount(): Promise<void>;
  applySession(session: ExopenSession): void;
  signIn(): Promise<void>;
  cancelSignIn(): Promise<void>;
  signOut(): Promise<void>;
  /** Hides a sign-in error or "session ended" notice. */
  dismissSignInNotice(): void;
  /** Registers a sign-in panel on screen; returns its unregistration. */
  signInPanelShown(): () => void;
  /** Saves; says whether the change is in force now or after a restart, or failed (see settingsSave.error). */
  saveSettings(input: SettingsInput): Promise<'active' | 'restart' | 'failed'>;
  clearSettingsError(): void;
  showView(view: View): void;
}

export interface DomainActions {
  loadDomains(): Promise<void>;
  chooseDomain(id: string): void;
  /** True when the domain was created (and, at Review, chosen). */
  createDomain(name: string): Promise<boolean>;
  clearDomainCreateError(): void;
}

export interface DataSourceActions {
  loadDataSources(): Promise<void>;
  /** Loads the cards and refreshes them every 2 s while any is queued or running; returns the stop. */
  watchDataSources(): () => void;
  openCardDialog(kind: 'add' | 'remove' | 'delete', cardId: string): void;
  toggleDialogCompany(companyId: string): void;
  closeCardDialog(): void;
  confirmCardDialog(): Promise<void>;
  startNewCredential(system: SystemId): Promise<void>;
  recreateDataSource(cardId: string): Promise<void>;
  dismissDataSourcesError(): void;
}
