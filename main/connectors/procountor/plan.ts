/**
 * Which checks a run executes. `only` names checks (`identity`) or single matrix rows
 * (`rights:ledgerReceipts`, `data:fiscalYears`); every named check brings the checks it depends on, so a
 * re-test of one area still proves the key works today.
 */
import { DATA_AREAS, findArea } from './areas';
import { UnknownCheckError } from '../shared/errors';
import { withDependencies } from '../shared/plan';
import { CHECK_IDS, DEPENDS_ON, isCheckId, isRowCheckId, type CheckId, type RowCheckId } from './checkIds';

export interface RunPlan {
  readonly checks: ReadonlySet<CheckId>;
  /** Rows to probe per matrix check; absent = every row of that check. */
  readonly rows: ReadonlyMap<RowCheckId, ReadonlySet<string>>;
}

export function planRun(only: ReadonlyArray<string> | undefined): RunPlan {
  if (!only || only.length === 0) return { checks: new Set(CHECK_IDS), rows: new Map() };
  const checks = new Set<CheckId>();
  const rows = new Map<RowCheckId, Set<string>>();
  const wholeChecks = new Set<RowCheckId>();
  for (const entry of only) {
    const [check, row] = entry.split(':', 2) as [string, string | undefined];
    if (!isCheckId(check)) throw new UnknownCheckError('procountor', entry);
    checks.add(check);
    if (row === undefined) {
      if (isRowCheckId(check)) wholeChecks.add(check);
      continue;
    }
    const area = isRowCheckId(check) ? findArea(row) : undefined;
    if (!area || !isRowCheckId(check) || (check === 'data' && !DATA_AREAS.includes(area))) throw new UnknownCheckError('procountor', entry);
    rows.set(check, (rows.get(check) ?? new Set()).add(area.id));
  }
  for (const whole of wholeChecks) rows.delete(whole);
  withDependencies(checks, DEPENDS_ON);
  return { checks, rows };
}
