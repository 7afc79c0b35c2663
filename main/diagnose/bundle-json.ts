/**
 * bundle.json: an ALLOWLIST. Every field is copied by name from the Diagnosis; nothing is spread, so a field
 * added to the Diagnosis later stays out of bundles until someone adds it here on purpose. Messages go in
 * as their key plus English text (support reads English); their params are not copied separately.
 * Then two redactors run: key-based on the settings (platform/redact's isSecretKey; its redactObject is not
 * used because it also pattern-redacts values, see scrub.ts) and value-based on every string (registered
 * secrets in every encoding, token-looking text).
 */
import type { Msg, VendorText } from '../connectors/types';
import { renderMsg } from '../i18n';
import { isSecretKey, REDACTED } from '../platform/redact';
import { scrubStrings } from './scrub';
import type { DiagnosedResult, DiagnosedRow, Diagnosis, KnownProblem, TimelineEntry } from './types';

export interface BundleJsonOptions {
  /** App settings to include (environment, backend URL…); secret-keyed values are dropped. */
  readonly appSettings?: Readonly<Record<string, unknown>>;
}

export interface BundleRedactions {
  /** Values dropped because their key looks secret, and the keys' paths (names, never values). */
  readonly byKey: { readonly count: number; readonly keys: ReadonlyArray<string> };
  /** Secret values (or token-looking text) replaced inside strings while exporting. */
  readonly byValue: number;
}

const text = (message: Msg) => ({ key: message.key, text: renderMsg(message) });
const vendorOf = (vendor: VendorText) => ({ ...(vendor.code ? { code: vendor.code } : {}), text: vendor.text, ...(vendor.httpStatus ? { httpStatus: vendor.httpStatus } : {}) });

function explained(item: { readonly vendor?: VendorText; readonly meaning?: Msg; readonly fix?: Msg }) {
  return {
    ...(item.vendor ? { vendor: vendorOf(item.vendor) } : {}),
    ...(item.meaning ? { meaning: text(item.meaning) } : {}),
    ...(item.fix ? { fix: text(item.fix) } : {}),
  };
}

const rowOf = (row: DiagnosedRow) => ({ id: row.id, label: text(row.label), status: row.status, ...explained(row), knownProblems: [...row.entries] });

const resultOf = (result: DiagnosedResult) => ({
  checkId: result.checkId,
  title: text(result.title),
  outcome: result.outcome,
  ...(result.kind ? { whoMustAct: result.kind } : {}),
  summary: text(result.summary),
  ...explained(result),
  durationMs: result.durationMs,
  knownProblems: [...result.entries],
  rows: result.rows.map(rowOf),
});

const problemOf = (problem: KnownProblem) => ({
  id: problem.id,
  symptom: text(problem.symptom),
  meaning: text(problem.meaning),
  fix: text(problem.fix),
  checkIds: [...problem.checkIds],
  rowIds: [...problem.rowIds],
});

const requestOf = (entry: TimelineEntry) => ({
  seq: entry.seq,
  atMs: entry.atMs,
  method: entry.method,
  url: entry.url,
  ...(entry.status === undefined ? {} : { status: entry.status }),
  durationMs: entry.durationMs,
  ...(entry.checkId ? { checkId: entry.checkId } : {}),
  ...(entry.error ? { error: entry.error } : {}),
});

/** `value` with every secret-looking key's value replaced; the keys' paths go to `dropped` for the manifest. */
function dropSecretKeys(value: unknown, path: string, dropped: string[]): unknown {
  if (Array.isArray(value)) return value.map((item, index) => dropSecretKeys(item, `${path}[${index}]`, dropped));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      if (!isSecretKey(key)) return [key, dropSecretKeys(item, `${path}.${key}`, dropped)];
      dropped.push(`${path}.${key}`);
      return [key, REDACTED];
    }),
  );
}

export function buildBundleJson(diagnosis: Diagnosis, options: BundleJsonOptions = {}): { readonly text: string; readonly redactions: BundleRedactions } {
  const { environment } = diagnosis;
  const keys: string[] = [];
  const bundle = {
    format: 'exopen-connect/support-bundle@1',
    app: { version: diagnosis.appVersion },
    os: { platform: diagnosis.os.platform, release: diagnosis.os.release, arch: diagnosis.os.arch },
    system: { id: diagnosis.system, name: diagnosis.systemName },
    environment: {
      settings: dropSecretKeys(environment.settings, 'environment.settings', keys),
      credentialFieldsGiven: [...environment.credentialFieldsGiven],
      sandbox: environment.sandbox,
      ...(environment.scenario ? { scenario: environment.scenario } : {}),
      ...(environment.partnerSource ? { partnerSource: environment.partnerSource } : {}),
    },
    ...(options.appSettings ? { appSettings: dropSecretKeys(options.appSettings, 'appSettings', keys) } : {}),
    run: { startedAt: diagnosis.startedAt, finishedAt: diagnosis.finishedAt, overall: diagnosis.overall },
    results: diagnosis.results.map(resultOf),
    knownProblems: diagnosis.knownProblems.map(problemOf),
    timeline: diagnosis.timeline.map(requestOf),
  };
  const count = { values: 0 };
  const scrubbed = scrubStrings(bundle, count);
  return { text: `${JSON.stringify(scrubbed, null, 2)}\n`, redactions: { byKey: { count: keys.length, keys }, byValue: count.values } };
}
