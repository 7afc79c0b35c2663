/**
 * `token`: exchange the API key for an access token. This is where a bad, revoked, foreign or truncated
 * key shows up, each explained on its own (see tokenFailure.ts).
 */
import { msg } from '../types';
import { accessProblemOutcome } from './accessProblem';
import { EXOPEN_CLIENT_ID } from './clientId';
import { diagnose, isCheckFailure } from './diagnosis';
import type { CheckOutcome } from '../shared/outcome';
import type { Session } from './session';

export async function checkToken(session: Session): Promise<CheckOutcome> {
  const access = await session.access();
  if (!access.ok) return accessProblemOutcome(access);
  try {
    await access.client.authenticate({ checkId: 'token', ...(session.signal ? { signal: session.signal } : {}) });
    return { status: 'passed', summary: msg('procountor:checks.token.passed', { clientId: EXOPEN_CLIENT_ID, host: session.diagnosisContext.host }) };
  } catch (error) {
    if (!isCheckFailure(error)) throw error;
    return { status: 'failed', summary: msg('procountor:checks.token.failed'), diagnosis: diagnose(error, session.diagnosisContext) };
  }
}
