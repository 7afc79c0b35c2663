/**
 * Renderer failures: the one reporting function (to main's log through `app.logError`) and the way back from
 * the crash fallback. Both must work with a state that may itself be what broke, so each step is guarded.
 */
import { bridge } from '../bridge';
import type { Api } from './api';
import { initialDiagnose } from './diagnoseActions';
import { saveDraftNow } from './draftSync';
import { createErrorReporter } from './errorReport';
import { enter } from './navigation';
import type { AppState, CrashActions } from './types';

/** Secret values the renderer holds that main has not seen yet (so main's redactor cannot know them). */
function unsentSecrets(state: AppState): string[] {
  const wizard = state.wizard.step === 'credentials' ? Object.values(state.wizard.typedSecrets) : [];
  return [...wizard, ...Object.values(state.diagnose.typedSecrets)];
}

export function crashActions(api: Api): CrashActions {
  const reportError = createErrorReporter({
    send: (report) => bridge.app.logError(report),
    context: () => ({ view: api.get().view, step: api.get().wizard.step }),
    secrets: () => unsentSecrets(api.get()),
  });

  return {
    reportError,

    async recoverFromCrash(mode) {
      try {
        const wizard = api.get().wizard;
        if (wizard.step === 'test' && wizard.run.running && wizard.run.operationId) {
          void bridge.checks.cancel({ operationId: wizard.run.operationId }).catch(() => undefined); // its answer would be dropped
        }
        if (mode === 'startOver') api.set({ view: 'wizard', wizard: enter.system(wizard.session), diagnose: initialDiagnose });
        // The step (the first one, for Start over) and the fields typed since the last save; the load that
        // follows the remount reads the draft back from main.
        await saveDraftNow(api);
      } catch (error) {
        reportError('boundary', error);
      }
      api.set((state) => ({
        boot: { phase: 'loading' },
        resumed: false,
        toast: null,
        dataSources: { ...state.dataSources, dialog: null, actionError: null },
      }));
    },
  };
}
