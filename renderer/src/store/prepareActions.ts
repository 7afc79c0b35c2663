/** "Before you start": the admin ticks the vendor-side steps; Next is allowed either way. */
import { expectStep, updateStep, type Api } from './api';
import { enter, transition } from './navigation';
import type { WizardActions } from './types';

type PrepareActions = Pick<WizardActions, 'togglePrerequisite' | 'continueFromPrepare'>;

export function prepareActions(api: Api): PrepareActions {
  return {
    togglePrerequisite(id) {
      expectStep(api, 'prepare');
      updateStep(api, 'prepare', (state) => {
        const ticked = state.session.ticked.includes(id) ? state.session.ticked.filter((t) => t !== id) : [...state.session.ticked, id];
        return { ...state, session: { ...state.session, ticked } };
      });
    },

    continueFromPrepare() {
      const state = expectStep(api, 'prepare');
      transition(api, enter.credentials(state.session));
    },
  };
}
