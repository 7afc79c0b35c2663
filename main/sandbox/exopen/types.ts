/**
 * Shapes of the sandbox Exopen backend: the initial-run runner port and the records it keeps. The records'
 * run part has the API's shape (openapi/exopen.yaml InitialRun); secrets appear in none of them.
 */
import type { ExopenSystemId, RunStatus } from '../../exopen/schemas';

/** What a runner gets to know about the data source it fills. Secrets come separately, from memory only. */
export interface RunDataSource {
  readonly id: string;
  readonly system: ExopenSystemId;
  readonly settings: Readonly<Record<string, string>>;
  readonly companies: ReadonlyArray<{ readonly id: string; readonly name: string }>;
}

/**
 * One step of a resource. `queued` is optional: a runner that announces its whole plan first gets an exact
 * progress figure; one that does not still works, its progress just counts the resources it has seen.
 */
export interface RunUpdate {
  readonly resource: string;
  readonly status: 'queued' | 'running' | 'done' | 'failed';
  readonly rows?: number;
  readonly error?: { readonly message: string; readonly code?: string };
}

/**
 * Pulls the initial data of a new data source. Resolving ends the run (failed if any resource failed);
 * rejecting fails it with the error's message. `signal` aborts when the sandbox closes.
 */
export type InitialRunRunner = (
  dataSource: RunDataSource,
  secrets: Readonly<Record<string, string>>,
  report: (update: RunUpdate) => void,
  signal: AbortSignal,
) => Promise<void>;

/** A company a credential reaches at the vendor, as a lister reports it. */
export interface ListedCompany {
  readonly id: string;
  readonly name: string;
  readonly active: boolean;
}

/** What asking the vendor for a credential's companies came to. */
export type CompanyListing =
  | { readonly kind: 'listed'; readonly companies: ReadonlyArray<ListedCompany> }
  /** The vendor refused the credential (4xx); its own code and text, secrets removed. */
  | { readonly kind: 'refused'; readonly status: number; readonly error?: string; readonly errorDescription?: string }
  /** No usable answer (network, 5xx, a body that is not the vendor's); `why` names only the kind. */
  | { readonly kind: 'unavailable'; readonly why: string };

/**
 * Lists every company a data source's credential reaches, for one system (`GET .../available-companies`).
 * Secrets come from the vault's memory. Systems without a lister answer their connected companies.
 */
export type CompanyLister = (dataSource: RunDataSource, secrets: Readonly<Record<string, string>>, signal: AbortSignal) => Promise<CompanyListing>;

export interface StoredResource {
  name: string;
  status: RunStatus;
  rows?: number;
  error?: { message: string; code?: string };
}

export interface StoredRun {
  status: RunStatus;
  progress: number;
  startedAt?: string;
  finishedAt?: string;
  resources: StoredResource[];
  error?: { message: string; resource?: string; code?: string };
}

/** One run of a data source: an initial run (after create or recreate) or a scheduled sync. */
export interface StoredSync extends StoredRun {
  id: string;
  kind: 'initial' | 'scheduled';
}

/**
 * A data source as persisted: metadata, settings and sync history, the names of its secret fields, and a
 * keyed fingerprint of the credential identity (one credential, one data source per domain; store.ts).
 */
export interface StoredDataSource {
  id: string;
  domainId: string;
  system: ExopenSystemId;
  displayName: string;
  credentialLabel: string;
  settings: Record<string, string>;
  secretFields: string[];
  identity: string;
  companies: Array<{ id: string; name: string }>;
  createdAt: string;
  /** Oldest first; the last `initial` one is the data source's `initialRun`. */
  syncs: StoredSync[];
}

export interface StoredDomain {
  id: string;
  name: string;
  createdAt: string;
}

export type DomainRole = 'admin' | 'member';

/** A user's role in a domain; users are known by email (what the identity provider and seeds share). */
export interface StoredMembership {
  email: string;
  domainId: string;
  role: DomainRole;
}

/** What a keyed request did, so a replay can answer it as it stands now. */
export type KeyOutcome =
  | { kind: 'data-source'; id: string }
  | { kind: 'deleted'; id: string }
  | { kind: 'domain'; id: string };

/** An Idempotency-Key, scoped to the user, with the hash of the request (operation, path, body) it was first used with. */
export interface StoredKey {
  scope: string;
  key: string;
  requestHash: string;
  outcome: KeyOutcome;
  createdAt: string;
}

/** Misbehaviour on demand, for tests of the client's retries. */
export interface FaultControls {
  /** The next `count` requests (any route) are answered with `status` (default 503) and Retry-After. */
  failNext(count: number, options?: { readonly status?: 503 | 429; readonly retryAfterSeconds?: number }): void;
  /** The next `count` keyed changes (create, add, remove, delete, recreate, new domain) are committed, then the connection is destroyed before any answer. */
  dropAfterCommit(count?: number): void;
  reset(): void;
}
