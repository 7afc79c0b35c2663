/** Companies, Review, Hand off and Status: from a verified connection to a data source at Exopen. */
import { bridge } from '../bridge';
import { expectStep, failure, isCurrentTicket, isStep, takeTicket, toUiError, updateStep, type Api } from './api';
import { pickableIds } from './bulk';
import { submitBulk } from './bulkActions';
import { saveDraftNow, scheduleSave } from './draftSync';
import { enter, transition } from './navigation';
import { isActiveRun, isSignedIn } from './selectors';
import type { WizardActions } from './types';

type HandoffActions = Pick<
  WizardActions,
  | 'toggleCompany'
  | 'selectAllCompanies'
  | 'showInactiveCompanies'
  | 'continueFromCompanies'
  | 'loadReview'
  | 'submitHandoff'
  | 'fixCredentials'
  | 'startStatusPolling'
>;

const POLL_MS = 1000;
const POLL_AFTER_ERROR_MS = 3000;

export function handoffActions(api: Api): HandoffActions {
  function setSelection(select: (selected: ReadonlyArray<string>, selectable: ReadonlyArray<string>) => ReadonlyArray<string>, showInactive?: boolean): void {
    const state = expectStep(api, 'companies');
    const show = showInactive ?? state.showInactive;
    const selectable = pickableIds(state.session, show);
    updateStep(api, 'companies', (current) => ({
      ...current,
      showInactive: show,
      session: { ...current.session, selectedCompanies: select(current.session.selectedCompanies, selectable) },
    }));
    scheduleSave(api);
  }

  return {
    toggleCompany(id) {
      setSelection((selected, selectable) => {
        if (selected.includes(id)) return selected.filter((s) => s !== id);
        return selectable.includes(id) ? [...selected, id] : selected;
      });
    },

    selectAllCompanies(select) {
      setSelection((_selected, selectable) => (select ? selectable : []));
    },

    showInactiveCompanies(show) {
      // Hidden companies leave the selection: nothing goes to Exopen that the list does not show.
      setSelection((selected, selectable) => selected.filter((id) => selectable.includes(id)), show);
    },

    continueFromCompanies() {
      const state = expectStep(api, 'companies');
      if (state.session.selectedCompanies.length === 0) return;
      transition(api, enter.review(state.session));
      // The review is built from the saved draft: it waits until the selection (maybe ticked a moment ago,
      // its autosave still pending) has reached it, or it would review the companies of the previous save.
      void saveDraftNow(api).then(() => api.get().actions.loadReview());
    },

    async loadReview() {
      const state = expectStep(api, 'review');
      if (isSignedIn(api.get()) && api.get().domains.list.phase !== 'loading') void api.get().actions.loadDomains();
      const ticket = takeTicket('review');
      updateStep(api, 'review', (current) => ({ ...current, busy: true, error: null }));
      try {
        const review = await bridge.handoff.review({ draftId: state.session.draftId });
        if (isCurrentTicket('review', ticket)) updateStep(api, 'review', (current) => ({ ...current, busy: false, review }));
      } catch (error) {
        if (isCurrentTicket('review', ticket)) updateStep(api, 'review', (current) => ({ ...current, busy: false, error: toUiError(error) }));
      }
    },

    async submitHandoff() {
      const wizard = api.get().wizard;
      if (wizard.step !== 'review' && wizard.step !== 'handoff') expectStep(api, 'review');
      if (!wizard.session || (wizard.step === 'handoff' && wizard.busy)) return;
      const session = wizard.session;
      if (!session.domainId) return; // the Review keeps its button disabled until a domain is chosen
      transition(api, enter.handoff(session));
      const entered = api.get().wizard;
      if (isStep(entered, 'handoff') && entered.bulk) return submitBulk(api);
      try {
        // Idempotent on the service side: pressing again after a failure or a restart cannot create a duplicate.
        const { dataSourceId } = await bridge.handoff.submit({ draftId: session.draftId });
        if (!isStep(api.get().wizard, 'handoff')) return;
        transition(api, enter.status({ ...session, dataSourceId }, dataSourceId));
      } catch (error) {
        updateStep(api, 'handoff', (current) => ({ ...current, busy: false, error: failure(api, error) }));
      }
    },

    fixCredentials(fieldId) {
      const state = expectStep(api, 'handoff');
      const external = state.error?.fieldErrors ?? [];
      transition(api, enter.credentials(state.session, true, external, fieldId ?? external[0]?.field ?? null));
    },

    startStatusPolling() {
      const ticket = takeTicket('status');
      let timer: ReturnType<typeof setTimeout> | null = null;
      const poll = async (): Promise<void> => {
        const state = api.get().wizard;
        if (!isCurrentTicket('status', ticket) || !isStep(state, 'status')) return;
        let delay = POLL_MS;
        try {
          const status = await bridge.status.get({ dataSourceId: state.dataSourceId });
          if (!isCurrentTicket('status', ticket)) return;
          updateStep(api, 'status', (current) => ({ ...current, status, error: null }));
          if (!isActiveRun(status.status)) return;
        } catch (error) {
          if (!isCurrentTicket('status', ticket)) return;
          updateStep(api, 'status', (current) => ({ ...current, error: failure(api, error) }));
          delay = POLL_AFTER_ERROR_MS;
        }
        timer = setTimeout(() => void poll(), delay);
      };
      void poll();
      return () => {
        takeTicket('status');
        if (timer !== null) clearTimeout(timer);
      };
    },
  };
}
