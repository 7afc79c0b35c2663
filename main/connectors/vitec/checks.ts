/**
 * Runs the Vitec checks through the shared sequence (order, dependencies, `only` and `previous`). Vitec's
 * own rule: a dependency skipped only because it was not asked for this time does not block, and the
 * company list is reported from what this run fetched plus what the previous report knew.
 */
import type { ConnectorContext } from '../context';
import type { CheckOutcome } from '../shared/outcome';
import { finishRun, previousOf, RunScope, runSequence } from '../shared/runChecks';
import type { CheckEvent, CheckInput, CheckReport, CheckResult, RunOptions } from '../types';
import { checkCompanies } from './checkCompanies';
import { checkDomain } from './checkDomain';
import { CHECK_IDS, DEPENDS_ON, type CheckId } from './checkIds';
import { checkIntegration } from './checkIntegration';
import { checkLogin } from './checkLogin';
import { reportCompanies } from './reportCompanies';
import { planRun } from './plan';
import { createSession, type Session } from './session';
import { VITEC } from './systemId';

function runOne(id: CheckId, session: Session, emit: (event: CheckEvent) => void): Promise<CheckOutcome> {
  switch (id) {
    case 'domain':
      return checkDomain(session);
    case 'login':
      return checkLogin(session);
    case 'companies':
      return checkCompanies(session);
    case 'integration':
      return checkIntegration(session, (row, done, total) => emit({ type: 'row', checkId: 'integration', row, done, total }));
  }
}

const NOT_REQUESTED = 'vitec:skipped.notRequested';

/** A dependency that failed, or was skipped for a reason other than "not asked for this time". */
const blocks = (dependency: CheckResult): boolean =>
  dependency.status === 'failed' || (dependency.status === 'skipped' && dependency.summary.key !== NOT_REQUESTED);

export async function runVitecChecks(ctx: ConnectorContext, input: CheckInput, options: RunOptions): Promise<CheckReport> {
  const startedAt = new Date().toISOString();
  const plan = planRun(options.only);
  const previous = previousOf(options, VITEC);
  const scope = new RunScope(VITEC, { ...options, deadlines: { ...ctx.deadlines, ...options.deadlines } });
  const session = createSession(ctx, input, scope);
  const results = await runSequence(
    { system: VITEC, checkIds: CHECK_IDS, dependsOn: DEPENDS_ON, planned: plan, previous, blocks, scope, runOne: (id) => runOne(id, session, options.onEvent) },
    options,
  );

  const companiesResult = results.byId.get('companies')!;
  // Only a list this run already fetched: asking now would add a request after a skipped check.
  const reached = plan.has('companies') && (companiesResult.status === 'passed' || companiesResult.status === 'warning');
  const fresh = reached ? await session.companies() : undefined;
  return finishRun(options, {
    system: VITEC,
    startedAt,
    results: results.all,
    companies: reportCompanies({
      companies: companiesResult,
      integration: results.byId.get('integration')!,
      fresh: fresh?.ok ? fresh.value : undefined,
      previous: previous?.companies,
    }),
    requestCount: session.requestCount(),
  });
}
