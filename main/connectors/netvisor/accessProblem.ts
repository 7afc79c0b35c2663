/**
 * Failures before any signed request can leave: the form does not validate, or this installation has no
 * Netvisor partner credentials to sign with. Both are explained, never thrown.
 */
import { msg, type FieldError } from '../types';
import type { CheckOutcome } from '../shared/outcome';
import type { Access } from './session';

// The field most likely to explain a failed sign-in comes first.
const FIELD_ORDER = ['businessId', 'customerId', 'customerKey', 'environment', 'baseUrl', 'companyName'];

const firstByOrder = (errors: ReadonlyArray<FieldError>): FieldError | undefined =>
  [...errors].sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field))[0];

export function fieldsOutcome(checkId: string, errors: ReadonlyArray<FieldError>): CheckOutcome {
  const first = firstByOrder(errors);
  return {
    status: 'failed',
    summary: msg(`netvisor:checks.${checkId}.inputInvalid`),
    diagnosis: {
      kind: 'input',
      meaning: first?.message ?? msg('netvisor:diagnosis.input.unknown'),
      fix: msg('netvisor:diagnosis.input.fix', { count: errors.length }),
    },
  };
}

export function accessProblemOutcome(checkId: string, access: Exclude<Access, { ok: true }>): CheckOutcome {
  if (access.problem === 'fields') return fieldsOutcome(checkId, access.errors);
  return {
    status: 'failed',
    summary: msg('netvisor:diagnosis.partner.summary'),
    diagnosis: {
      kind: 'input',
      meaning: msg(`netvisor:diagnosis.partner.${access.signer.problem}.meaning`, access.signer.detail ? { detail: access.signer.detail } : undefined),
      fix: msg('netvisor:diagnosis.partner.fix'),
    },
  };
}
