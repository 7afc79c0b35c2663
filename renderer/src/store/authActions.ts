/**
 * The Exopen sign-in: the session at start, the browser sign-in and its cancel, sign-out, and the
 * auth.changed event. Signing in never touches the wizard: whatever was typed stays; what waited for the
 * session (domains at Review, a deferred Test run) starts right after.
 */
import type { Session as ExopenSession } from '../../../preload/contract';
import { bridge } from '../bridge';
import { meaningOf } from '../errors';
import { toUiError, type Api } from './api';
import type { AccountActions, AuthState } from './accountTypes';
import type { UiError } from './types';

type AuthActions = Pick<AccountActions, 'applySession' | 'signIn' | 'cancelSignIn' | 'signOut' | 'dismissSignInNotice' | 'signInPanelShown'>;

/** Set while the user's own Cancel is on its way, so the E_AUTH_CANCELLED it causes is not shown as a problem. */
let cancelledByUser = false;

const signedOut = (patch: Partial<Extract<AuthState, { phase: 'signedOut' }>> = {}): AuthState => ({
  phase: 'signedOut',
  pending: false,
  error: null,
  ended: false,
  ...patch,
});

export function authActions(api: Api): AuthActions {
  /** What waited for a session starts now. */
  function afterSignIn(): void {
    const { wizard, actions } = api.get();
    api.set({ domains: { list: { phase: 'idle' }, creating: false, createError: null } });
    if (wizard.step === 'review') void actions.loadDomains();
    if (wizard.step === 'test' && wizard.deferred && !wizard.run.running) void actions.runChecks(wizard.deferred);
    // The Data sources page loads itself when it sees the session (its effect depends on it).
  }

  /** Nothing of the previous user's account stays on screen. */
  function afterSignOut(): void {
    api.set({
      domains: { list: { phase: 'idle' }, creating: false, createError: null },
      dataSources: { cards: null, loading: false, error: null, actionError: null, dialog: null },
    });
  }

  function apply(session: ExopenSession, error: UiError | null): void {
    const before = api.get().auth;
    if (session.signedIn) {
      api.set({ auth: { phase: 'signedIn', user: session.user, expiresAt: session.expiresAt } });
      if (before.phase !== 'signedIn') afterSignIn();
      return;
    }
    // Signed out without asking (signOut sets its own state first): the session ended on its own.
    const ended = before.phase === 'signedIn' || (before.phase === 'signedOut' && before.ended);
    api.set({ auth: signedOut({ pending: session.pending, error, ended }) });
    if (before.phase === 'signedIn') afterSignOut();
  }

  return {
    applySession(session) {
      const before = api.get().auth;
      // A sign-in under way keeps its place; otherwise an error already shown stays until the next attempt.
      const keepError = before.phase === 'signedOut' && !session.signedIn && !session.pending;
      apply(session, keepError ? before.error : null);
    },

    async signIn() {
      const before = api.get().auth;
      if (before.phase === 'signedIn' || (before.phase === 'signedOut' && before.pending)) return;
      const ended = before.phase === 'signedOut' && before.ended;
      cancelledByUser = false;
      api.set({ auth: signedOut({ pending: true, ended }) });
      try {
        apply(await bridge.auth.signIn({}), null);
      } catch (error) {
        const uiError = toUiError(error);
        if (api.get().auth.phase === 'signedIn') return; // auth.changed got there first
        const quiet = cancelledByUser && meaningOf(uiError.code).kind === 'cancelled';
        api.set({ auth: signedOut({ error: quiet ? null : uiError, ended }) });
      } finally {
        cancelledByUser = false;
      }
    },

    async cancelSignIn() {
      const auth = api.get().auth;
      if (auth.phase !== 'signedOut' || !auth.pending) return;
      cancelledByUser = true;
      try {
        await bridge.auth.cancel({});
      } catch (error) {
        cancelledByUser = false;
        api.set({ auth: { ...auth, error: toUiError(error) } });
      }
    },

    async signOut() {
      if (api.get().auth.phase !== 'signedIn') return;
      // Signed out here first, so the auth.changed that follows is not taken for an ended session.
      api.set({ auth: signedOut() });
      afterSignOut();
      try {
        apply(await bridge.auth.signOut({}), null);
        api.set({ toast: 'signedOut' });
      } catch (error) {
        // Main could not remove its tokens: ask it what is true rather than guess.
        const uiError = toUiError(error);
        api.set({ toast: 'signOutFailed' });
        try {
          apply(await bridge.auth.status({}), uiError);
        } catch {
          api.set({ auth: signedOut({ error: uiError }) });
        }
      }
    },

    dismissSignInNotice() {
      const auth = api.get().auth;
      if (auth.phase === 'signedOut' && !auth.pending) api.set({ auth: signedOut() });
    },

    signInPanelShown() {
      api.set((state) => ({ signInPanels: state.signInPanels + 1 }));
      return () => api.set((state) => ({ signInPanels: Math.max(0, state.signInPanels - 1) }));
    },
  };
}
