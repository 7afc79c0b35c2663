/**
 * Runs the Procountor checks through the shared sequence (order, dependencies, `only` and `previous`); what
 * is Procountor's own is what each check does and the company the identity check finds.
 */
import type { ConnectorContext } from '../context';
import { matrixRun, type MatrixRun } from '../shared/matrixRun';
import type { CheckOutcome } from '../shared/outcome';
import { finishRun, previousOf, RunScope, runSequence } from '../shared/runChecks';
import type { CheckEvent, CheckInput, CheckReport, Company, RunOptions } from '../types';
import { CHECK_IDS, DEPENDS_ON, type CheckId, type RowCheckId } from './checkIds';
import { checkData } from './checkData';
import { checkDocuments } from './checkDocuments';
import { checkIdentity } from './checkIdentity';
import { checkRights } from './checkRights';
import { checkToken } from './checkToken';
import type { Identity } from './identity';
import { planRun, type RunPlan } from './plan';
import { createSession, type Session } from './session';

interface RunState {
  readonly session: Session;
  readonly plan: RunPlan;
  readonly previous: CheckReport | undefined;
  /** The company the key must belong to: a key swap's data source, else the key's own earlier report. */
  readonly expected: Company | undefined;
  readonly emit: (event: CheckEvent) => void;
  identity?: Identity;
}

const rowsRun = (state: RunState, checkId: RowCheckId): MatrixRun => matrixRun(checkId, state.plan.rows.get(checkId), state.previous, state.emit);

async function runOne(id: CheckId, state: RunState): Promise<CheckOutcome> {
  switch (id) {
    case 'token':
      return checkToken(state.session);
    case 'identity': {
      const { outcome, identity } = await checkIdentity(state.session, state.expected);
      if (identity && outcome.status === 'passed') state.identity = identity;
      return outcome;
    }
    case 'rights':
      return checkRights(state.session, rowsRun(state, 'rights'));
    case 'data':
      return checkData(state.session, rowsRun(state, 'data'));
    case 'documents':
      return checkDocuments(state.session);
  }
}

export async function runProcountorChecks(ctx: ConnectorContext, input: CheckInput, options: RunOptions): Promise<CheckReport> {
  const startedAt = new Date().toISOString();
  const plan = planRun(options.only);
  const previous = previousOf(options, 'procountor');
  const expected = options.expectedCompanies?.[0] ?? previous?.companies[0];
  const scope = new RunScope('procountor', { ...options, deadlines: { ...ctx.deadlines, ...options.deadlines } });
  const state: RunState = { session: createSession(ctx, input, scope), plan, previous, expected, emit: options.onEvent };
  const results = await runSequence(
    { system: 'procountor', checkIds: CHECK_IDS, dependsOn: DEPENDS_ON, planned: plan.checks, previous, scope, runOne: (id) => runOne(id, state) },
    options,
  );
  return finishRun(options, {
    system: 'procountor',
    startedAt,
    results: results.all,
    companies: companiesOf(state.identity),
    requestCount: state.session.requestCount(),
  });
}

/** The one company an API key is bound to, once the identity check has passed. Its id is Procountor's company ID. */
function companiesOf(identity: Identity | undefined): ReadonlyArray<Company> {
  if (!identity) return [];
  return [{ id: identity.companyId, name: identity.companyName, ...(identity.businessId ? { businessId: identity.businessId } : {}), active: true }];
}
