/** What kind of hand-off failure an error is; each kind has its own words and way forward. */
import { isSessionEnded } from '../../store/api';
import type { UiError } from '../../store';

export type HandoffProblem = 'session' | 'exists' | 'validation' | 'unreachable' | 'other';

const UNREACHABLE = new Set(['E_EXOPEN_UNAVAILABLE', 'E_EXOPEN_NETWORK', 'E_TRANSPORT']);

export function handoffProblem(error: UiError): HandoffProblem {
  if (isSessionEnded(error)) return 'session';
  if (error.code === 'E_EXOPEN_EXISTS') return 'exists';
  if ((error.fieldErrors?.length ?? 0) > 0) return 'validation';
  return UNREACHABLE.has(error.code) ? 'unreachable' : 'other';
}
