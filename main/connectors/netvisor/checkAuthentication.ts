/**
 * `authentication` and `company` share one cheap signed read (the accounting periods). Netvisor checks the
 * keys before the company, so an answer that complains only about the company, or about a resource right,
 * still proves the API User ID, API Key and Exopen's partner signature were accepted.
 */
import { msg } from '../types';
import { accessProblemOutcome } from './accessProblem';
import { classifyAuthFailure } from './authFailure';
import { diagnose } from './diagnosis';
import { NetvisorApiError } from './errors';
import type { CheckOutcome } from '../shared/outcome';
import { AUTH_PROBE_PATH, findResource } from './resources';
import type { ProbeOutcome, Session } from './session';

const authProbe = findResource(AUTH_PROBE_PATH)!;

/** True when the failure is about the company rather than the keys (UNCERTAIN wording, see authFailure). */
const isCompanyProblem = (error: NetvisorApiError): boolean =>
  error.vendorCode === 'AUTHENTICATION_FAILED' && classifyAuthFailure(error).kind === 'no-company';

/** The keys were refused: the read failed for a reason other than one only an accepted caller can get. */
const keysRejected = (outcome: ProbeOutcome): outcome is Extract<ProbeOutcome, { ok: false }> =>
  !outcome.ok &&
  !(outcome.error instanceof NetvisorApiError && (outcome.error.vendorCode === 'SERVICE_ACCESS_ERROR' || isCompanyProblem(outcome.error)));

export async function checkAuthentication(session: Session): Promise<CheckOutcome> {
  const access = await session.access();
  if (!access.ok) return accessProblemOutcome('authentication', access);
  const outcome = await access.probe(authProbe, 'authentication');
  if (!keysRejected(outcome)) return { status: 'passed', summary: msg('netvisor:checks.authentication.passed') };
  return {
    status: 'failed',
    summary: msg('netvisor:checks.authentication.failed'),
    diagnosis: diagnose(outcome.error, session.diagnosisContext),
  };
}

export async function checkCompany(session: Session): Promise<CheckOutcome> {
  const access = await session.access();
  if (!access.ok) return accessProblemOutcome('company', access);
  const { companyName, businessId } = access.settings;
  const outcome = await access.probe(authProbe, 'company');
  if (outcome.ok || (outcome.error instanceof NetvisorApiError && outcome.error.vendorCode === 'SERVICE_ACCESS_ERROR')) {
    return { status: 'passed', summary: msg('netvisor:checks.company.passed', { companyName, businessId }) };
  }
  return {
    status: 'failed',
    summary: msg('netvisor:checks.company.failed', { businessId }),
    diagnosis: diagnose(outcome.error, session.diagnosisContext),
  };
}
