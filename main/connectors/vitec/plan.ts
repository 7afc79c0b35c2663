/**
 * Which checks a run executes. `only` names checks (`login`) or integration rows (`integration:<companyId>`);
 * every named check brings the checks it depends on, so a re-test after the admin enabled the integration for
 * one company still proves the sign-in works today. One request answers for every company, so a row re-run
 * refreshes all integration rows: fresher, and no dearer.
 */
import { UnknownCheckError } from '../shared/errors';
import { withDependencies } from '../shared/plan';
import { CHECK_IDS, DEPENDS_ON, isCheckId, type CheckId } from './checkIds';

export function planRun(only: ReadonlyArray<string> | undefined): ReadonlySet<CheckId> {
  if (!only || only.length === 0) return new Set(CHECK_IDS);
  const checks = new Set<CheckId>();
  for (const entry of only) {
    const colon = entry.indexOf(':');
    const check = colon < 0 ? entry : entry.slice(0, colon);
    const row = colon < 0 ? undefined : entry.slice(colon + 1);
    if (!isCheckId(check) || (row !== undefined && (check !== 'integration' || !row))) throw new UnknownCheckError('vitec', entry);
    checks.add(check);
  }
  return withDependencies(checks, DEPENDS_ON);
}
