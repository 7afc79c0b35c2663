/** The Data sources page: the cards, their refresh, and adding/removing companies, deleting and recreating. */
import type { DataSourceCard } from '../../../preload/contract';
import { bridge } from '../bridge';
import { assertNever, failure, isCurrentTicket, isSessionEnded, takeTicket, type Api } from './api';
import type { CardDialog, DataSourceActions, DataSourcesState, NextSetup } from './accountTypes';
import { cardById, connectedIds, hasUnfinishedSetup, isActiveRun, isSignedIn } from './selectors';
import { companiesOfCredential, launchSetup } from './setupLaunch';
import type { Toast } from './types';

export const DATA_SOURCES_POLL_MS = 2000;

export function dataSourceActions(api: Api): DataSourceActions {
  const patch = (update: (current: DataSourcesState) => Partial<DataSourcesState>): void =>
    api.set((state) => ({ dataSources: { ...state.dataSources, ...update(state.dataSources) } }));

  const patchDialog = (update: Partial<Pick<CardDialog, 'busy' | 'error'>>): void =>
    patch((current) => ({ dialog: current.dialog && { ...current.dialog, ...update } }));

  /** One update for the card change, the closed dialog and the toast, so focus moves once. */
  function finish(toast: Toast, change: { replace: DataSourceCard } | { drop: string }): void {
    patch((current) => {
      const cards = current.cards ?? [];
      const next = 'drop' in change ? cards.filter((c) => c.id !== change.drop) : cards.map((c) => (c.id === change.replace.id ? change.replace : c));
      return { cards: next, dialog: null };
    });
    api.set({ toast });
  }

  /** Runs what the open dialog confirms; throws what the bridge threw. */
  async function run(dialog: CardDialog): Promise<void> {
    switch (dialog.kind) {
      case 'add': {
        const card = cardById(api.get(), dialog.cardId);
        const connected = connectedIds(card, dialog.available);
        const added = (dialog.available ?? []).filter((c) => dialog.selected.includes(c.id) && !connected.has(c.id));
        if (!card || added.length === 0) return;
        const updated = await bridge.dataSources.addCompanies({ id: card.id, companies: added.map(({ id, name }) => ({ id, name })) });
        return finish('companiesAdded', { replace: updated });
      }
      case 'remove': {
        if (dialog.selected.length === 0) return;
        const result = await bridge.dataSources.removeCompanies({ id: dialog.cardId, companyIds: [...dialog.selected] });
        if (result.deleted) return finish('credentialDeleted', { drop: dialog.cardId });
        if (result.card) return finish('companiesRemoved', { replace: result.card });
        patch(() => ({ dialog: null }));
        api.set({ toast: 'companiesRemoved' });
        return void api.get().actions.loadDataSources(); // no card in the answer: ask for the list
      }
      case 'delete':
        await bridge.dataSources.delete({ id: dialog.cardId });
        return finish('credentialDeleted', { drop: dialog.cardId });
      case 'replaceDraft':
        await launchSetup(api, dialog.next);
        return patch(() => ({ dialog: null }));
      default:
        return assertNever(dialog);
    }
  }

  /** Fills the Add dialog opened last; an answer for a dialog closed (or reopened) since is dropped. */
  async function loadAvailable(card: DataSourceCard): Promise<void> {
    const ticket = takeTicket('available');
    const patchAdd = (update: Partial<Extract<CardDialog, { kind: 'add' }>>): void =>
      patch((current) => ({ dialog: current.dialog?.kind === 'add' && current.dialog.cardId === card.id ? { ...current.dialog, ...update } : current.dialog }));
    try {
      const available = await companiesOfCredential(card);
      if (isCurrentTicket('available', ticket)) patchAdd({ available, busy: false });
    } catch (error) {
      const uiError = failure(api, error);
      if (isCurrentTicket('available', ticket)) patchAdd({ busy: false, error: uiError });
    }
  }

  /** Starts `next` at once, or asks first when it would replace an unfinished setup. */
  async function startOrAsk(next: NextSetup): Promise<void> {
    if (hasUnfinishedSetup(api.get().wizard)) return patch(() => ({ dialog: { kind: 'replaceDraft', next, busy: false, error: null } }));
    patch(() => ({ actionError: null }));
    try {
      await launchSetup(api, next);
    } catch (error) {
      patch(() => ({ actionError: failure(api, error) }));
    }
  }

  return {
    async loadDataSources() {
      if (!isSignedIn(api.get())) return;
      const ticket = takeTicket('dataSources');
      patch(() => ({ loading: true }));
      try {
        const cards = await bridge.dataSources.list({});
        if (isCurrentTicket('dataSources', ticket)) patch(() => ({ cards, loading: false, error: null }));
      } catch (error) {
        const uiError = failure(api, error);
        if (isCurrentTicket('dataSources', ticket)) patch(() => ({ loading: false, error: uiError }));
      }
    },

    watchDataSources() {
      let stopped = false;
      let timer: ReturnType<typeof setTimeout> | null = null;
      const schedule = (): void => {
        if (!stopped) timer = setTimeout(() => void tick(), DATA_SOURCES_POLL_MS);
      };
      // Every 2 s, but a request only while some card is queued or running.
      const tick = async (): Promise<void> => {
        const { cards, loading } = api.get().dataSources;
        if (!loading && cards?.some((card) => isActiveRun(card.status))) await api.get().actions.loadDataSources();
        schedule();
      };
      void api.get().actions.loadDataSources().then(schedule);
      return () => {
        stopped = true;
        if (timer !== null) clearTimeout(timer);
      };
    },

    openCardDialog(kind, cardId) {
      const card = cardById(api.get(), cardId);
      if (!card) return;
      const base = { cardId, busy: false, error: null };
      if (kind === 'add') {
        patch(() => ({ dialog: { ...base, kind, busy: true, available: null, selected: card.companies.map((c) => c.id) } }));
        void loadAvailable(card);
      } else if (kind === 'remove') patch(() => ({ dialog: { ...base, kind, selected: [] } }));
      else patch(() => ({ dialog: { ...base, kind } }));
    },

    toggleDialogCompany(companyId) {
      const { dialog } = api.get().dataSources;
      if (!dialog || dialog.busy || (dialog.kind !== 'add' && dialog.kind !== 'remove')) return;
      // Connected companies are locked in "Add companies": they stay ticked.
      if (dialog.kind === 'add' && connectedIds(cardById(api.get(), dialog.cardId), dialog.available).has(companyId)) return;
      const selected = dialog.selected.includes(companyId) ? dialog.selected.filter((id) => id !== companyId) : [...dialog.selected, companyId];
      patch(() => ({ dialog: { ...dialog, selected, error: null } }));
    },

    closeCardDialog() {
      const { dialog } = api.get().dataSources;
      if (dialog && !(dialog.busy && dialog.kind !== 'add')) patch(() => ({ dialog: null }));
    },

    async confirmCardDialog() {
      const { dialog } = api.get().dataSources;
      if (!dialog || dialog.busy) return;
      patchDialog({ busy: true, error: null });
      try {
        await run(dialog);
        patchDialog({ busy: false });
      } catch (error) {
        const uiError = failure(api, error);
        // An ended session shows the sign-in panel instead of the page; the dialog would float over nothing.
        if (isSessionEnded(uiError)) patch(() => ({ dialog: null }));
        else patchDialog({ busy: false, error: uiError });
      }
    },

    startNewCredential: (system) => startOrAsk({ kind: 'start', system }),
    recreateDataSource: (cardId) => startOrAsk({ kind: 'recreate', cardId }),

    dismissDataSourcesError() {
      patch(() => ({ actionError: null }));
    },
  };
}
