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

/** A data source as persisted: metadata, settings and run state, plus a salted fingerprint of the secrets. */
export interface StoredDataSource {
  id: string;
  system: ExopenSystemId;
  displayName: string;
  settings: Record<string, string>;
  secretFields: string[];
  secretsFingerprint: string;
  companies: Array<{ id: string; name: string }>;
  createdAt: string;
  initialRun: StoredRun;
}

/** An Idempotency-Key with the hash of the request it was first used with. */
export interface StoredKey {
  key: string;
  requestHash: string;
  dataSourceId: string;
  createdAt: string;
}

/** Misbehaviour on demand, for tests of the client's retries. */
export interface FaultControls {
  /** The next `count` requests (any route) are answered with `status` (default 503) and Retry-After. */
  failNext(count: number, options?: { readonly status?: 503 | 429; readonly retryAfterSeconds?: number }): void;
  /** The next `count` creates are committed, then the connection is destroyed before any answer. */
  dropAfterCommit(count?: number): void;
  reset(): void;
}
