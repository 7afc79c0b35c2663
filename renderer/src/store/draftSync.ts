/**
 * Keeps the draft on disk in step with the wizard: field edits save after a short pause, step changes save
 * at once. Only the newest save may apply its field errors.
 */
import type { FieldError } from '../../../preload/contract';
import { bridge } from '../bridge';
import { isCurrentTicket, patchSession, takeTicket, toUiError, updateCurrent, type Api } from './api';

export const AUTOSAVE_DELAY_MS = 400;

let pending: ReturnType<typeof setTimeout> | null = null;

function clearPending(): void {
  if (pending !== null) clearTimeout(pending);
  pending = null;
}

export function scheduleSave(api: Api): void {
  clearPending();
  pending = setTimeout(() => void saveDraftNow(api), AUTOSAVE_DELAY_MS);
}

/** Saves the current step, fields and company selection; returns the field errors, or null if it failed or went stale. */
export async function saveDraftNow(api: Api): Promise<ReadonlyArray<FieldError> | null> {
  clearPending();
  const wizard = api.get().wizard;
  const session = wizard.session;
  if (!session) return null;
  const ticket = takeTicket('save');
  try {
    const { errors } = await bridge.drafts.save({
      id: session.draftId,
      step: wizard.step,
      fields: { ...session.fields },
      selectedCompanies: [...session.selectedCompanies],
      ...(session.domainId ? { domainId: session.domainId } : {}),
    });
    if (!isCurrentTicket('save', ticket)) return null;
    patchSession(api, session.draftId, (current) => ({ ...current, fieldErrors: errors }));
    return errors;
  } catch (error) {
    if (isCurrentTicket('save', ticket)) updateCurrent(api, { error: toUiError(error) });
    return null;
  }
}

/** Forgets a pending autosave (the draft is being discarded). */
export function cancelPendingSave(): void {
  clearPending();
  takeTicket('save');
}
