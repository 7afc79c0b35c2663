/**
 * The bulk hand-off in the renderer: the per-company rows follow `handoff.progress`, the answer settles them,
 * and the step moves on to Status by itself once every company is connected. Failed companies stay listed
 * with their reasons until a retry connects them or the user continues without them.
 */
import type { HandoffResult } from '../../../preload/contract';
import { bridge } from '../bridge';
import { expectStep, failure, isStep, updateStep, type Api } from './api';
import { allConnected, applyProgress, applyResult, failedIds } from './bulk';
import { enter, transition } from './navigation';
import type { HandoffState, WizardActions } from './types';

type BulkActions = Pick<WizardActions, 'applyHandoffProgress' | 'retryFailedCompanies' | 'continueToStatus'>;

/** Runs one bulk call over `attempted` and applies its answer; on full success the wizard goes to Status. */
async function runBulk(api: Api, attempted: ReadonlyArray<string>, call: () => Promise<HandoffResult>): Promise<void> {
  const { session } = expectStep(api, 'handoff');
  try {
    const result = await call();
    const current = api.get().wizard;
    if (!isStep(current, 'handoff') || current.session.draftId !== session.draftId || !current.bulk) return;
    const bulk = applyResult(current.bulk, attempted, result.dataSourceId, result.failed);
    const next: HandoffState = { ...current, busy: false, error: null, bulk, session: { ...current.session, dataSourceId: result.dataSourceId } };
    if (allConnected(bulk)) return transition(api, enter.status(next.session, result.dataSourceId));
    api.set({ wizard: next });
  } catch (error) {
    updateStep(api, 'handoff', (current) => ({ ...current, busy: false, error: failure(api, error) }));
  }
}

/** Starts the bulk hand-off of the handoff step just entered (its rows are all queued). */
export function submitBulk(api: Api): Promise<void> {
  const state = expectStep(api, 'handoff');
  const attempted = state.bulk?.rows.map((row) => row.companyId) ?? [];
  return runBulk(api, attempted, () => bridge.handoff.submit({ draftId: state.session.draftId }));
}

export function bulkActions(api: Api): BulkActions {
  return {
    applyHandoffProgress(payload) {
      const wizard = api.get().wizard;
      // Only while a run is under way: after its answer, a late event must not reopen a settled row.
      if (!isStep(wizard, 'handoff') || !wizard.bulk || !wizard.busy || wizard.session.draftId !== payload.draftId) return;
      api.set({ wizard: { ...wizard, bulk: applyProgress(wizard.bulk, payload) } });
    },

    async retryFailedCompanies() {
      const state = expectStep(api, 'handoff');
      if (!state.bulk || state.busy) return;
      const companyIds = failedIds(state.bulk);
      if (companyIds.length === 0) return;
      const retried = new Set(companyIds);
      const rows = state.bulk.rows.map((row) => (retried.has(row.companyId) ? { companyId: row.companyId, name: row.name, status: 'queued' as const } : row));
      api.set({ wizard: { ...state, busy: true, error: null, bulk: { ...state.bulk, rows } } });
      await runBulk(api, companyIds, () => bridge.handoff.retryCompanies({ draftId: state.session.draftId, companyIds }));
    },

    continueToStatus() {
      const state = expectStep(api, 'handoff');
      const dataSourceId = state.bulk?.dataSourceId;
      if (state.busy || !dataSourceId) return;
      transition(api, enter.status({ ...state.session, dataSourceId }, dataSourceId));
    },
  };
}
