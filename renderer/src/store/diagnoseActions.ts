/**
 * The Diagnose page's actions. A typed secret goes to main once, inside diagnose.run, and is dropped from
 * the state in the same update that starts the run; the Diagnosis that comes back is already scrubbed.
 */
import type { Diagnosis, FieldSpec, InvokeInput, SystemDescriptor, SystemId } from '../../../preload/contract';
import { bridge } from '../bridge';
import { assertNever, failure, isCurrentTicket, newOperationId, takeTicket, toUiError, type Api } from './api';
import { applyEvent, runFromReport, settleRun, startRun } from './checkRun';
import type { DiagnoseActions, DiagnoseState, DownloadFile } from './diagnoseTypes';
import { isFieldVisible } from './session';
import type { AppState } from './types';

export const initialDiagnose: DiagnoseState = {
  system: null,
  source: 'typed',
  draft: null,
  fields: {},
  typedSecrets: {},
  touched: [],
  showAllErrors: false,
  fieldErrors: [],
  run: null,
  running: false,
  error: null,
  result: null,
  catalogue: { phase: 'idle' },
  query: '',
  bundle: null,
  taskPack: { busy: false, error: null },
  taskPackPdf: { busy: false, error: null },
};

export function diagnoseDescriptor(state: AppState): SystemDescriptor | null {
  const system = state.diagnose.system;
  if (state.boot.phase !== 'ready' || !system) return null;
  return state.boot.systems.find((descriptor) => descriptor.id === system) ?? null;
}

/** The setup in progress is usable when it is a draft of the chosen system. */
export function draftUsable(state: DiagnoseState): boolean {
  return state.draft !== null && state.draft.system === state.system;
}

export function usesDraft(state: DiagnoseState): boolean {
  return state.source === 'draft' && draftUsable(state);
}

/** The inputs shown for a typed credential: every visible field of the descriptor. */
export function diagnoseFields(descriptor: SystemDescriptor, fields: Readonly<Record<string, string>>): ReadonlyArray<FieldSpec> {
  return descriptor.fields.filter((field) => isFieldVisible(field, fields));
}

function hasValue(state: DiagnoseState, field: FieldSpec): boolean {
  switch (field.kind) {
    case 'secret':
      return (state.typedSecrets[field.id] ?? '') !== '';
    case 'text':
    case 'select':
      return (state.fields[field.id] ?? '').trim() !== '';
    case 'fixed':
      return true;
    default:
      return assertNever(field.kind);
  }
}

/** Required fields still empty (typed credential only). */
export function missingFields(state: DiagnoseState, descriptor: SystemDescriptor): ReadonlyArray<string> {
  if (usesDraft(state)) return [];
  return diagnoseFields(descriptor, state.fields)
    .filter((field) => field.required && !hasValue(state, field))
    .map((field) => field.id);
}

function defaults(descriptor: SystemDescriptor): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const field of descriptor.fields) {
    if (field.kind === 'text' || field.kind === 'select') fields[field.id] = field.defaultValue ?? '';
  }
  return fields;
}

/** The form for a newly chosen system: its defaults, nothing typed, no errors, the draft offered if it is of that system. */
function freshForm(state: AppState, system: SystemId): Partial<DiagnoseState> {
  const descriptor = state.boot.phase === 'ready' ? state.boot.systems.find((d) => d.id === system) : undefined;
  const draft = state.diagnose.draft;
  return {
    system,
    source: draft && draft.system === system ? 'draft' : 'typed',
    fields: descriptor ? defaults(descriptor) : {},
    typedSecrets: {},
    touched: [],
    showAllErrors: false,
    fieldErrors: [],
    error: null,
    run: null,
  };
}

export function diagnoseActions(api: Api): DiagnoseActions {
  const patch = (update: Partial<DiagnoseState> | ((current: DiagnoseState) => Partial<DiagnoseState>)): void =>
    api.set((state) => ({ diagnose: { ...state.diagnose, ...(typeof update === 'function' ? update(state.diagnose) : update) } }));

  /**
   * Starts a diagnosis call and follows it: live progress from checks.progress, then the Diagnosis or the
   * error. For a run of the form (`ofForm`) the secrets typed are forgotten in the same update that starts it
   * (the call has them now) and a failure marks the form's fields; a reproduced scenario leaves the form be.
   */
  async function follow(
    descriptor: SystemDescriptor,
    operationId: string,
    start: (operationId: string) => Promise<Diagnosis>,
    ofForm: boolean,
  ): Promise<boolean> {
    let run = startRun(runFromReport(descriptor, null), operationId, undefined);
    const unsubscribe = bridge.on('checks.progress', (payload) => {
      if (payload.operationId !== operationId || payload.event.type === 'run-finished') return;
      run = applyEvent(run, payload.event);
      patch((current) => (current.run?.operationId === operationId ? { run } : {}));
    });
    const call = start(operationId);
    patch({ running: true, error: null, fieldErrors: [], ...(ofForm ? { typedSecrets: {} } : {}), showAllErrors: false, run, result: null, bundle: null });
    try {
      const diagnosis = await call;
      patch({ running: false, result: { operationId, diagnosis }, run: settleRun(run, null, false) });
      return true;
    } catch (error) {
      const uiError = failure(api, error);
      patch({ running: false, error: uiError, fieldErrors: uiError.fieldErrors ?? [], showAllErrors: ofForm, run: settleRun(run, null, false) });
      return false;
    } finally {
      unsubscribe();
    }
  }

  async function loadCatalogue(): Promise<void> {
    const current = api.get().diagnose.catalogue;
    if (current.phase === 'ready' || current.phase === 'loading') return;
    patch({ catalogue: { phase: 'loading' } });
    try {
      const entries = await bridge.diagnose.catalogue({});
      patch({ catalogue: { phase: 'ready', entries } });
    } catch (error) {
      patch({ catalogue: { phase: 'failed', error: toUiError(error) } });
    }
  }

  async function loadDraft(): Promise<void> {
    const ticket = takeTicket('diagnose.draft');
    try {
      const draft = await bridge.drafts.current({});
      if (!isCurrentTicket('diagnose.draft', ticket)) return;
      patch((current) => {
        const next = draft ? { id: draft.id, system: draft.system } : null;
        // Offer the setup in progress first when one exists for the chosen system.
        const source = next && next.system === current.system && current.source === 'typed' && !current.result ? 'draft' : current.source;
        return { draft: next, source };
      });
    } catch {
      // Without the draft the agent can still type the credential; nothing to report.
    }
  }

  /**
   * The vendor admin's checklist in one of its forms, with the run's fixes when the run is of the chosen
   * system; `slot` holds its progress and error. Null on error (the error is in the slot).
   */
  async function fetchChecklist(
    slot: 'taskPack' | 'taskPackPdf',
    fetch: (input: { system: SystemId; operationId?: string }) => Promise<DownloadFile>,
  ): Promise<DownloadFile | null> {
    const state = api.get().diagnose;
    const { system, result } = state;
    if (!system || state[slot].busy) return null;
    patch({ [slot]: { busy: true, error: null } });
    try {
      const operationId = result && result.diagnosis.system === system ? result.operationId : undefined;
      const file = await fetch(operationId ? { system, operationId } : { system });
      patch({ [slot]: { busy: false, error: null } });
      return file;
    } catch (error) {
      patch({ [slot]: { busy: false, error: toUiError(error) } });
      return null;
    }
  }

  return {
    async loadDiagnose() {
      await Promise.all([loadCatalogue(), loadDraft()]);
    },

    chooseDiagnoseSystem(system) {
      if (api.get().diagnose.system !== system) patch(freshForm(api.get(), system));
    },

    chooseDiagnoseSource(source) {
      patch({ source, error: null, showAllErrors: false, fieldErrors: [] });
    },

    editDiagnoseField(id, value) {
      patch((current) => ({ fields: { ...current.fields, [id]: value }, fieldErrors: current.fieldErrors.filter((e) => e.field !== id) }));
    },

    touchDiagnoseField(id) {
      patch((current) => (current.touched.includes(id) ? {} : { touched: [...current.touched, id] }));
    },

    typeDiagnoseSecret(id, value) {
      patch((current) => ({ typedSecrets: { ...current.typedSecrets, [id]: value }, fieldErrors: current.fieldErrors.filter((e) => e.field !== id) }));
    },

    async runDiagnosis() {
      const app = api.get();
      const state = app.diagnose;
      const descriptor = diagnoseDescriptor(app);
      if (state.running || !state.system || !descriptor) return;
      if (missingFields(state, descriptor).length > 0) return patch({ showAllErrors: true });

      const operationId = newOperationId();
      const system = state.system;
      let input: InvokeInput<'diagnose.run'>;
      if (usesDraft(state) && state.draft) {
        input = { operationId, system, draftId: state.draft.id };
      } else {
        const shown = diagnoseFields(descriptor, state.fields);
        const fields: Record<string, string> = {};
        const secrets: Record<string, string> = {};
        for (const field of shown) {
          if (field.kind === 'text' || field.kind === 'select') fields[field.id] = (state.fields[field.id] ?? '').trim();
          if (field.kind === 'secret' && (state.typedSecrets[field.id] ?? '') !== '') secrets[field.id] = state.typedSecrets[field.id]!;
        }
        input = { operationId, system, fields, secrets };
      }

      await follow(descriptor, operationId, () => bridge.diagnose.run(input), true);
    },

    async reproduceKnownProblem(entryId) {
      const app = api.get();
      const catalogue = app.diagnose.catalogue;
      const entry = catalogue.phase === 'ready' ? catalogue.entries.find((candidate) => candidate.id === entryId) : undefined;
      if (app.diagnose.running || !entry) return false;
      // Another system's form is replaced as choosing it would; the same system's typed fields (and any
      // secret typed there, not sent) are kept.
      if (app.diagnose.system !== entry.system) patch(freshForm(app, entry.system));
      const descriptor = diagnoseDescriptor(api.get());
      if (!descriptor) return false;
      return follow(descriptor, newOperationId(), (operationId) => bridge.diagnose.reproduce({ operationId, entryId }), false);
    },

    setCatalogueQuery(query) {
      patch({ query });
    },

    async openBundlePreview() {
      const result = api.get().diagnose.result;
      if (!result) return;
      patch({ bundle: { json: null, loading: true, saving: false, error: null } });
      try {
        const { json } = await bridge.diagnose.bundlePreview({ operationId: result.operationId });
        patch((current) => (current.bundle ? { bundle: { ...current.bundle, json, loading: false } } : {}));
      } catch (error) {
        const uiError = toUiError(error);
        patch((current) => (current.bundle ? { bundle: { ...current.bundle, loading: false, error: uiError } } : {}));
      }
    },

    closeBundlePreview() {
      patch({ bundle: null });
    },

    async saveBundle() {
      const { result, bundle } = api.get().diagnose;
      if (!result || !bundle || bundle.saving) return null;
      patch({ bundle: { ...bundle, saving: true, error: null } });
      try {
        const file = await bridge.diagnose.bundle({ operationId: result.operationId });
        patch((current) => (current.bundle ? { bundle: { ...current.bundle, saving: false } } : {}));
        return { fileName: file.fileName, base64: file.base64, mime: 'application/zip' };
      } catch (error) {
        const uiError = toUiError(error);
        patch((current) => (current.bundle ? { bundle: { ...current.bundle, saving: false, error: uiError } } : {}));
        return null;
      }
    },

    downloadTaskPack() {
      return fetchChecklist('taskPack', async (input) => {
        const file = await bridge.diagnose.taskPack(input);
        return { fileName: file.fileName, text: file.html, mime: 'text/html' };
      });
    },

    downloadTaskPackPdf() {
      return fetchChecklist('taskPackPdf', async (input) => ({ ...(await bridge.diagnose.taskPackPdf(input)), mime: 'application/pdf' }));
    },

    dismissDiagnoseError() {
      patch({ error: null });
    },
  };
}
