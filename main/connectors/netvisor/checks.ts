/**
 * Runs the Netvisor checks in order, streaming progress. A check whose dependency did not pass is skipped
 * with the reason; checks outside `only` keep their result from `previous`.
 */
import type { ConnectorContext } from '../context';
import { msg, type CheckEvent, type CheckInput, type CheckReport, type CheckResult, type Company, type Overall, type RunOptions } from '../types';
import { checkAuthentication, checkCompany } from './checkAuthentication';
import { CHECK_IDS, DEPENDS_ON, type CheckId } from './checkIds';
import { checkReachable } from './checkReachable';
import { checkRights } from './checkRights';
import { toResult, type CheckOutcome } from './outcome';
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
    case 'rights': {
      const earlier = previous?.results.find((result) => result.checkId === 'rights');
      const previousRows = earlier && earlier.status !== 'skipped' ? earlier.rows : undefined;
      return checkRights(session, {
        ...(plan.rows ? { only: plan.rows } : {}),
        ...(plan.rows && previousRows ? { previousRows } : {}),
        onRow: (row, done, total) => emit({ type: 'row', checkId: 'rights', row, done, total }),
      });
    }
  }
}

const skipped = (checkId: CheckId, reason: string): CheckResult => toResult(checkId, { status: 'skipped', summary: msg(`netvisor:skipped.${reason}`) }, 0);

function overallOf(results: ReadonlyArray<CheckResult>): Overall {
  if (results.some((result) => result.status === 'failed')) return 'failed';
  return results.some((result) => result.status === 'warning') ? 'warning' : 'passed';
}

export async function runNetvisorChecks(ctx: ConnectorContext, input: CheckInput, options: RunOptions): Promise<CheckReport> {
  const startedAt = new Date().toISOString();
  const plan = planRun(options.only);
  const previous = options.previous?.system === 'netvisor' ? options.previous : undefined;
  const session = createSession(ctx, input, options.signal);
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
      const outcome = await runOne(id, session, plan, previous, options.onEvent);
      result = toResult(id, outcome, Math.round(performance.now() - started));
      options.onEvent({ type: 'check-finished', result });
    }
    results.set(id, result);
  }

  const all = CHECK_IDS.map((id) => results.get(id)!);
  const report: CheckReport = {
    system: 'netvisor',
    startedAt,
    finishedAt: new Date().toISOString(),
    overall: overallOf(all),
    results: all,
    companies: companiesOf(session, results.get('company')),
    requestCount: session.requestCount(),
  };
  options.onEvent({ type: 'run-finished', report });
  return report;
}

/** The one company this credential reaches, once the company check has passed. */
function companiesOf(session: Session, company: CheckResult | undefined): ReadonlyArray<Company> {
  if (company?.status !== 'passed' || !session.settings.ok) return [];
  const { businessId, companyName } = session.settings.settings;
  return [{ id: businessId, name: companyName, businessId, active: true }];
}
