/**
 * Runs the Netvisor checks through the shared sequence (order, dependencies, `only` and `previous`); what is
 * Netvisor's own is what each check does and the one company the credential reaches.
 */
import type { ConnectorContext } from '../context';
import { matrixRun } from '../shared/matrixRun';
import type { CheckOutcome } from '../shared/outcome';
import { finishRun, previousOf, RunScope, runSequence } from '../shared/runChecks';
import type { CheckEvent, CheckInput, CheckReport, CheckResult, Company, RunOptions } from '../types';
import { checkAuthentication, checkCompany } from './checkAuthentication';
import { CHECK_IDS, DEPENDS_ON, type CheckId } from './checkIds';
import { checkReachable } from './checkReachable';
import { checkRights } from './checkRights';
import { planRun, type RunPlan } from './plan';
import { createSession, type Session } from './session';

function runOne(id: CheckId, session: Session, plan: RunPlan, previous: CheckReport | undefined, emit: (event: CheckEvent) => void): Promise<CheckOutcome> {
  switch (id) {
    case 'reachable':
      return checkReachable(session);
    case 'authentication':
      return checkAuthentication(session);
    case 'company':
      return checkCompany(session);
    case 'rights':
      return checkRights(session, matrixRun('rights', plan.rows, previous, emit));
  }
}

export async function runNetvisorChecks(ctx: ConnectorContext, input: CheckInput, options: RunOptions): Promise<CheckReport> {
  const startedAt = new Date().toISOString();
  const plan = planRun(options.only);
  const previous = previousOf(options, 'netvisor');
  const scope = new RunScope('netvisor', { ...options, deadlines: { ...ctx.deadlines, ...options.deadlines } });
  const session = createSession(ctx, input, scope);
  const results = await runSequence(
    {
      system: 'netvisor',
      checkIds: CHECK_IDS,
      dependsOn: DEPENDS_ON,
      planned: plan.checks,
      previous,
      scope,
      runOne: (id) => runOne(id, session, plan, previous, options.onEvent),
    },
    options,
  );
  return finishRun(options, {
    system: 'netvisor',
    startedAt,
    results: results.all,
    companies: companiesOf(session, results.byId.get('company')),
    requestCount: session.requestCount(),
  });
}

/** The one company this credential reaches, once the company check has passed. */
function companiesOf(session: Session, company: CheckResult | undefined): ReadonlyArray<Company> {
  if (company?.status !== 'passed' || !session.settings.ok) return [];
  const { businessId, companyName } = session.settings.settings;
  return [{ id: businessId, name: companyName, businessId, active: true }];
}
