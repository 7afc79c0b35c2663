/**
 * `companies`: which companies the API user reaches. "No companies found" is never said alone: an empty list
 * after a good sign-in means the user has no company access; a list of only inactive companies means the
 * Companies step would look empty unless Show inactive is on. Each gets its own explanation and fix.
 */
import { msg } from '../types';
import { diagnose } from './diagnosis';
import { fieldsOutcome } from './inputProblem';
import type { CheckOutcome } from '../shared/outcome';
import type { Session } from './session';

export async function checkCompanies(session: Session): Promise<CheckOutcome> {
  if (!session.settings.ok || !session.client()) return fieldsOutcome('companies', session.settings.ok ? [] : session.settings.errors);
  const { username } = session.settings.settings;
  const { host } = session.context;
  const answer = await session.companies();
  if (!answer.ok) return { status: 'failed', summary: msg('vitec:checks.companies.failed', { username }), diagnosis: diagnose(answer.error, session.context) };
  const total = answer.value.length;
  const inactive = answer.value.filter((company) => !company.active).length;
  const params = { username, host, count: total, inactive };
  if (total === 0) {
    return {
      status: 'failed',
      summary: msg('vitec:checks.companies.none.summary', params),
      diagnosis: { kind: 'customer-action', meaning: msg('vitec:checks.companies.none.meaning', params), fix: msg('vitec:checks.companies.none.fix', params) },
    };
  }
  if (inactive === total) {
    return {
      status: 'warning',
      summary: msg('vitec:checks.companies.allInactive.summary', params),
      diagnosis: { kind: 'customer-action', meaning: msg('vitec:checks.companies.allInactive.meaning', params), fix: msg('vitec:checks.companies.allInactive.fix', params) },
    };
  }
  return { status: 'passed', summary: msg(inactive > 0 ? 'vitec:checks.companies.passedSomeInactive' : 'vitec:checks.companies.passed', params) };
}
