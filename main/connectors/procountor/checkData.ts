/**
 * `data`: an empty-data warning. Missing rights in Procountor often do not refuse: they show up later as
 * empty data at Exopen. So every area where a bookkeeping company has data (receipts and invoices of the
 * last 12 months, fiscal years, the chart of accounts) is counted, and an empty one is a warning with its
 * likely cause: a row-level limitation of the API user, or a company that is simply new.
 */
import { msg, type MatrixRow } from '../types';
import { accessProblemOutcome } from './accessProblem';
import { DATA_AREAS, PROCOUNTOR_AREAS } from './areas';
import type { MatrixRun } from '../shared/matrixRun';
import { userRightsOf } from './checkRights';
import { dataRow, isEmptyRow, isNotEnabledRow, isRestricted } from './dataRow';
import { diagnose } from './diagnosis';
import { readIdentity } from './identity';
import type { CheckOutcome } from '../shared/outcome';
import type { UserRights } from './rights';
import type { Session } from './session';

type FailingRow = Extract<MatrixRow, { status: 'blocked' | 'unavailable' | 'error' }>;

const restrictionsOf = (rows: ReadonlyArray<MatrixRow>, rights: UserRights | undefined): string =>
  DATA_AREAS.filter((area) => rows.some((row) => row.id === area.id) && isRestricted(area, rights))
    .map((area) => area.restrictionName ?? '')
    .join(', ');

export function summariseData(rows: ReadonlyArray<MatrixRow>, userName: string, rights: UserRights | undefined): CheckOutcome {
  // An area the company's product does not have is expected to be empty: it neither passes nor warns.
  const total = rows.filter((row) => !isNotEnabledRow(row)).length;
  const failing = rows.filter((row): row is FailingRow => row.status !== 'allowed' && !isNotEnabledRow(row));
  if (failing.length === 0) return { status: 'passed', summary: msg('procountor:checks.data.passed', { total }), rows };
  const empty = failing.filter(isEmptyRow);
  const errors = failing.filter((row) => row.status === 'error');
  if (empty.length > 0) {
    const restrictions = restrictionsOf(empty, rights);
    const cause = restrictions ? 'restricted' : 'unexplained';
    const params = { count: empty.length, total, user: userName, restrictions };
    return {
      status: 'warning',
      summary: msg('procountor:checks.data.empty.summary', params),
      diagnosis: { kind: 'customer-action', meaning: msg(`procountor:checks.data.empty.${cause}.meaning`, params), fix: msg(`procountor:checks.data.empty.${cause}.fix`, params) },
      rows,
    };
  }
  if (errors.length > 0) {
    const first = errors[0]!;
    return {
      status: 'failed',
      summary: msg('procountor:checks.data.errors.summary', { count: errors.length, total }),
      diagnosis: { kind: 'unreachable', meaning: first.meaning, fix: first.fix, ...(first.vendor ? { vendor: first.vendor } : {}) },
      rows,
    };
  }
  // Only refusals: the rights check already explains them; this check just says it could not count.
  const params = { count: failing.length, total };
  return {
    status: 'warning',
    summary: msg('procountor:checks.data.refused.summary', params),
    diagnosis: { kind: 'customer-action', meaning: msg('procountor:checks.data.refused.meaning', params), fix: msg('procountor:checks.data.refused.fix', params) },
    rows,
  };
}

export async function checkData(session: Session, run: MatrixRun): Promise<CheckOutcome> {
  const access = await session.access();
  if (!access.ok) return accessProblemOutcome(access);
  const identity = await readIdentity(access, 'data');
  if (!identity.ok) return { status: 'failed', summary: msg('procountor:checks.identity.failed'), diagnosis: diagnose(identity.error, session.diagnosisContext) };
  const rights = await userRightsOf(access, 'data');
  const context = { userName: identity.identity.userName, diagnosis: session.diagnosisContext, ...(rights ? { rights } : {}) };
  const kept = new Map((run.previousRows ?? []).map((row) => [row.id, row]));
  const toProbe = DATA_AREAS.filter((area) => !run.only || run.only.has(area.id) || !kept.has(area.id));
  const fresh = new Map<string, MatrixRow>();
  for (const area of toProbe) {
    const row = dataRow(area, await access.read(area.path, area.probe(session.today), 'data'), context);
    fresh.set(area.id, row);
    run.onRow(row, fresh.size, toProbe.length);
  }
  const rows = PROCOUNTOR_AREAS.map((area) => fresh.get(area.id) ?? kept.get(area.id)).filter((row): row is MatrixRow => row !== undefined);
  return summariseData(rows, identity.identity.userName, rights);
}
