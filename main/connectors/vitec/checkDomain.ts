/**
 * `domain`: does the installation exist and answer? A malformed domain, Vitec's "no such installation", a
 * name that does not resolve, and a host that will not answer are each explained differently.
 */
import { msg } from '../types';
import { diagnose } from './diagnosis';
import { fieldsOutcome } from './inputProblem';
import type { CheckOutcome } from '../shared/outcome';
import { fetched, type Session } from './session';

export async function checkDomain(session: Session): Promise<CheckOutcome> {
  const client = session.client();
  if (!session.located.ok || !client) return fieldsOutcome('domain', session.located.ok ? [] : session.located.errors);
  const { host } = session.context;
  const answer = await fetched(() => client.ping({ checkId: 'domain', ...(session.signal ? { signal: session.signal } : {}) }));
  if (answer.ok) return { status: 'passed', summary: msg('vitec:checks.domain.passed', { host, httpStatus: answer.value.httpStatus }) };
  return { status: 'failed', summary: msg('vitec:checks.domain.failed', { host }), diagnosis: diagnose(answer.error, session.context) };
}
