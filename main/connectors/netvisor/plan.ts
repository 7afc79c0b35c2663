/**
 * Which checks a run executes. `only` names checks (`authentication`) or single rights rows
 * (`rights:accountingledger.nv`); every named check brings the checks it depends on, so a re-test of one
 * blocked resource still proves the keys work today.
 */
import { UnknownCheckError } from '../shared/errors';
import { withDependencies } from '../shared/plan';
import { CHECK_IDS, DEPENDS_ON, isCheckId, type CheckId } from './checkIds';
import { findResource } from './resources';

export interface RunPlan {
  readonly checks: ReadonlySet<CheckId>;
  /** Rights rows to probe; undefined = every row. */
  readonly rows?: ReadonlySet<string>;
}

export function planRun(only: ReadonlyArray<string> | undefined): RunPlan {
  if (!only || only.length === 0) return { checks: new Set(CHECK_IDS) };
  const checks = new Set<CheckId>();
  const rows = new Set<string>();
  let allRows = false;
  for (const entry of only) {
    const [check, row] = entry.split(':', 2) as [string, string | undefined];
    if (!isCheckId(check) || (row !== undefined && check !== 'rights')) throw new UnknownCheckError('netvisor', entry);
    checks.add(check);
    if (check !== 'rights') continue;
    if (row === undefined) {
      allRows = true;
      continue;
    }
    const resource = findResource(row);
    if (!resource) throw new UnknownCheckError('netvisor', entry);
    rows.add(resource.path);
  }
  withDependencies(checks, DEPENDS_ON);
  return allRows || rows.size === 0 ? { checks } : { checks, rows };
}
