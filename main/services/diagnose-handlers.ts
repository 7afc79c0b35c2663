/**
 * The Diagnose view's calls: run every check of a credential with a request timeline, preview and export
 * the redacted support bundle, and build the admin task pack. The run's secrets stay here, keyed by the
 * operation, so the export can scan for them; only the scrubbed Diagnosis crosses the bridge.
 */
import type { Handlers } from '../../preload/contract';
import type { ConnectorContext } from '../connectors/context';
import { secretFieldIds, type Connectors } from '../connectors/registry';
import { buildBundle, buildTaskPack, CATALOGUE, previewBundleJson, runDiagnosis, targetFor, type DiagnoseRun } from '../diagnose';
import type { CheckService } from './checks';
import type { DraftStore } from './drafts';
import { AppError } from './errors';
import type { EventHub } from './events';
import type { CredentialVault } from './vault';
import { APP_VERSION } from './version';

type DiagnoseHandlers = Pick<Handlers, 'diagnose.catalogue' | 'diagnose.run' | 'diagnose.bundlePreview' | 'diagnose.bundle' | 'diagnose.taskPack'>;

/** Recent runs kept for export; older ones (and their secrets) are dropped. */
const KEEP_RUNS = 5;

export function createDiagnoseHandlers(deps: {
  ctx: ConnectorContext;
  connectors: Connectors;
  drafts: DraftStore;
  vault: CredentialVault;
  checks: CheckService;
  events: EventHub;
}): DiagnoseHandlers {
  const runs = new Map<string, DiagnoseRun>();

  const runOf = (operationId: string): DiagnoseRun => {
    const run = runs.get(operationId);
    if (!run) throw new AppError('E_NO_DIAGNOSIS', 'Run the diagnosis again: its results are no longer in memory.');
    return run;
  };

  async function inputFor(system: keyof Connectors, draftId?: string, fields?: Record<string, string>, secrets?: Record<string, string>) {
    const connector = deps.connectors[system];
    if (draftId) {
      const draft = await deps.drafts.current();
      if (!draft || draft.id !== draftId || draft.system !== system) throw new AppError('E_NO_DRAFT', 'That setup is no longer in progress.');
      return { input: { fields: draft.fields, secrets: await deps.vault.read(draftId, secretFieldIds(connector.descriptor)) }, previous: deps.checks.lastReport(draftId) };
    }
    const input = { fields: fields ?? {}, secrets: secrets ?? {} };
    const stored = Object.fromEntries(secretFieldIds(connector.descriptor).map((id) => [id, Boolean(input.secrets[id])]));
    const problems = connector.validate(input.fields, stored);
    if (problems.length > 0) throw new AppError('E_INVALID_FIELDS', 'Some fields need attention before diagnosing.', problems);
    return { input, previous: undefined };
  }

  return {
    'diagnose.catalogue': async () => CATALOGUE,
    'diagnose.run': async ({ operationId, system, draftId, fields, secrets }) => {
      const { input, previous } = await inputFor(system, draftId, fields, secrets);
      const run = await runDiagnosis(targetFor(system, deps.ctx), input, {
        ...(previous ? { previous } : {}),
        appVersion: APP_VERSION,
        onEvent: (event) => deps.events.emit('checks.progress', { operationId, event }),
      });
      runs.set(operationId, run);
      for (const old of [...runs.keys()].slice(0, Math.max(0, runs.size - KEEP_RUNS))) runs.delete(old);
      return run.diagnosis;
    },
    'diagnose.bundlePreview': async ({ operationId }) => {
      const run = runOf(operationId);
      return { json: previewBundleJson(run.diagnosis, run.secrets) };
    },
    'diagnose.bundle': async ({ operationId }) => {
      const run = runOf(operationId);
      const bundle = buildBundle(run.diagnosis, run.secrets);
      const stamp = run.diagnosis.finishedAt.replace(/[:.]/g, '-');
      return { fileName: `exopen-connect-${run.diagnosis.system}-${stamp}.zip`, base64: Buffer.from(bundle.bytes).toString('base64') };
    },
    'diagnose.taskPack': async ({ system, operationId }) => {
      const diagnosis = operationId ? runOf(operationId).diagnosis : undefined;
      const html = buildTaskPack({ descriptor: deps.connectors[system].descriptor, ...(diagnosis ? { diagnosis } : {}) });
      return { fileName: `exopen-connect-${system}-checklist.html`, html };
    },
  };
}
