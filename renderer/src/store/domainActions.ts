/** Company domains at Review: list them, choose one for the draft, or create a new one. */
import { bridge } from '../bridge';
import { expectStep, failure, isCurrentTicket, takeTicket, updateStep, type Api } from './api';
import type { DomainActions } from './accountTypes';
import { saveDraftNow } from './draftSync';
import { domainsList } from './selectors';

export function domainActions(api: Api): DomainActions {
  function chooseIfReviewing(id: string): void {
    if (api.get().wizard.step === 'review') api.get().actions.chooseDomain(id);
  }

  return {
    async loadDomains() {
      const ticket = takeTicket('domains');
      api.set((state) => ({ domains: { ...state.domains, list: { phase: 'loading' } } }));
      try {
        const list = await bridge.domains.list({});
        if (isCurrentTicket('domains', ticket)) api.set((state) => ({ domains: { ...state.domains, list: { phase: 'ready', list } } }));
      } catch (error) {
        const uiError = failure(api, error);
        if (isCurrentTicket('domains', ticket)) api.set((state) => ({ domains: { ...state.domains, list: { phase: 'failed', error: uiError } } }));
      }
    },

    chooseDomain(id) {
      expectStep(api, 'review');
      const domain = domainsList(api.get()).find((d) => d.id === id);
      if (!domain?.canAdminister) return; // others are listed, but only administrators may add data sources
      updateStep(api, 'review', (state) => ({ ...state, session: { ...state.session, domainId: id } }));
      void saveDraftNow(api);
    },

    async createDomain(name) {
      if (api.get().domains.creating) return false;
      api.set((state) => ({ domains: { ...state.domains, creating: true, createError: null } }));
      try {
        const domain = await bridge.domains.create({ name: name.trim() });
        api.set((state) => ({
          domains: {
            creating: false,
            createError: null,
            list: { phase: 'ready', list: [...domainsList(state).filter((d) => d.id !== domain.id), domain] },
          },
          toast: 'domainCreated',
        }));
        chooseIfReviewing(domain.id);
        return true;
      } catch (error) {
        const uiError = failure(api, error);
        api.set((state) => ({ domains: { ...state.domains, creating: false, createError: uiError } }));
        return false;
      }
    },

    clearDomainCreateError() {
      if (api.get().domains.createError) api.set((state) => ({ domains: { ...state.domains, createError: null } }));
    },
  };
}
