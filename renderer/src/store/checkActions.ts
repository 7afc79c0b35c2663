/** The Test step: start a run, follow its progress events, cancel it, and fold in the report. */
import type { CheckReport } from '../../../preload/contract';
import { bridge } from '../bridge';
import { expectStep, failure, isSessionEnded, newOperationId, toUiError, updateStep, type Api } from './api';
import { reachesSeveralCompanies } from './bulk';
import { applyEvent, mergeReport, retestScope, settleRun, startRun } from './checkRun';
import { enter, transition } from './navigation';
import { needsBrokerSignIn } from './selectors';
import type { Session, WizardActions } from './types';

type CheckActions = Pick<WizardActions, 'runChecks' | 'cancelChecks' | 'applyCheckEvent' | 'continueFromTest'>;

export function checkActions(api: Api): CheckActions {
  /** Applies the final report of `operationId` once, if that run is still the current one. */
  function finishRun(operationId: string, report: CheckReport | null, cancelled: boolean, partial: boolean): void {
    updateStep(api, 'test', (state) => {
      if (state.run.operationId !== operationId || !state.run.running) return state;
      const previous = partial ? state.session.report : null;
      const merged = report ? mergeReport(state.session.descriptor, previous, report) : state.session.report;
      return { ...state, busy: false, session: { ...state.session, report: merged }, run: settleRun(state.run, merged, cancelled || state.run.cancelling) };
    });
  }

  return {
    async runChecks(scope) {
      const state = expectStep(api, 'test');
      if (state.run.running) return;
      if (needsBrokerSignIn(api.get(), state.session.descriptor.id)) {
        // The broker signs the vendor requests: the Test step shows the sign-in panel and runs right after.
        updateStep(api, 'test', (current) => ({ ...current, deferred: scope, error: null }));
        return;
      }
      const only = scope === 'failed' ? retestScope(state.run) : undefined;
      const partial = only !== undefined;
      const operationId = newOperationId();
      updateStep(api, 'test', (current) => ({
        ...current,
        busy: true,
        error: null,
        deferred: null,
        session: partial ? current.session : { ...current.session, report: null },
        run: startRun(current.run, operationId, only),
      }));
      try {
        const input = { draftId: state.session.draftId, operationId };
        const report = await bridge.checks.run(only ? { ...input, only: [...only] } : input);
        finishRun(operationId, report, false, partial);
      } catch (error) {
        const uiError = failure(api, error);
        // A cancelled run is not a failure: main answers it with its report (the rest skipped as cancelled).
        const cancelled = api.get().wizard.step !== 'test';
        finishRun(operationId, null, cancelled, partial);
        if (cancelled) return;
        // The broker refused an ended session: ask to sign in, then run the same scope again.
        const patch = isSessionEnded(uiError) ? { deferred: scope } : { error: uiError };
        updateStep(api, 'test', (current) => (current.run.operationId === operationId ? { ...current, ...patch } : current));
      }
    },

    async cancelChecks() {
      const state = expectStep(api, 'test');
      const operationId = state.run.operationId;
      if (!operationId || !state.run.running) return;
      updateStep(api, 'test', (current) => ({ ...current, run: { ...current.run, cancelling: true } }));
      try {
        await bridge.checks.cancel({ operationId });
      } catch (error) {
        updateStep(api, 'test', (current) => ({ ...current, error: toUiError(error), run: { ...current.run, cancelling: false } }));
      }
    },

    applyCheckEvent({ operationId, event }) {
      updateStep(api, 'test', (state) => {
        if (state.run.operationId !== operationId || !state.run.running) return state;
        if (event.type === 'run-finished') return state; // the checks.run answer carries the same report
        return { ...state, run: applyEvent(state.run, event) };
      });
    },

    continueFromTest() {
      const state = expectStep(api, 'test');
      if (state.run.running || !state.session.report || state.session.report.overall === 'failed') return;
      transition(api, enter.companies(withDefaultSelection(state.session)));
    },
  };
}

/**
 * Keeps a still-valid earlier selection. Otherwise a one-company credential pre-selects its active company;
 * where a credential reaches many (an accounting firm's 500), nothing is pre-selected: the user ticks the
 * companies to connect, or Select all.
 */
function withDefaultSelection(session: Session): Session {
  const companies = session.report?.companies ?? [];
  const several = reachesSeveralCompanies(session);
  const valid = new Set(companies.filter((company) => several || company.active).map((company) => company.id));
  const kept = session.selectedCompanies.filter((id) => valid.has(id));
  if (kept.length > 0 || several) return { ...session, selectedCompanies: kept };
  return { ...session, selectedCompanies: companies.filter((company) => company.active).map((company) => company.id) };
}
