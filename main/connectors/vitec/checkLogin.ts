/**
 * `login`: does Vitec accept the username and password? A wrong pair is the user's to correct; a locked or
 * expired user is the Vitec administrator's, so the two get different summaries and fixes.
 */
import { msg } from '../types';
import type { AssumedErrorKind } from './assumedApi';
import { diagnose } from './diagnosis';
import { VitecApiError } from './errors';
import { fieldsOutcome } from './inputProblem';
import type { CheckOutcome } from '../shared/outcome';
import { fetched, type Session } from './session';

const SUMMARY: Partial<Record<AssumedErrorKind, string>> = {
  invalidCredentials: 'rejected',
  userLocked: 'locked',
  passwordExpired: 'expired',
};

export async function checkLogin(session: Session): Promise<CheckOutcome> {
  const client = session.client();
  if (!session.settings.ok || !client) return fieldsOutcome('login', session.settings.ok ? [] : session.settings.errors);
  const { username } = session.settings.settings;
  const answer = await fetched(() => client.me({ checkId: 'login', ...(session.signal ? { signal: session.signal } : {}) }));
  if (answer.ok) return { status: 'passed', summary: msg('vitec:checks.login.passed', { username, host: session.context.host }) };
  const which = answer.error instanceof VitecApiError ? (SUMMARY[answer.error.kind] ?? 'failed') : 'failed';
  return { status: 'failed', summary: msg(`vitec:checks.login.${which}`, { username }), diagnosis: diagnose(answer.error, session.context) };
}
