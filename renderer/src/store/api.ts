/** Small tools every action module shares: step guards, stale-answer tickets and error mapping. */
import type { StoreApi } from 'zustand';
import { BridgeCallError, isBridgeCallError } from '../../../preload/bridge';
import type { WizardStep } from '../../../preload/contract';
import { isErrorCode } from '../../../preload/error-codes';
import { meaningOf } from '../errors';
import type { AppState, Session, StepOf, UiError, WizardState } from './types';

export interface Api {
  readonly get: StoreApi<AppState>['getState'];
  readonly set: StoreApi<AppState>['setState'];
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}

/** Thrown when an action is called on a step it does not belong to: a programming error, so fail fast. */
export class WizardStepError extends Error {
  constructor(expected: ReadonlyArray<WizardStep>, actual: WizardStep) {
    super(`Wizard action for step ${expected.join('/')} called on step ${actual}`);
    this.name = 'WizardStepError';
  }
}

export function isStep<S extends WizardStep>(state: WizardState, step: S): state is StepOf<S> {
  return state.step === step;
}

/** The current step state, asserting it is `step`. */
export function expectStep<S extends WizardStep>(api: Api, step: S): StepOf<S> {
  const wizard = api.get().wizard;
  if (!isStep(wizard, step)) throw new WizardStepError([step], wizard.step);
  return wizard;
}

/** Updates the step state only if the wizard is still on `step` (an answer for a step left behind is dropped). */
export function updateStep<S extends WizardStep>(api: Api, step: S, update: (state: StepOf<S>) => StepOf<S>): boolean {
  const wizard = api.get().wizard;
  if (!isStep(wizard, step)) return false;
  api.set({ wizard: update(wizard) });
  return true;
}

/** Updates busy/error of whatever step is current. */
export function updateCurrent(api: Api, patch: { busy?: boolean; error?: UiError | null }): void {
  api.set((state) => ({ wizard: { ...state.wizard, ...patch } }));
}

/** Updates the session of whatever step is current, if it is still the same draft. */
export function patchSession(api: Api, draftId: string, update: (session: Session) => Session): void {
  const wizard = api.get().wizard;
  if (!wizard.session || wizard.session.draftId !== draftId) return;
  api.set({ wizard: { ...wizard, session: update(wizard.session) } });
}

const tickets = new Map<string, number>();

/** Starts a request of `kind`; only the newest ticket of a kind may apply its answer. */
export function takeTicket(kind: string): number {
  const next = (tickets.get(kind) ?? 0) + 1;
  tickets.set(kind, next);
  return next;
}

export function isCurrentTicket(kind: string, ticket: number): boolean {
  return tickets.get(kind) === ticket;
}

export function toUiError(error: unknown): UiError {
  // Under Electron a failed call may arrive as a plain {code, message} object (contextBridge strips Error props).
  if (error instanceof BridgeCallError || isBridgeCallError(error)) {
    // main answers only ERROR_CODES (dispatch.ts); a code from elsewhere would have no meaning in the table.
    const code = isErrorCode(error.code) ? error.code : 'E_UNEXPECTED';
    return error.fieldErrors ? { code, message: error.message, fieldErrors: error.fieldErrors } : { code, message: error.message };
  }
  if (error instanceof Error) return { code: 'E_UNEXPECTED', message: error.message };
  return { code: 'E_UNEXPECTED', message: String(error) };
}

/** The Exopen session is gone (kind `session` in renderer/src/errors.ts): the UI asks to sign in again, keeping everything typed. */
export const isSessionEnded = (error: UiError): boolean => meaningOf(error.code).kind === 'session';

/**
 * `toUiError` for calls that need an Exopen session: when the answer says the session ended, the renderer
 * forgets it too, so every sign-in panel shows again ("nothing you typed is lost").
 */
export function failure(api: Api, error: unknown): UiError {
  const uiError = toUiError(error);
  if (!isSessionEnded(uiError)) return uiError;
  const auth = api.get().auth;
  if (auth.phase === 'signedOut' && auth.pending) return uiError; // a sign-in is under way; it decides
  // "Your session ended" only for someone who was signed in; otherwise it is simply a sign-in that is needed.
  const ended = auth.phase === 'signedIn' || (auth.phase === 'signedOut' && auth.ended);
  api.set({ auth: { phase: 'signedOut', pending: false, error: null, ended } });
  return uiError;
}

/** A v4 UUID; crypto.randomUUID needs a secure context, which app:// and 127.0.0.1 both are. */
export function newOperationId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
