/**
 * Runs the Vitec checks in order, streaming progress. A check whose dependency did not pass is skipped with
 * the reason; checks outside `only` keep their result from `previous`.
 */
import type { ConnectorContext } from '../context';
import { msg, type CheckEvent, type CheckInput, type CheckReport, type CheckResult, type Overall, type RunOptions } from '../types';
import { checkCompanies } from './checkCompanies';
import { checkDomain } from './checkDomain';
import { CHECK_IDS, DEPENDS_ON, type CheckId } from './checkIds';
import { checkIntegration } from './checkIntegration';
import { checkLogin } from './checkLogin';
import { reportCompanies } from './reportCompanies';
import { toResult, type CheckOutcome } from './outcome';
import { planRun } from './plan';
import { createSession, type Session } from './session';
import { VITEC } from './system';

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

const skipped = (checkId: CheckId, reason: string): CheckResult => toResult(checkId, { status: 'skipped', summary: msg(`vitec:skipped.${reason}`) }, 0);
const NOT_REQUESTED = 'vitec:skipped.notRequested';

/** A dependency that failed, or was skipped for a reason other than "not asked for this time". */
const blocks = (dependency: CheckResult | undefined): boolean =>
  dependency !== undefined && (dependency.status === 'failed' || (dependency.status === 'skipped' && dependency.summary.key !== NOT_REQUESTED));

function overallOf(results: ReadonlyArray<CheckResult>): Overall {
  if (results.some((result) => result.status === 'failed')) return 'failed';
  return results.some((result) => result.status === 'warning') ? 'warning' : 'passed';
}

export async function runVitecChecks(ctx: ConnectorContext, input: CheckInput, options: RunOptions): Promise<CheckReport> {
  const startedAt = new Date().toISOString();
  const plan = planRun(options.only);
  const previous = options.previous?.system === VITEC ? options.previous : undefined;
  const session = createSession(ctx, input, options.signal);
  const results = new Map<CheckId, CheckResult>();

  for (const id of CHECK_IDS) {
    const dependency = DEPENDS_ON[id];
    const blocker = dependency ? results.get(dependency) : undefined;
    let result: CheckResult;
    if (plan.has(id) && options.signal?.aborted) {
      result = skipped(id, 'cancelled');
      options.onEvent({ type: 'check-finished', result });
    } else if (blocks(blocker)) {
      // Also replaces a kept result: it cannot stand once what it depends on fails today.
      result = skipped(id, `after.${dependency}`);
      options.onEvent({ type: 'check-finished', result });
    } else if (!plan.has(id)) {
      result = previous?.results.find((earlier) => earlier.checkId === id) ?? skipped(id, 'notRequested');
    } else {
      options.onEvent({ type: 'check-started', checkId: id });
      const started = performance.now();
      const outcome = await runOne(id, session, options.onEvent);
      result = toResult(id, outcome, Math.round(performance.now() - started));
      options.onEvent({ type: 'check-finished', result });
    }
    results.set(id, result);
  }

  const all = CHECK_IDS.map((id) => results.get(id)!);
  const companiesResult = results.get('companies')!;
  // Only a list this run already fetched: asking now would add a request after a skipped check.
  const reached = plan.has('companies') && (companiesResult.status === 'passed' || companiesResult.status === 'warning');
  const fresh = reached ? await session.companies() : undefined;
  const report: CheckReport = {
    system: VITEC,
    startedAt,
    finishedAt: new Date().toISOString(),
    overall: overallOf(all),
    results: all,
    companies: reportCompanies({
      companies: companiesResult,
      integration: results.get('integration')!,
      fresh: fresh?.ok ? fresh.value : undefined,
      previous: previous?.companies,
    }),
    requestCount: session.requestCount(),
  };
  options.onEvent({ type: 'run-finished', report });
  return report;
}
