/** Turns a check report plus its catalogue matches into what Diagnose shows, check by check. */
import { msg, type CheckReport, type CheckResult, type MatrixRow, type SystemDescriptor } from '../connectors/types';
import { catalogueEntry } from './catalogue';
import type { CatalogueMatch, DiagnosedResult, DiagnosedRow, KnownProblem } from './types';

const unique = (values: ReadonlyArray<string | undefined>): ReadonlyArray<string> =>
  [...new Set(values.filter((value): value is string => value !== undefined))];

function diagnosedRow(checkId: string, row: MatrixRow, matches: ReadonlyArray<CatalogueMatch>): DiagnosedRow {
  const entries = unique(matches.filter((match) => match.checkId === checkId && match.rowId === row.id).map((match) => match.entryId));
  const base = { id: row.id, label: row.label, status: row.status, entries };
  if (row.status === 'allowed') return base;
  return { ...base, meaning: row.meaning, fix: row.fix, ...(row.vendor ? { vendor: row.vendor } : {}) };
}

function diagnosedResult(result: CheckResult, title: DiagnosedResult['title'], matches: ReadonlyArray<CatalogueMatch>): DiagnosedResult {
  const entries = unique(matches.filter((match) => match.checkId === result.checkId).map((match) => match.entryId));
  const base = { checkId: result.checkId, title, outcome: result.status, summary: result.summary, durationMs: result.durationMs, entries };
  switch (result.status) {
    case 'skipped':
      return { ...base, rows: [] };
    case 'passed':
      return { ...base, rows: (result.rows ?? []).map((row) => diagnosedRow(result.checkId, row, matches)) };
    case 'failed':
    case 'warning':
      return {
        ...base,
        kind: result.kind,
        meaning: result.meaning,
        fix: result.fix,
        ...(result.vendor ? { vendor: result.vendor } : {}),
        rows: (result.rows ?? []).map((row) => diagnosedRow(result.checkId, row, matches)),
      };
  }
}

export function diagnosedResults(report: CheckReport, descriptor: SystemDescriptor, matches: ReadonlyArray<CatalogueMatch>): ReadonlyArray<DiagnosedResult> {
  const titles = new Map(descriptor.checks.map((check) => [check.id, check.title]));
  return report.results.map((result) => diagnosedResult(result, titles.get(result.checkId) ?? msg(result.checkId), matches));
}

/** Each matched entry once, with the checks and rows it showed in. */
export function knownProblems(matches: ReadonlyArray<CatalogueMatch>): ReadonlyArray<KnownProblem> {
  return unique(matches.map((match) => match.entryId)).flatMap((id) => {
    const entry = catalogueEntry(id);
    if (!entry) return [];
    const own = matches.filter((match) => match.entryId === id);
    const { symptom, detection, meaning, fix, keywords } = entry;
    return [{ id, symptom, detection, meaning, fix, keywords, checkIds: unique(own.map((match) => match.checkId)), rowIds: unique(own.map((match) => match.rowId)) }];
  });
}
