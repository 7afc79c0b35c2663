/** What kind of hand-off failure an error is; each kind has its own words and way forward. */
import { meaningOf } from '../../errors';
import type { UiError } from '../../store';

export type HandoffProblem = 'session' | 'exists' | 'validation' | 'unreachable' | 'other';

/** By the code's kind (renderer/src/errors.ts), except that any field errors make it values to fix. */
export function handoffProblem(error: UiError): HandoffProblem {
  const { kind } = meaningOf(error.code);
  if (kind === 'session') return 'session';
  if (kind === 'exists') return 'exists';
  if ((error.fieldErrors?.length ?? 0) > 0) return 'validation';
  return kind === 'unreachable' ? 'unreachable' : 'other';
}
