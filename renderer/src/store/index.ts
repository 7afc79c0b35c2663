/** The one store of the renderer: boot data, the wizard state machine and its actions. */
import { create } from 'zustand';
import { checkActions } from './checkActions';
import { credentialActions } from './credentialActions';
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
    toast: null,
    actions: {
      ...sessionActions(api),
      ...prepareActions(api),
      ...credentialActions(api),
      ...checkActions(api),
      ...handoffActions(api),
    },
  };
});

export const useActions = (): AppState['actions'] => useAppStore((state) => state.actions);

export type * from './types';
export { assertNever } from './api';
