/**
 * Runs the Procountor checks in order, streaming progress. A check whose dependency did not pass is
 * skipped with the reason; checks outside `only` keep their result from `previous`.
 */
import type { ConnectorContext } from '../context';
import { msg, type CheckEvent, type CheckInput, type CheckReport, type CheckResult, type Company, type Overall, type RunOptions } from '../types';
import { CHECK_IDS, DEPENDS_ON, type CheckId, type RowCheckId } from './checkIds';
import { checkData } from './checkData';
import { checkDocuments } from './checkDocuments';
import { checkIdentity } from './checkIdentity';
import { checkRights, type MatrixRun } from './checkRights';
import { checkToken } from './checkToken';
import type { Identity } from './identity';
import { toResult, type CheckOutcome } from './outcome';
import { planRun, type RunPlan } from './plan';
import { createSession, type Session } from './session';

interface RunState {
  readonly session: Session;
  readonly plan: RunPlan;
  readonly previous: CheckReport | undefined;
  readonly emit: (event: CheckEvent) => void;
  identity?: Identity;
}

function matrixRun(state: RunState, checkId: RowCheckId): MatrixRun {
  const only = state.plan.rows.get(checkId);
  const earlier = state.previous?.results.find((result) => result.checkId === checkId);
  const previousRows = earlier && earlier.status !== 'skipped' ? earlier.rows : undefined;
  return {
    ...(only ? { only } : {}),
    ...(only && previousRows ? { previousRows } : {}),
    onRow: (row, done, total) => state.emit({ type: 'row', checkId, row, done, total }),
  };
}

async function runOne(id: CheckId, state: RunState): Promise<CheckOutcome> {
  switch (id) {
    case 'token':
      return checkToken(state.session);
    case 'identity': {
      const expected = state.previous?.companies[0];
      const { outcome, identity } = await checkIdentity(state.session, expected);
      if (identity && outcome.status === 'passed') state.identity = identity;
      return outcome;
    }
    case 'rights':
      return checkRights(state.session, matrixRun(state, 'rights'));
    case 'data':
      return checkData(state.session, matrixRun(state, 'data'));
    case 'documents':
      return checkDocuments(state.session);
  }
}

const skipped = (checkId: CheckId, reason: string): CheckResult => toResult(checkId, { status: 'skipped', summary: msg(`procountor:skipped.${reason}`) }, 0);

function overallOf(results: ReadonlyArray<CheckResult>): Overall {
  if (results.some((result) => result.status === 'failed')) return 'failed';
  return results.some((result) => result.status === 'warning') ? 'warning' : 'passed';
}

export async function runProcountorChecks(ctx: ConnectorContext, input: CheckInput, options: RunOptions): Promise<CheckReport> {
  const startedAt = new Date().toISOString();
  const plan = planRun(options.only);
  const previous = options.previous?.system === 'procountor' ? options.previous : undefined;
  const state: RunState = { session: createSession(ctx, input, options.signal), plan, previous, emit: options.onEvent };
  const results = new Map<CheckId, CheckResult>();

  for (const id of CHECK_IDS) {
    const dependency = DEPENDS_ON[id];
    const blocker = dependency ? results.get(dependency) : undefined;
    let result: CheckResult;
    if (plan.checks.has(id) && options.signal?.aborted) {
      result = skipped(id, 'cancelled');
      options.onEvent({ type: 'check-finished', result });
    } else if (blocker && (blocker.status === 'failed' || blocker.status === 'skipped')) {
      // Also replaces a kept result: it cannot stand once what it depends on fails today.
      result = skipped(id, `after.${dependency}`);
      options.onEvent({ type: 'check-finished', result });
    } else if (!plan.checks.has(id)) {
      result = previous?.results.find((earlier) => earlier.checkId === id) ?? skipped(id, 'notRequested');
    } else {
      options.onEvent({ type: 'check-started', checkId: id });
      const started = performance.now();
      const outcome = await runOne(id, state);
      result = toResult(id, outcome, Math.round(performance.now() - started));
      options.onEvent({ type: 'check-finished', result });
    }
    results.set(id, result);
  }

  const all = CHECK_IDS.map((id) => results.get(id)!);
  const report: CheckReport = {
    system: 'procountor',
    startedAt,
    finishedAt: new Date().toISOString(),
    overall: overallOf(all),
    results: all,
    companies: companiesOf(state.identity),
    requestCount: state.session.requestCount(),
  };
  options.onEvent({ type: 'run-finished', report });
  return report;
}

/** The one company an API key is bound to, once the identity check has passed. Its id is Procountor's company ID. */
function companiesOf(identity: Identity | undefined): ReadonlyArray<Company> {
  if (!identity) return [];
  return [{ id: identity.companyId, name: identity.companyName, ...(identity.businessId ? { businessId: identity.businessId } : {}), active: true }];
}
