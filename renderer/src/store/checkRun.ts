/** Pure functions over a check run: building it, applying streamed events, merging a (partial) report. */
import type { CheckEvent, CheckReport, CheckResult, MatrixRow, SystemDescriptor } from '../../../preload/contract';
import { assertNever } from './api';
import type { CheckRun, LiveCheck } from './types';

/** One row of a matrix check is re-tested as `<checkId>:<rowId>` (Netvisor: `rights:accountingledger.nv`). */
export const rowRetestId = (checkId: string, rowId: string): string => `${checkId}:${rowId}`;
const MAX_ONLY = 50;

export function resultRows(result: CheckResult): ReadonlyArray<MatrixRow> {
  return result.status === 'skipped' ? [] : (result.rows ?? []);
}

export function liveFromResult(result: CheckResult): LiveCheck {
  return { status: result.status, result, rows: resultRows(result) };
}

const pending: LiveCheck = { status: 'pending', result: null, rows: [] };

export function runFromReport(descriptor: SystemDescriptor, report: CheckReport | null): CheckRun {
  const checks: Record<string, LiveCheck> = {};
  for (const spec of descriptor.checks) {
    const result = report?.results.find((r) => r.checkId === spec.id);
    checks[spec.id] = result ? liveFromResult(result) : pending;
  }
  return { operationId: null, running: false, cancelling: false, cancelled: false, checks };
}

export function mergeRows(previous: ReadonlyArray<MatrixRow>, next: ReadonlyArray<MatrixRow>): ReadonlyArray<MatrixRow> {
  const byId = new Map(previous.map((row) => [row.id, row]));
  for (const row of next) byId.set(row.id, row);
  return [...byId.values()];
}

const isProblem = (status: LiveCheck['status']): boolean => status === 'failed' || status === 'warning' || status === 'skipped';

/**
 * What "Re-test what failed" sends: each failed/warning/skipped check, or, for a matrix check with failing
 * rows, just those rows (naming the whole check would re-probe every row). Undefined = run everything.
 */
export function retestScope(run: CheckRun): ReadonlyArray<string> | undefined {
  const only: string[] = [];
  for (const [checkId, check] of Object.entries(run.checks)) {
    if (!isProblem(check.status)) continue;
    const failingRows = check.rows.filter((row) => row.status !== 'allowed');
    if (failingRows.length > 0) only.push(...failingRows.map((row) => rowRetestId(checkId, row.id)));
    else only.push(checkId);
  }
  return only.length > 0 && only.length <= MAX_ONLY ? only : undefined;
}

export function hasProblems(run: CheckRun): boolean {
  return Object.values(run.checks).some((check) => isProblem(check.status));
}

/** Marks the checks about to run as pending; a partial run keeps the other results and the known rows. */
export function startRun(run: CheckRun, operationId: string, only: ReadonlyArray<string> | undefined): CheckRun {
  const checks: Record<string, LiveCheck> = {};
  for (const [checkId, check] of Object.entries(run.checks)) {
    const rerun = !only || only.includes(checkId);
    checks[checkId] = rerun ? { status: 'pending', result: null, rows: only ? check.rows : [] } : check;
  }
  return { operationId, running: true, cancelling: false, cancelled: false, checks };
}

function updateCheck(run: CheckRun, checkId: string, update: (check: LiveCheck) => LiveCheck): CheckRun {
  const check = run.checks[checkId] ?? pending;
  return { ...run, checks: { ...run.checks, [checkId]: update(check) } };
}

/** Applies one streamed event (run-finished is handled by the caller, which merges the report). */
export function applyEvent(run: CheckRun, event: Exclude<CheckEvent, { type: 'run-finished' }>): CheckRun {
  switch (event.type) {
    case 'check-started':
      return updateCheck(run, event.checkId, (check) => ({ ...check, status: 'running' }));
    case 'row':
      return updateCheck(run, event.checkId, (check) => ({
        ...check,
        rows: mergeRows(check.rows, [event.row]),
        done: event.done,
        total: event.total,
      }));
    case 'check-finished':
      return updateCheck(run, event.result.checkId, (check) => {
        const rows = mergeRows(check.rows, resultRows(event.result));
        return { status: event.result.status, result: event.result, rows };
      });
    default:
      return assertNever(event);
  }
}

function overallOf(results: ReadonlyArray<CheckResult>): CheckReport['overall'] {
  if (results.some((r) => r.status === 'failed')) return 'failed';
  return results.some((r) => r.status === 'warning') ? 'warning' : 'passed';
}

function withRows(result: CheckResult, rows: ReadonlyArray<MatrixRow>): CheckResult {
  return result.status === 'skipped' || rows.length === 0 ? result : { ...result, rows };
}

/**
 * Folds a report into what was known: results the run did not return (a partial re-test) keep their previous
 * value, and rows merge by id. Overall is recomputed over the merged results.
 */
export function mergeReport(descriptor: SystemDescriptor, previous: CheckReport | null, report: CheckReport): CheckReport {
  const fresh = new Map(report.results.map((r) => [r.checkId, r]));
  const old = new Map((previous?.results ?? []).map((r) => [r.checkId, r]));
  const ids = [...new Set([...descriptor.checks.map((c) => c.id), ...fresh.keys()])];
  const results = ids.flatMap((id): CheckResult[] => {
    const next = fresh.get(id);
    const before = old.get(id);
    if (!next) return before ? [before] : [];
    return [before ? withRows(next, mergeRows(resultRows(before), resultRows(next))) : next];
  });
  const companies = report.companies.length > 0 ? report.companies : (previous?.companies ?? []);
  return { ...report, results, companies, overall: overallOf(results) };
}

/** After a run ends (finished or cancelled) nothing is left spinning. */
export function settleRun(run: CheckRun, report: CheckReport | null, cancelled: boolean): CheckRun {
  const checks: Record<string, LiveCheck> = {};
  for (const [checkId, check] of Object.entries(run.checks)) {
    const result = report?.results.find((r) => r.checkId === checkId);
    if (result) checks[checkId] = liveFromResult(result);
    else checks[checkId] = check.status === 'running' ? { ...check, status: 'pending' } : check;
  }
  return { ...run, running: false, cancelling: false, cancelled, checks };
}

/** 0..100 for the run's LinearProgress, or null while nothing tells how far it is (indeterminate). */
export function runProgress(run: CheckRun): number | null {
  const checks = Object.values(run.checks);
  if (checks.length === 0) return null;
  const finished = checks.filter((c) => c.status !== 'pending' && c.status !== 'running').length;
  const current = checks.find((c) => c.status === 'running' && c.total !== undefined && c.total > 0);
  const fraction = current && current.total ? (current.done ?? 0) / current.total : 0;
  if (finished === 0 && !current) return null;
  return Math.min(100, ((finished + fraction) / checks.length) * 100);
}
