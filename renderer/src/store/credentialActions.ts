/**
 * The Credentials step. Non-secret edits autosave; a secret goes to the keychain on blur (or before Test) and
 * its typed value is dropped from state as soon as it is stored.
 */
import type { FieldError } from '../../../preload/contract';
import { bridge } from '../bridge';
import { expectStep, isStep, patchSession, toUiError, updateStep, type Api } from './api';
import { saveDraftNow, scheduleSave } from './draftSync';
import { enter, transition } from './navigation';
import { blockingErrors, canStartTest } from './session';
import type { WizardActions } from './types';

type CredentialActions = Pick<WizardActions, 'editField' | 'touchField' | 'typeSecret' | 'storeSecret' | 'startTest'>;

const withTouched = (touched: ReadonlyArray<string>, id: string): ReadonlyArray<string> =>
  touched.includes(id) ? touched : [...touched, id];

const withoutField = (errors: ReadonlyArray<FieldError>, id: string): ReadonlyArray<FieldError> =>
  errors.some((error) => error.field === id) ? errors.filter((error) => error.field !== id) : errors;

export function credentialActions(api: Api): CredentialActions {
  /** Stores one typed secret; true when stored (or nothing to store). Never throws: a stale call is a no-op. */
  async function putSecret(fieldId: string): Promise<boolean> {
    const state = api.get().wizard;
    if (!isStep(state, 'credentials')) return false;
    const value = state.typedSecrets[fieldId] ?? '';
    if (value === '') return true;
    const draftId = state.session.draftId;
    try {
      await bridge.secrets.put({ draftId, field: fieldId, value });
    } catch (error) {
      updateStep(api, 'credentials', (current) => ({ ...current, error: toUiError(error) }));
      return false;
    }
    // The secret is stored whatever step the user has moved to meanwhile (e.g. Back, which blurs the field).
    patchSession(api, draftId, (session) => ({ ...session, secretsStored: { ...session.secretsStored, [fieldId]: true } }));
    updateStep(api, 'credentials', (current) => {
      const typedSecrets = { ...current.typedSecrets };
      // Typed again while storing: keep the newer value for the next put.
      if (typedSecrets[fieldId] === value) delete typedSecrets[fieldId];
      return { ...current, typedSecrets };
    });
    return true;
  }

  return {
    editField(id, value) {
      expectStep(api, 'credentials');
      updateStep(api, 'credentials', (state) => ({
        ...state,
        touched: withTouched(state.touched, id),
        externalErrors: withoutField(state.externalErrors, id),
        session: { ...state.session, fields: { ...state.session.fields, [id]: value } },
      }));
      scheduleSave(api);
    },

    touchField(id) {
      updateStep(api, 'credentials', (state) => ({ ...state, touched: withTouched(state.touched, id) }));
    },

    typeSecret(id, value) {
      expectStep(api, 'credentials');
      updateStep(api, 'credentials', (state) => ({
        ...state,
        externalErrors: withoutField(state.externalErrors, id),
        typedSecrets: { ...state.typedSecrets, [id]: value },
      }));
    },

    async storeSecret(id) {
      updateStep(api, 'credentials', (state) => ({ ...state, touched: withTouched(state.touched, id) }));
      if (await putSecret(id)) await saveDraftNow(api);
    },

    async startTest() {
      const state = expectStep(api, 'credentials');
      if (!canStartTest(state)) {
        updateStep(api, 'credentials', (current) => ({ ...current, showAllErrors: true }));
        return;
      }
      updateStep(api, 'credentials', (current) => ({ ...current, busy: true, error: null, showAllErrors: true }));
      for (const fieldId of Object.keys(state.typedSecrets)) {
        if (!(await putSecret(fieldId))) return void updateStep(api, 'credentials', (current) => ({ ...current, busy: false }));
      }
      const errors = await saveDraftNow(api);
      const current = api.get().wizard;
      if (!isStep(current, 'credentials')) return;
      const ready = errors !== null && blockingErrors({ ...current, busy: false }).length === 0;
      if (!ready) return void updateStep(api, 'credentials', (s) => ({ ...s, busy: false }));
      transition(api, enter.test(current.session));
      await api.get().actions.runChecks('all');
    },
  };
}
