/**
 * `identity`: which company and user the key belongs to. A key is bound to one company, so this is also
 * where a swapped key for the wrong company is caught: when the run re-tests a credential whose earlier
 * report named a company, a different company here fails the check.
 */
import { msg, type Company } from '../types';
import { accessProblemOutcome } from './accessProblem';
import { diagnose } from './diagnosis';
import { readIdentity, type Identity } from './identity';
import type { CheckOutcome } from '../shared/outcome';
import type { Session } from './session';

export interface IdentityCheck {
  readonly outcome: CheckOutcome;
  readonly identity?: Identity;
}

export async function checkIdentity(session: Session, expected: Company | undefined): Promise<IdentityCheck> {
  const access = await session.access();
  if (!access.ok) return { outcome: accessProblemOutcome(access) };
  const result = await readIdentity(access, 'identity');
  if (!result.ok) {
    return { outcome: { status: 'failed', summary: msg('procountor:checks.identity.failed'), diagnosis: diagnose(result.error, session.diagnosisContext) } };
  }
  const { identity } = result;
  const params = { companyName: identity.companyName, companyId: identity.companyId, userName: identity.userName };
  if (expected && expected.id !== identity.companyId) {
    const both = { ...params, expectedName: expected.name, expectedId: expected.id };
    return {
      outcome: {
        status: 'failed',
        summary: msg('procountor:checks.identity.otherCompany.summary', both),
        diagnosis: { kind: 'input', meaning: msg('procountor:checks.identity.otherCompany.meaning', both), fix: msg('procountor:checks.identity.otherCompany.fix', both) },
      },
      identity,
    };
  }
  const summary = identity.businessId
    ? msg('procountor:checks.identity.passedWithBusinessId', { ...params, businessId: identity.businessId })
    : msg('procountor:checks.identity.passed', params);
  return { outcome: { status: 'passed', summary }, identity };
}
