/** What one check concluded, before the runner stamps it with its id and duration. The same for every connector. */
import type { CheckResult, MatrixRow, Msg } from '../types';
import type { Diagnosis } from './diagnosis';

export type CheckOutcome =
  | { readonly status: 'passed'; readonly summary: Msg; readonly rows?: ReadonlyArray<MatrixRow> }
  | {
      readonly status: 'failed' | 'warning';
      readonly summary: Msg;
      readonly diagnosis: Diagnosis;
      readonly rows?: ReadonlyArray<MatrixRow>;
    }
  | { readonly status: 'skipped'; readonly summary: Msg };

export function toResult(checkId: string, outcome: CheckOutcome, durationMs: number): CheckResult {
  const rows = outcome.status !== 'skipped' && outcome.rows ? { rows: outcome.rows } : {};
  switch (outcome.status) {
    case 'passed':
      return { checkId, status: 'passed', summary: outcome.summary, durationMs, ...rows };
    case 'failed':
    case 'warning': {
      const { kind, meaning, fix, vendor } = outcome.diagnosis;
      return { checkId, status: outcome.status, kind, summary: outcome.summary, meaning, fix, durationMs, ...(vendor ? { vendor } : {}), ...rows };
    }
    case 'skipped':
      return { checkId, status: 'skipped', summary: outcome.summary, durationMs: 0 };
  }
}
