/**
 * The Diagnose page (for support agents): which credential to diagnose, the live run, its Diagnosis, the
 * support bundle dialog, the admin task pack and the known-problems catalogue. Secret values typed here live
 * in `typedSecrets` only until diagnose.run has been called with them, then they are cleared.
 */
import type { CatalogueEntry, Diagnosis, FieldError, SystemId } from '../../../preload/contract';
import type { CheckRun, UiError } from './types';

/** Where the credential comes from: the setup in progress (its draft and keychain secrets), or typed here. */
export type DiagnoseSource = 'draft' | 'typed';

export type CatalogueState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'loading' }
  | { readonly phase: 'failed'; readonly error: UiError }
  | { readonly phase: 'ready'; readonly entries: ReadonlyArray<CatalogueEntry> };

/** The support bundle dialog: the exact bundle.json shown before anything is saved. */
export interface BundleDialog {
  readonly json: string | null;
  readonly loading: boolean;
  readonly saving: boolean;
  readonly error: UiError | null;
}

/** A file made by main for the agent to save (bundle zip or task pack PDF as base64, task pack HTML as text). */
export type DownloadFile =
  | { readonly fileName: string; readonly base64: string; readonly mime: 'application/zip' | 'application/pdf' }
  | { readonly fileName: string; readonly text: string; readonly mime: 'text/html' };

export interface DiagnoseState {
  readonly system: SystemId | null;
  readonly source: DiagnoseSource;
  /** The setup in progress (drafts.current), if any; offered when it is of the chosen system. */
  readonly draft: { readonly id: string; readonly system: SystemId } | null;
  readonly fields: Readonly<Record<string, string>>;
  /** Secret values typed and not yet sent; emptied the moment diagnose.run has been called. */
  readonly typedSecrets: Readonly<Record<string, string>>;
  readonly touched: ReadonlyArray<string>;
  /** After a Run attempt, every field shows its problem. */
  readonly showAllErrors: boolean;
  /** Field problems main reported for the last Run (E_INVALID_FIELDS); each goes away once its field is edited. */
  readonly fieldErrors: ReadonlyArray<FieldError>;
  /** The live progress of the run under way (or of the last one). */
  readonly run: CheckRun | null;
  readonly running: boolean;
  readonly error: UiError | null;
  /** The last finished run, and its operation id (the bundle and task pack are asked for by it). */
  readonly result: { readonly operationId: string; readonly diagnosis: Diagnosis } | null;
  readonly catalogue: CatalogueState;
  readonly query: string;
  readonly bundle: BundleDialog | null;
  readonly taskPack: { readonly busy: boolean; readonly error: UiError | null };
  /** The same checklist printed to PDF (offered only where app.info says the host can print). */
  readonly taskPackPdf: { readonly busy: boolean; readonly error: UiError | null };
}

export interface DiagnoseActions {
  /** The catalogue and the setup in progress; called when the page opens. */
  loadDiagnose(): Promise<void>;
  chooseDiagnoseSystem(system: SystemId): void;
  chooseDiagnoseSource(source: DiagnoseSource): void;
  editDiagnoseField(id: string, value: string): void;
  touchDiagnoseField(id: string): void;
  typeDiagnoseSecret(id: string, value: string): void;
  runDiagnosis(): Promise<void>;
  /**
   * Sandbox only: runs the scenario that reproduces a catalogue entry (its system becomes the chosen one, the
   * demo credential never leaves main). True when a Diagnosis came back.
   */
  reproduceKnownProblem(entryId: string): Promise<boolean>;
  setCatalogueQuery(query: string): void;
  openBundlePreview(): Promise<void>;
  closeBundlePreview(): void;
  /** The zip of the current run, or null (the error is in the dialog). */
  saveBundle(): Promise<DownloadFile | null>;
  /** The vendor admin's checklist (with the run's fixes when the run is of this system), or null on error. */
  downloadTaskPack(): Promise<DownloadFile | null>;
  /** The same checklist as a PDF, or null on error (the error is in `taskPackPdf`). */
  downloadTaskPackPdf(): Promise<DownloadFile | null>;
  dismissDiagnoseError(): void;
}
