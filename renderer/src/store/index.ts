/** The one store of the renderer: boot data, the wizard state machine, the account around it, and their actions. */
import { create } from 'zustand';
import { accountActions } from './accountActions';
import { authActions } from './authActions';
import { bulkActions } from './bulkActions';
import { checkActions } from './checkActions';
import { crashActions } from './crashActions';
import { credentialActions } from './credentialActions';
import { dataSourceActions } from './dataSourceActions';
import { diagnoseActions, initialDiagnose } from './diagnoseActions';
import { domainActions } from './domainActions';
import { handoffActions } from './handoffActions';
import { enter } from './navigation';
import { prepareActions } from './prepareActions';
import { sessionActions } from './sessionActions';
import type { AppState } from './types';

export const useAppStore = create<AppState>()((set, get) => {
  const api = { set, get };
  return {
    boot: { phase: 'loading' },
    wizard: enter.system(null),
    resumed: false,
    notices: [],
    toast: null,
    view: 'wizard',
    auth: { phase: 'unknown' },
    settings: { phase: 'loading' },
    settingsSave: { busy: false, error: null },
    domains: { list: { phase: 'idle' }, creating: false, createError: null },
    dataSources: { cards: null, loading: false, error: null, actionError: null, dialog: null },
    signInPanels: 0,
    diagnose: initialDiagnose,
    actions: {
      ...sessionActions(api),
      ...prepareActions(api),
      ...credentialActions(api),
      ...checkActions(api),
      ...handoffActions(api),
      ...bulkActions(api),
      ...accountActions(api),
      ...authActions(api),
      ...domainActions(api),
      ...dataSourceActions(api),
      ...diagnoseActions(api),
      ...crashActions(api),
    },
  };
});

export const useActions = (): AppState['actions'] => useAppStore((state) => state.actions);

export type * from './types';
export type * from './accountTypes';
export type * from './diagnoseTypes';
export { assertNever } from './api';
