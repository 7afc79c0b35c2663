/** Loading the app, choosing a system, resuming or discarding a draft, Back, and the copy toast. */
import type { SystemId } from '../../../preload/contract';
import { bridge } from '../bridge';
import { expectStep, isStep, toUiError, updateCurrent, updateStep, type Api } from './api';
import { cancelPendingSave } from './draftSync';
import { enter, previousState, resumeState, transition } from './navigation';
import { sessionFromDraft } from './session';
import type { WizardActions } from './types';

type SessionActions = Pick<
  WizardActions,
  'load' | 'selectSystem' | 'confirmSystem' | 'back' | 'connectAnother' | 'discardDraft' | 'dismissResumed' | 'dismissNotice' | 'copy' | 'openLink' | 'closeToast'
>;

let unsubscribeProgress: (() => void) | null = null;
let unsubscribeHandoff: (() => void) | null = null;

export function sessionActions(api: Api): SessionActions {
  /** Discards the current draft (if any) and returns to an empty "Choose system". */
  async function discardAndRestart(): Promise<void> {
    const wizard = api.get().wizard;
    const session = wizard.session;
    if (wizard.step === 'test' && wizard.run.running && wizard.run.operationId) {
      void bridge.checks.cancel({ operationId: wizard.run.operationId }).catch(() => undefined); // best effort: the draft is going away
    }
    cancelPendingSave();
    api.set({ wizard: enter.system(null), resumed: false });
    if (!session) return;
    try {
      await bridge.drafts.discard({ id: session.draftId });
      api.set({ toast: 'discarded' });
    } catch (error) {
      updateStep(api, 'system', (state) => ({ ...state, error: toUiError(error) }));
    }
  }

  return {
    async load() {
      unsubscribeProgress ??= bridge.on('checks.progress', (payload) => api.get().actions.applyCheckEvent(payload));
      unsubscribeHandoff ??= bridge.on('handoff.progress', (payload) => api.get().actions.applyHandoffProgress(payload));
      // The session and settings load beside the boot; the wizard works without them.
      void api.get().actions.loadAccount();
      try {
        const [appInfo, systems, draft] = await Promise.all([bridge.app.info({}), bridge.systems.list({}), bridge.drafts.current({})]);
        const descriptor = draft ? systems.find((system) => system.id === draft.system) : undefined;
        // What main found on disk (a damaged settings file or draft set aside): shown until dismissed.
        const notices = appInfo.notices ?? [];
        if (!draft || !descriptor) {
          api.set({ boot: { phase: 'ready', appInfo, systems }, wizard: enter.system(null), notices });
          return;
        }
        const secrets = await bridge.secrets.status({ draftId: draft.id });
        const wizard = resumeState(draft.step, sessionFromDraft(draft, descriptor, secrets));
        api.set({ boot: { phase: 'ready', appInfo, systems }, wizard, resumed: true, notices });
        if (wizard.step === 'review') await api.get().actions.loadReview();
      } catch (error) {
        api.set({ boot: { phase: 'failed', error: toUiError(error) } });
      }
    },

    selectSystem(id: SystemId) {
      expectStep(api, 'system');
      updateStep(api, 'system', (state) => ({ ...state, selected: id, error: null }));
    },

    async confirmSystem() {
      const state = expectStep(api, 'system');
      const boot = api.get().boot;
      const descriptor = boot.phase === 'ready' ? boot.systems.find((system) => system.id === state.selected) : undefined;
      if (!descriptor || state.busy) return;
      if (state.session?.descriptor.id === descriptor.id) return transition(api, enter.prepare(state.session));
      updateCurrent(api, { busy: true, error: null });
      let kept = state.session;
      try {
        if (kept) {
          await bridge.drafts.discard({ id: kept.draftId });
          kept = null; // gone on disk: choosing its system again must start a new draft, not reopen this one
        }
        const draft = await bridge.drafts.start({ system: descriptor.id });
        const secrets = await bridge.secrets.status({ draftId: draft.id });
        if (!isStep(api.get().wizard, 'system')) return;
        transition(api, enter.prepare(sessionFromDraft(draft, descriptor, secrets)));
      } catch (error) {
        updateStep(api, 'system', (current) => ({ ...current, busy: false, error: toUiError(error), session: kept }));
      }
    },

    back() {
      const wizard = api.get().wizard;
      const previous = previousState(wizard);
      if (!previous) return;
      if (wizard.step === 'test' && wizard.run.running) void api.get().actions.cancelChecks();
      transition(api, previous);
      if (previous.step === 'review') void api.get().actions.loadReview();
    },

    connectAnother: discardAndRestart,
    discardDraft: discardAndRestart,

    dismissResumed() {
      api.set({ resumed: false });
    },

    async dismissNotice(id: string) {
      api.set({ notices: api.get().notices.filter((notice) => notice.id !== id) });
      // Main forgets it too, so a reload does not show it again; if that fails, it is hidden here all the same.
      await bridge.app.dismissNotice({ id }).catch(() => undefined);
    },

    async copy(value: string) {
      try {
        await navigator.clipboard.writeText(value);
        api.set({ toast: 'copied' });
      } catch {
        api.set({ toast: 'copyFailed' });
      }
    },

    async openLink(url: string) {
      try {
        const { opened } = await bridge.links.open({ url });
        if (!opened) api.set({ toast: 'linkRefused' });
      } catch (error) {
        updateCurrent(api, { error: toUiError(error) });
      }
    },

    closeToast() {
      api.set({ toast: null });
    },
  };
}
