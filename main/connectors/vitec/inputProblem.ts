/** A check that cannot send its request because the form does not validate: explained, never thrown. */
import { msg, type FieldError } from '../types';
import type { CheckOutcome } from '../shared/outcome';

// The field most likely to explain a failed check comes first.
const FIELD_ORDER = ['domain', 'environment', 'username', 'password', 'integrationId'];

export function fieldsOutcome(checkId: string, errors: ReadonlyArray<FieldError>): CheckOutcome {
  const first = [...errors].sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field))[0];
  return {
    status: 'failed',
    summary: msg(`vitec:checks.${checkId}.inputInvalid`),
    diagnosis: {
      kind: 'input',
      meaning: first?.message ?? msg('vitec:diagnosis.input.unknown'),
      fix: msg('vitec:diagnosis.input.fix', { count: errors.length }),
    },
  };
}
