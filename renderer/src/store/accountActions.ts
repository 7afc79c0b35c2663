/** The shell around the wizard: loading the session and settings, saving settings, switching pages. */
import { bridge } from '../bridge';
import { toUiError, type Api } from './api';
import type { AccountActions } from './accountTypes';

type ShellActions = Pick<AccountActions, 'loadAccount' | 'saveSettings' | 'clearSettingsError' | 'showView'>;

let unsubscribeAuth: (() => void) | null = null;

export function accountActions(api: Api): ShellActions {
  async function loadSession(): Promise<void> {
    try {
      api.get().actions.applySession(await bridge.auth.status({}));
    } catch (error) {
      // Shown where sign-in is offered; the rest of the app works without a session.
      api.set({ auth: { phase: 'signedOut', pending: false, error: toUiError(error), ended: false } });
    }
  }

  async function loadSettings(): Promise<void> {
    try {
      api.set({ settings: { phase: 'ready', value: await bridge.settings.get({}) } });
    } catch (error) {
      api.set({ settings: { phase: 'failed', error: toUiError(error) } });
    }
  }

  return {
    async loadAccount() {
      unsubscribeAuth ??= bridge.on('auth.changed', (session) => api.get().actions.applySession(session));
      await Promise.all([loadSession(), loadSettings()]);
    },

    async saveSettings(input) {
      api.set({ settingsSave: { busy: true, error: null } });
      try {
        const value = await bridge.settings.set(input);
        api.set({ settings: { phase: 'ready', value }, settingsSave: { busy: false, error: null }, toast: value.active ? 'settingsSaved' : 'settingsSavedRestart' });
        // A backend switched at once may know another user: ask again who is signed in.
        if (!value.active) return 'restart';
        await loadSession();
        return 'active';
      } catch (error) {
        api.set({ settingsSave: { busy: false, error: toUiError(error) } });
        return 'failed';
      }
    },

    clearSettingsError() {
      api.set({ settingsSave: { busy: false, error: null } });
    },

    showView(view) {
      api.set({ view });
    },
  };
}
