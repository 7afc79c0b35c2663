/**
 * Failures before any request can leave: the form does not validate, or this installation has no way to
 * exchange Procountor API keys (no partner credentials, no broker). Both are explained, never thrown.
 */
import { msg, type FieldError } from '../types';
import type { CheckOutcome } from '../shared/outcome';
import type { Access } from './session';

// The field most likely to explain a refused key comes first.
const FIELD_ORDER = ['apiKey', 'environment', 'baseUrl'];

const firstByOrder = (errors: ReadonlyArray<FieldError>): FieldError | undefined =>
  [...errors].sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field))[0];

export function fieldsOutcome(errors: ReadonlyArray<FieldError>): CheckOutcome {
  const first = firstByOrder(errors);
  return {
    status: 'failed',
    summary: msg('procountor:checks.inputInvalid'),
    diagnosis: {
      kind: 'input',
      meaning: first?.message ?? msg('procountor:diagnosis.input.unknown'),
      fix: msg('procountor:diagnosis.input.fix', { count: errors.length }),
    },
  };
}

export function accessProblemOutcome(access: Exclude<Access, { ok: true }>): CheckOutcome {
  if (access.problem === 'fields') return fieldsOutcome(access.errors);
  const { problem, detail } = access.exchange;
  return {
    status: 'failed',
    summary: msg('procountor:diagnosis.partner.summary'),
    diagnosis: {
      kind: 'input',
      meaning: msg(`procountor:diagnosis.partner.${problem}.meaning`, detail ? { detail } : undefined),
      fix: msg('procountor:diagnosis.partner.fix'),
    },
  };
}
