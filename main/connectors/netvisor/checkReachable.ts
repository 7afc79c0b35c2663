/** `reachable`: does the Netvisor host answer at all? DNS, refused, timeout and TLS are told apart. */
import { NetworkError } from '../../platform/http';
import { msg } from '../types';
import { pingHost } from './client';
import { diagnose } from './diagnosis';
import { fieldsOutcome } from './accessProblem';
import type { CheckOutcome } from '../shared/outcome';
import type { Session } from './session';

export async function checkReachable(session: Session): Promise<CheckOutcome> {
  const { settings, diagnosisContext } = session;
  const baseUrl = settings.ok ? settings.settings.baseUrl : settings.baseUrl;
  if (!baseUrl) {
    const urlErrors = settings.ok ? [] : settings.errors.filter((error) => error.field === 'environment' || error.field === 'baseUrl');
    return fieldsOutcome('reachable', urlErrors);
  }
  try {
    const { httpStatus } = await pingHost(baseUrl, {
      recorder: session.recorder,
      checkId: 'reachable',
      ...(session.signal ? { signal: session.signal } : {}),
      ...(session.timeoutMs === undefined ? {} : { timeoutMs: session.timeoutMs }),
    });
    return { status: 'passed', summary: msg('netvisor:checks.reachable.passed', { host: diagnosisContext.host, httpStatus }) };
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    return {
      status: 'failed',
      summary: msg('netvisor:checks.reachable.failed', { host: diagnosisContext.host }),
      diagnosis: diagnose(error, diagnosisContext),
    };
  }
}
