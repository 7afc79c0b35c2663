/**
 * The shapes of Diagnose. Pure types (no Node, no Electron) so the preload contract can re-export them to
 * the renderer's Diagnose view exactly as the CLI and the support bundle see them.
 */
import type { CheckResult, FailureKind, MatrixRow, Msg, Overall, SystemId, VendorText } from '../connectors/types';

export type { CatalogueEntry, Signature } from '../connectors/knownProblems';

/** A catalogue entry found in a run, and where: a check, a row of it, or a request made by it. */
export interface CatalogueMatch {
  readonly entryId: string;
  readonly checkId?: string;
  readonly rowId?: string;
}

/** A catalogue entry as a Diagnosis carries it: everything but the machine signatures, plus where it showed. */
export interface KnownProblem {
  readonly id: string;
  readonly symptom: Msg;
  readonly detection: Msg;
  readonly meaning: Msg;
  readonly fix: Msg;
  readonly keywords: ReadonlyArray<string>;
  /** The checks it showed in, and the rows (resource, area, company) it named. */
  readonly checkIds: ReadonlyArray<string>;
  readonly rowIds: ReadonlyArray<string>;
}

/** One vendor request of the run, for the timeline: never headers, never bodies, URL without secrets. */
export interface TimelineEntry {
  readonly seq: number;
  /** Milliseconds from the start of the run to the start of the request. */
  readonly atMs: number;
  readonly method: string;
  readonly url: string;
  readonly status?: number;
  readonly durationMs: number;
  readonly checkId?: string;
  /** Why no answer arrived (`timeout`, `refused`…), when none did. */
  readonly error?: string;
}

export interface DiagnosedRow {
  readonly id: string;
  readonly label: Msg;
  readonly status: MatrixRow['status'];
  readonly vendor?: VendorText;
  readonly meaning?: Msg;
  readonly fix?: Msg;
  readonly entries: ReadonlyArray<string>;
}

/** A check result as Diagnose shows it: outcome, the vendor's words verbatim, our explanation, the fix. */
export interface DiagnosedResult {
  readonly checkId: string;
  readonly title: Msg;
  readonly outcome: CheckResult['status'];
  /** Who must act, for failures and warnings. */
  readonly kind?: FailureKind;
  readonly summary: Msg;
  readonly vendor?: VendorText;
  readonly meaning?: Msg;
  readonly fix?: Msg;
  readonly rows: ReadonlyArray<DiagnosedRow>;
  readonly durationMs: number;
  /** Catalogue entries this result (or one of its rows or requests) shows. */
  readonly entries: ReadonlyArray<string>;
}

/** What the run was pointed at. Never a secret value: secret fields appear by name only. */
export interface DiagnosisEnvironment {
  /** The non-secret fields as given (environment, domain, Business ID, custom address…). */
  readonly settings: Readonly<Record<string, string>>;
  /** Names of the secret fields that had a value (so support sees "a key was given", never the key). */
  readonly credentialFieldsGiven: ReadonlyArray<string>;
  readonly sandbox: boolean;
  readonly scenario?: string;
  /** Where Exopen's partner credentials came from (sandbox, keychain, environment, broker, none). */
  readonly partnerSource?: string;
}

export interface Diagnosis {
  readonly system: SystemId;
  readonly systemName: string;
  readonly environment: DiagnosisEnvironment;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly overall: Overall;
  readonly results: ReadonlyArray<DiagnosedResult>;
  readonly knownProblems: ReadonlyArray<KnownProblem>;
  readonly timeline: ReadonlyArray<TimelineEntry>;
  readonly appVersion: string;
  readonly os: { readonly platform: string; readonly release: string; readonly arch: string };
  /** How many secret values were replaced while the Diagnosis was built (echoed by a vendor, in a field). */
  readonly redactedValues: number;
}
