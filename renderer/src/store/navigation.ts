/** Entering steps: the constructors of each step state, the one `transition`, Back and resuming a draft. */
import type { FieldError, WizardStep } from '../../../preload/contract';
import { assertNever, type Api } from './api';
import { runFromReport } from './checkRun';
import { saveDraftNow } from './draftSync';
import { bulkRowsOf, selectsInactive } from './bulk';
import type { Session, WizardState } from './types';

const idle = { busy: false, error: null } as const;

export const enter = {
  system: (session: Session | null): WizardState => ({ step: 'system', ...idle, selected: session?.descriptor.id ?? null, session }),
  prepare: (session: Session): WizardState => ({ step: 'prepare', ...idle, session }),
  credentials: (session: Session, showAllErrors = false, externalErrors: ReadonlyArray<FieldError> = [], focusField: string | null = null): WizardState => ({
    step: 'credentials',
    ...idle,
    session,
    typedSecrets: {},
    touched: [],
    showAllErrors,
    externalErrors,
    focusField,
  }),
  test: (session: Session): WizardState => ({ step: 'test', ...idle, session, run: runFromReport(session.descriptor, session.report), deferred: null }),
  // Inactive companies already picked stay in view: nothing selected is ever hidden.
  companies: (session: Session): WizardState => ({ step: 'companies', ...idle, session, showInactive: selectsInactive(session) }),
  review: (session: Session): WizardState => ({ step: 'review', busy: true, error: null, session, review: null }),
  handoff: (session: Session): WizardState => ({ step: 'handoff', busy: true, error: null, session, bulk: bulkRowsOf(session) }),
  status: (session: Session, dataSourceId: string): WizardState => ({ step: 'status', ...idle, session, dataSourceId, status: null }),
};

/** Moves to `next` and records the step in the draft. Steps that load something start it themselves. */
export function transition(api: Api, next: WizardState): void {
  // Moving on answers the "resumed your setup" notice; it only matters on the step the draft reopened at.
  api.set({ wizard: next, resumed: false });
  if (next.session) void saveDraftNow(api);
}

/** Where a restored draft opens. Check results are not saved, so a draft past Test reopens at Test. */
export function resumeState(step: WizardStep, session: Session): WizardState {
  switch (step) {
    case 'system':
      return enter.system(session);
    case 'prepare':
      return enter.prepare(session);
    case 'credentials':
      return enter.credentials(session);
    case 'test':
    case 'companies':
      return enter.test(session);
    case 'review':
    case 'handoff':
    case 'status':
      return session.dataSourceId ? enter.status(session, session.dataSourceId) : enter.review(session);
    default:
      return assertNever(step);
  }
}

/** The state Back leads to from `state`, or null where there is no way back. */
export function previousState(state: WizardState): WizardState | null {
  switch (state.step) {
    case 'system':
      return null;
    case 'prepare':
      return enter.system(state.session);
    case 'credentials':
      return enter.prepare(state.session);
    case 'test':
      return enter.credentials(state.session, true);
    case 'companies':
      return enter.test(state.session);
    case 'review':
      return enter.companies(state.session);
    case 'handoff':
      return state.busy ? null : enter.review(state.session);
    case 'status':
      return null;
    default:
      return assertNever(state);
  }
}
