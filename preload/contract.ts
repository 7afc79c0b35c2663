/**
 * The one contract between the renderer and the main process: every call with its zod input schema and its
 * result type, and every event. The Electron preload, the web host's bridge and the main-process handlers
 * are all derived from this object; nothing restates it.
 */
import { z } from 'zod';
import type {
  CheckEvent,
  CheckReport,
  Company,
  FieldError,
  Msg,
  SystemDescriptor,
  SystemId,
  VendorText,
} from '../main/connectors/types';

export type { CatalogueEntry, Diagnosis, DiagnosedResult, KnownProblem, TimelineEntry } from '../main/diagnose/types';
export type { CheckEvent, CheckReport, CheckResult, Company, FieldError, FieldSpec, MatrixRow, Msg, SystemDescriptor, SystemId, VendorText } from '../main/connectors/types';

import type { CatalogueEntry, Diagnosis } from '../main/diagnose/types';
import { SYSTEM_IDS } from '../main/connectors/registry';
import type { ErrorCode } from './error-codes';
import { ERROR_REPORT_LIMITS, ERROR_SOURCES } from './error-report';
import type { EVENT_NAMES, INVOKE_NAMES } from './names';

/** Declares a call: its input schema, and (type-only) its result. */
const call = <Out>() => <In extends z.ZodType>(input: In) => ({ input, output: undefined as unknown as Out });

/** Every system's id, from the one list (main/connectors/registry.ts). */
const systemId = z.enum(SYSTEM_IDS);
const draftId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'draft id');
const fieldId = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,40}$/, 'field id');
const fieldValues = z.record(fieldId, z.string().max(2000));
const dataSourceId = z.string().min(1).max(128);
const companyIds = z.array(z.string().min(1).max(64)).min(1).max(1000);
const wizardStep = z.enum(['system', 'prepare', 'credentials', 'test', 'companies', 'review', 'handoff', 'status']);

/** A renderer failure for main's log: every text bounded, nothing but these keys (strict). */
const errorReport = z.strictObject({
  source: z.enum(ERROR_SOURCES),
  name: z.string().max(ERROR_REPORT_LIMITS.name).optional(),
  message: z.string().min(1).max(ERROR_REPORT_LIMITS.message),
  stack: z.string().max(ERROR_REPORT_LIMITS.stack).optional(),
  componentStack: z.string().max(ERROR_REPORT_LIMITS.componentStack).optional(),
  /** Where the renderer was: the page, and the wizard's step. */
  view: z.enum(['wizard', 'dataSources', 'diagnose']).optional(),
  step: wizardStep.optional(),
});

export type ErrorReport = z.input<typeof errorReport>;

export type SecretBackend =
  | { readonly kind: 'keychain' }
  /** `locked`: a keychain exists but is locked; the UI then says to unlock it (log in again), not to install one. */
  | { readonly kind: 'memory'; readonly reason: string; readonly locked?: true };

/** Which of the user's choices a damaged settings file concerned: the backend, and who signs vendor requests. */
export type SettingsGroup = 'backend' | 'signers';

/**
 * Something found on disk at start (or since) that the user must hear about, once: a damaged settings file or
 * draft set aside, a log file that cannot be written. Each has a stable `id` for `app.dismissNotice`; a
 * dismissed notice is not shown again, and one whose cause is gone does not come back at the next start.
 */
export type StartupNotice =
  | {
      readonly id: string;
      readonly code: 'E_CONFIG_CORRUPT';
      /** The settings file. */
      readonly file: string;
      /** Where the damaged file was moved; absent when it could not be (settings live in memory, changes refused). */
      readonly keptAt?: string;
      /** Choices recovered from the damaged file, and choices back at their defaults (the sandbox, the broker). */
      readonly kept: ReadonlyArray<SettingsGroup>;
      readonly reset: ReadonlyArray<SettingsGroup>;
    }
  | {
      readonly id: string;
      readonly code: 'E_DRAFT_CORRUPT';
      readonly keptAt: string;
      /** The damaged setup's id when the file still said it (its secrets are `draft/<id>/…` in the keychain). */
      readonly draftId?: string;
      /** What became of its secrets: removed from the keychain, none stored, unknown (no id), or removal failed. */
      readonly secrets: 'removed' | 'none' | 'unknown' | 'failed';
    }
  | {
      readonly id: string;
      readonly code: 'E_LOG_UNAVAILABLE';
      /** The path in the way. */
      readonly path: string;
      readonly problem: 'not-a-folder' | 'not-a-file' | 'unwritable';
    };

export interface AppInfo {
  readonly version: string;
  readonly host: 'electron' | 'web';
  readonly sandbox: boolean;
  readonly backend: { readonly environment: 'sandbox' | 'production' | 'custom'; readonly url: string };
  readonly secretBackend: SecretBackend;
  readonly platform: string;
  /** The host can print the admin task pack to PDF (diagnose.taskPackPdf); the desktop app only. */
  readonly canPrintPdf: boolean;
  /** Notices not yet dismissed (StartupNotice), as of this call. */
  readonly notices: ReadonlyArray<StartupNotice>;
}

export type WizardStep = 'system' | 'prepare' | 'credentials' | 'test' | 'companies' | 'review' | 'handoff' | 'status';

/** The non-secret part of an unfinished setup; it survives a crash or restart. */
export interface Draft {
  readonly id: string;
  readonly system: SystemId;
  readonly step: WizardStep;
  readonly fields: Readonly<Record<string, string>>;
  readonly selectedCompanies: ReadonlyArray<string>;
  /** The Exopen company domain the data source goes to (chosen at Review). */
  readonly domainId?: string;
  /** Set when this setup recreates a broken data source instead of creating a new one. */
  readonly recreateOf?: string;
  readonly dataSourceId?: string;
  readonly updatedAt: string;
}

/** Who is signed in to Exopen. Tokens stay in main (keychain); the renderer sees only this. */
export type Session =
  | { readonly signedIn: false; readonly pending: boolean }
  | { readonly signedIn: true; readonly user: { readonly name: string; readonly email: string }; readonly expiresAt: string };

/** An Exopen company domain the signed-in user can see. */
export interface Domain {
  readonly id: string;
  readonly name: string;
  /** Only administrators may add data sources to a domain. */
  readonly canAdminister: boolean;
}

/** One connected credential, as the Data sources page shows it. */
export interface DataSourceCard {
  readonly id: string;
  readonly system: SystemId;
  readonly displayName: string;
  readonly domainId: string;
  /** Non-secret identity of the credential (e.g. the API User ID), to tell cards apart. */
  readonly credentialLabel: string;
  readonly companies: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly status: RunStatus;
  readonly lastSyncAt?: string;
  readonly error?: { readonly message: string; readonly resource?: string; readonly fix?: Msg };
}

export type BackendEnvironment = 'sandbox' | 'production' | 'custom';
export type SignerMode = 'broker' | 'local';

/** Where the assistant hands data sources to, and who signs vendor requests that need Exopen's partner keys. */
export interface EnvironmentSettings {
  readonly environment: BackendEnvironment;
  readonly url: string;
  /** Per system that needs Exopen's partner secret: through the Exopen broker, or local keys (support/sandbox). */
  readonly signers: Readonly<Partial<Record<SystemId, SignerMode>>>;
  /** False while a change waits for a restart of the assistant. */
  readonly active: boolean;
}

export interface ReviewItem {
  readonly field: string;
  readonly label: Msg;
  /** The value as sent; for a masked secret only bullets, never the value. */
  readonly value: string;
  /** A human label for the value (e.g. the name of a select option) where the raw value is a code. */
  readonly display?: Msg;
  readonly masked: boolean;
}

export interface Review {
  readonly items: ReadonlyArray<ReviewItem>;
  readonly companies: ReadonlyArray<Company>;
  readonly destination: string;
}

export type RunStatus = 'queued' | 'running' | 'done' | 'failed';

/** A company the credential of a data source reaches, and whether it is connected already ("Add companies"). */
export type AvailableCompany = Company & { readonly connected: boolean };

/** Where one company of a bulk hand-off stands (systems whose credential reaches several companies). */
export type BulkCompanyStatus = 'queued' | 'connecting' | 'connected' | 'failed';

/** One step of one company in a bulk hand-off, streamed as `handoff.progress`. */
export interface HandoffProgress {
  readonly draftId: string;
  readonly companyId: string;
  readonly status: BulkCompanyStatus;
  /** With `failed`: what went wrong, in a sentence. */
  readonly reason?: Msg;
  /** With `failed`: the fix, and the vendor's own words when it answered. */
  readonly fix?: Msg;
  readonly vendor?: VendorText;
}

/** A company a bulk hand-off could not connect; the others are connected and stay so. */
export interface CompanyFailure {
  readonly companyId: string;
  readonly name: string;
  readonly reason: Msg;
  readonly fix?: Msg;
  readonly vendor?: VendorText;
}

/** What a hand-off made: the data source, and any selected companies that could not be connected (retry them). */
export interface HandoffResult {
  readonly dataSourceId: string;
  readonly failed: ReadonlyArray<CompanyFailure>;
}

export interface DataSourceStatus {
  readonly dataSourceId: string;
  readonly displayName: string;
  readonly status: RunStatus;
  readonly progress: number;
  readonly resources: ReadonlyArray<{ readonly name: string; readonly status: RunStatus; readonly rows?: number; readonly error?: string }>;
  readonly error?: { readonly message: string; readonly resource?: string; readonly fix?: Msg };
}

export const contract = {
  invoke: {
    'app.info': call<AppInfo>()(z.object({})),
    /**
     * A renderer failure (render crash, uncaught error, rejected promise) for main's log, written redacted.
     * Main keeps at most a few per minute and counts the rest; `logged: false` means this one was dropped.
     */
    'app.logError': call<{ logged: boolean }>()(errorReport),
    /** Hides a StartupNotice for good (this run; its cause is gone by the next). `dismissed: false`: no such notice. */
    'app.dismissNotice': call<{ dismissed: boolean }>()(z.object({ id: z.string().min(1).max(200) })),
    'systems.list': call<ReadonlyArray<SystemDescriptor>>()(z.object({})),
    'drafts.current': call<Draft | null>()(z.object({})),
    'drafts.start': call<Draft>()(z.object({ system: systemId })),
    /** Starts a setup that recreates a broken data source (same system, same domain, new credential). */
    'drafts.recreate': call<Draft>()(z.object({ dataSourceId: z.string().min(1).max(128) })),
    'drafts.save': call<{ draft: Draft; errors: ReadonlyArray<FieldError> }>()(
      z.object({
        id: draftId,
        step: wizardStep,
        fields: fieldValues,
        selectedCompanies: z.array(z.string().max(64)).max(1000),
        domainId: z.string().min(1).max(128).optional(),
      }),
    ),
    'drafts.discard': call<{ discarded: true }>()(z.object({ id: draftId })),
    /** Stores one secret field in the keychain. The value never comes back over the bridge. */
    'secrets.put': call<{ stored: true; backend: SecretBackend['kind'] }>()(
      z.object({ draftId, field: fieldId, value: z.string().min(1).max(4096) }),
    ),
    'secrets.status': call<Readonly<Record<string, boolean>>>()(z.object({ draftId })),
    'checks.run': call<CheckReport>()(
      z.object({ draftId, operationId: z.string().uuid(), only: z.array(z.string().max(64)).max(50).optional() }),
    ),
    'checks.cancel': call<{ cancelled: boolean }>()(z.object({ operationId: z.string().uuid() })),
    'handoff.review': call<Review>()(z.object({ draftId })),
    /**
     * Creates the data source. Where one credential reaches several companies, each selected company is
     * verified and connected on its own (`handoff.progress`); those that fail come back in `failed`.
     */
    'handoff.submit': call<HandoffResult>()(z.object({ draftId })),
    /** Retries only the named companies of a bulk hand-off; companies already connected are never undone. */
    'handoff.retryCompanies': call<HandoffResult>()(z.object({ draftId, companyIds })),
    'status.get': call<DataSourceStatus>()(z.object({ dataSourceId: z.string().min(1).max(128) })),
    'links.open': call<{ opened: boolean }>()(z.object({ url: z.string().url().max(2000) })),
    'auth.status': call<Session>()(z.object({})),
    /** Opens the system browser for Exopen's sign-in and resolves when the loopback callback arrived (or failed). */
    'auth.signIn': call<Session>()(z.object({})),
    'auth.cancel': call<{ cancelled: boolean }>()(z.object({})),
    /** Removes every Exopen token from the keychain. */
    'auth.signOut': call<Session>()(z.object({})),
    'domains.list': call<ReadonlyArray<Domain>>()(z.object({})),
    'domains.create': call<Domain>()(z.object({ name: z.string().trim().min(2, 'name: at least 2 characters').max(80) })),
    'dataSources.list': call<ReadonlyArray<DataSourceCard>>()(z.object({})),
    /** Every company the credential of a data source reaches (asked at Exopen, which holds the credential). */
    'dataSources.companies': call<ReadonlyArray<AvailableCompany>>()(z.object({ id: dataSourceId })),
    'dataSources.addCompanies': call<DataSourceCard>()(
      z.object({ id: z.string().min(1).max(128), companies: z.array(z.object({ id: z.string().min(1).max(64), name: z.string().min(1).max(200) })).min(1).max(1000) }),
    ),
    /** Removing the last company deletes the credential (`deleted: true`). */
    'dataSources.removeCompanies': call<{ deleted: boolean; card?: DataSourceCard }>()(
      z.object({ id: z.string().min(1).max(128), companyIds: z.array(z.string().min(1).max(64)).min(1).max(1000) }),
    ),
    'dataSources.delete': call<{ deleted: true }>()(z.object({ id: z.string().min(1).max(128) })),
    /** The known-problems catalogue (searchable and printable in the Diagnose view). */
    'diagnose.catalogue': call<ReadonlyArray<CatalogueEntry>>()(z.object({})),
    /**
     * Runs every check of a credential for support: the setup in progress (`draftId`) or one typed into the
     * Diagnose view (`fields` + `secrets`, sent once and never returned). Progress as checks.progress.
     */
    'diagnose.run': call<Diagnosis>()(
      z.object({
        operationId: z.string().uuid(),
        system: systemId,
        draftId: draftId.optional(),
        fields: fieldValues.optional(),
        secrets: z.record(fieldId, z.string().min(1).max(4096)).optional(),
      }),
    ),
    /**
     * Sandbox only: runs the scenario that reproduces a known problem (its demo credential stays in main), as
     * diagnose.run would for a typed one; progress as checks.progress. E_NOT_SANDBOX outside the sandbox.
     */
    'diagnose.reproduce': call<Diagnosis>()(
      z.object({ operationId: z.string().uuid(), entryId: z.string().regex(/^[a-z]+\.[a-z0-9-]{1,60}$/, 'catalogue entry id') }),
    ),
    /** The exact bundle.json the support bundle of that run would contain (preview before saving). */
    'diagnose.bundlePreview': call<{ json: string }>()(z.object({ operationId: z.string().uuid() })),
    /** The redacted support bundle (zip) of that run; fails closed (E_BUNDLE_SECRET_FOUND) if a secret survived. */
    'diagnose.bundle': call<{ fileName: string; base64: string }>()(z.object({ operationId: z.string().uuid() })),
    /** A shareable checklist (HTML) for whoever administers the vendor side, with the fixes of that run if given. */
    'diagnose.taskPack': call<{ fileName: string; html: string }>()(z.object({ system: systemId, operationId: z.string().uuid().optional() })),
    /**
     * The same checklist printed to PDF (base64), where the host can print (AppInfo.canPrintPdf); otherwise
     * E_PDF_UNAVAILABLE. Scanned for the run's secrets before printing (E_BUNDLE_SECRET_FOUND).
     */
    'diagnose.taskPackPdf': call<{ fileName: string; base64: string }>()(z.object({ system: systemId, operationId: z.string().uuid().optional() })),
    'settings.get': call<EnvironmentSettings>()(z.object({})),
    'settings.set': call<EnvironmentSettings>()(
      z.object({
        environment: z.enum(['sandbox', 'production', 'custom']),
        url: z.string().url().max(2000).optional(),
        signers: z.partialRecord(systemId, z.enum(['broker', 'local'])).optional(),
      }),
    ),
  },
  events: {
    'checks.progress': undefined as unknown as { readonly operationId: string; readonly event: CheckEvent },
    'handoff.progress': undefined as unknown as HandoffProgress,
    'auth.changed': undefined as unknown as Session,
  },
} as const;

export type Contract = typeof contract;
export type InvokeName = keyof Contract['invoke'];
export type InvokeInput<K extends InvokeName> = z.input<Contract['invoke'][K]['input']>;
export type InvokeOutput<K extends InvokeName> = Contract['invoke'][K]['output'];
export type EventName = keyof Contract['events'];
export type EventPayload<K extends EventName> = Contract['events'][K];

/**
 * What a failed call returns. `code` is stable, one of ERROR_CODES (tests and the UI switch on it);
 * `message` is for people.
 */
export interface BridgeError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly fieldErrors?: ReadonlyArray<FieldError>;
}

export type Envelope<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: BridgeError };

/** Main-process handlers: one async function per call, typed from the contract. */
export type Handlers = { [K in InvokeName]: (input: z.output<Contract['invoke'][K]['input']>) => Promise<InvokeOutput<K>> };

/** How a bridge moves one call and subscribes to events; Electron IPC and the web host each provide one. */
export interface Transport {
  invoke(name: InvokeName, input: unknown): Promise<Envelope<unknown>>;
  subscribe(name: EventName, listener: (payload: unknown) => void): () => void;
}

type Namespaced<K extends string> = K extends `${infer NS}.${string}` ? NS : never;
type MethodOf<K extends string, NS extends string> = K extends `${NS}.${infer M}` ? M : never;

/** The bridge object exposed to the renderer: `bridge.checks.run(input)`, `bridge.on('checks.progress', cb)`. */
export type Bridge = {
  [NS in Namespaced<InvokeName>]: {
    [M in MethodOf<InvokeName, NS>]: (input: InvokeInput<`${NS}.${M}` & InvokeName>) => Promise<InvokeOutput<`${NS}.${M}` & InvokeName>>;
  };
} & {
  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void;
};

// The runtime half (no zod): the renderer and the preload import it from './bridge' directly.
export { BridgeCallError, createBridge, isBridgeCallError } from './bridge';
// The error codes (no zod either): the renderer imports them from './error-codes' directly.
export { ERROR_CODES, INTERNAL_ERROR_CODES, isErrorCode, type ErrorCode, type InternalErrorCode } from './error-codes';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** Compile-time: names.ts lists exactly the contract's calls and events. */
export type InvokeNamesMatchContract = Assert<Same<(typeof INVOKE_NAMES)[number], InvokeName>>;
export type EventNamesMatchContract = Assert<Same<(typeof EVENT_NAMES)[number], EventName>>;
