/** Pure helpers over a session: building one from a draft, which fields show, whether Test may run. */
import type { Draft, FieldError, FieldSpec, SystemDescriptor } from '../../../preload/contract';
import { assertNever } from './api';
import type { CredentialsState, Session } from './types';

/** Fields whose values live in the draft (secrets go to the keychain; fixed values are not inputs). */
export function isDraftField(field: FieldSpec): boolean {
  return field.kind === 'text' || field.kind === 'select';
}

export function sessionFromDraft(draft: Draft, descriptor: SystemDescriptor, secretsStored: Readonly<Record<string, boolean>>): Session {
  const fields: Record<string, string> = {};
  for (const field of descriptor.fields) {
    if (isDraftField(field)) fields[field.id] = draft.fields[field.id] ?? field.defaultValue ?? '';
  }
  return {
    draftId: draft.id,
    descriptor,
    fields,
    fieldErrors: [],
    secretsStored,
    ticked: [],
    report: null,
    selectedCompanies: draft.selectedCompanies,
    dataSourceId: draft.dataSourceId ?? null,
    domainId: draft.domainId ?? null,
    recreateOf: draft.recreateOf ?? null,
  };
}

export function isFieldVisible(field: FieldSpec, fields: Readonly<Record<string, string>>): boolean {
  if (!field.showWhen) return true;
  return field.showWhen.equals.includes(fields[field.showWhen.field] ?? '');
}

export function visibleFields(session: Session): ReadonlyArray<FieldSpec> {
  return session.descriptor.fields.filter((field) => isFieldVisible(field, session.fields));
}

/** Errors that block the Test button: those of visible fields, ignoring a secret error the typed value will fix. */
export function blockingErrors(state: CredentialsState): ReadonlyArray<FieldError> {
  const fields = new Map(state.session.descriptor.fields.map((field) => [field.id, field]));
  return state.session.fieldErrors.filter((error) => {
    const field = fields.get(error.field);
    if (!field) return true;
    if (!isFieldVisible(field, state.session.fields)) return false;
    return !(field.kind === 'secret' && (state.typedSecrets[field.id] ?? '') !== '');
  });
}

export function hasSecretValue(state: CredentialsState, fieldId: string): boolean {
  return state.session.secretsStored[fieldId] === true || (state.typedSecrets[fieldId] ?? '') !== '';
}

/** Test may run when nothing blocks it and every required visible input has a value (stored or typed). */
export function canStartTest(state: CredentialsState): boolean {
  if (state.busy || blockingErrors(state).length > 0) return false;
  return visibleFields(state.session).every((field) => {
    if (!field.required) return true;
    switch (field.kind) {
      case 'secret':
        return hasSecretValue(state, field.id);
      case 'text':
      case 'select':
        return (state.session.fields[field.id] ?? '').trim() !== '';
      case 'fixed':
        return true;
      default:
        return assertNever(field.kind);
    }
  });
}

/** The field errors the form shows now: touched fields, or all of them after a Test attempt. */
export function shownFieldError(state: CredentialsState, fieldId: string): FieldError | undefined {
  if ((state.typedSecrets[fieldId] ?? '') !== '') return undefined;
  // What Exopen said at hand-off shows until the field is edited, whether touched or not.
  const external = state.externalErrors.find((error) => error.field === fieldId);
  if (external) return external;
  if (!state.showAllErrors && !state.touched.includes(fieldId)) return undefined;
  return state.session.fieldErrors.find((error) => error.field === fieldId);
}
