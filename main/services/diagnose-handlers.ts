/**
 * The Diagnose view's calls: run every check of a credential with a request timeline, preview and export
 * the redacted support bundle, and build the admin task pack (HTML, or PDF where the host can print). The
 * run's secrets stay here, keyed by the operation, so the export can scan for them; only the scrubbed
 * Diagnosis crosses the bridge.
 */
import type { Draft, Handlers } from '../../preload/contract';
import type { ConnectorContext } from '../connectors/context';
import { secretFieldIds, type Connectors } from '../connectors/registry';
import { assertTaskPackClean, buildBundle, buildTaskPack, CATALOGUE, previewBundleJson, runDiagnosis, targetFor, type DiagnoseRun } from '../diagnose';
import type { CheckInput, CheckReport, Company, SystemId } from '../connectors/types';
import type { CatalogueEntry } from '../diagnose/types';
import { scenarioExpectedCompanies, scenarioInput } from '../sandbox/reproduce';
import type { SandboxScenario } from '../sandbox/simulators';
import type { CheckService } from './checks';
import type { DraftStore } from './drafts';
import { AppError } from '../platform/errors';
import type { EventHub } from './events';
import type { CredentialVault } from './vault';
import { APP_VERSION } from '../platform/version';

type DiagnoseHandlers = Pick<
  Handlers,
  'diagnose.catalogue' | 'diagnose.run' | 'diagnose.reproduce' | 'diagnose.bundlePreview' | 'diagnose.bundle' | 'diagnose.taskPack' | 'diagnose.taskPackPdf'
>;

/** What a run is compared with: the credential's last report, and a key swap's data source companies. */
interface Earlier {
  readonly previous?: CheckReport | undefined;
  readonly expectedCompanies?: ReadonlyArray<Company> | undefined;
}

/** Recent runs kept for export; older ones (and their secrets) are dropped. */
const KEEP_RUNS = 5;

/** Every PDF starts with this header; anything else from the printer is not handed out as a .pdf. */
const PDF_MAGIC = '%PDF-';

const isPdf = (bytes: Uint8Array): boolean => Buffer.from(bytes.subarray(0, PDF_MAGIC.length)).toString('latin1') === PDF_MAGIC;

export function createDiagnoseHandlers(deps: {
  ctx: ConnectorContext;
  connectors: Connectors;
  drafts: DraftStore;
  vault: CredentialVault;
  checks: CheckService;
  events: EventHub;
  /** A recreate's data source companies, as checks.run uses them (a draft diagnosed mid-recreate). */
  expectedCompanies?: (draft: Draft) => Promise<ReadonlyArray<Company> | undefined>;
  /** The sandbox's scenarios (each known problem names the one that reproduces it); absent outside the sandbox. */
  scenarios?: Partial<Record<SystemId, ReadonlyArray<SandboxScenario>>>;
  /** The host's printer (Electron's printToPDF); absent on the web host and the CLI. */
  printToPdf?: (html: string) => Promise<Uint8Array>;
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
      const input = { fields: draft.fields, secrets: await deps.vault.read(draftId, secretFieldIds(connector.descriptor)) };
      return { input, previous: deps.checks.lastReport(draftId), expectedCompanies: await deps.expectedCompanies?.(draft) };
    }
    const input = { fields: fields ?? {}, secrets: secrets ?? {} };
    const stored = Object.fromEntries(secretFieldIds(connector.descriptor).map((id) => [id, Boolean(input.secrets[id])]));
    const problems = connector.validate(input.fields, stored);
    if (problems.length > 0) throw new AppError('E_INVALID_FIELDS', 'Some fields need attention before diagnosing.', problems);
    return { input, previous: undefined, expectedCompanies: undefined };
  }

  /**
   * The checklist HTML, with the run's fixes when a run is named. Such a checklist is scanned for the run's
   * secrets (the same fail-closed scan as a written one) before it is handed out as HTML or printed: a PDF's
   * text streams are compressed, so its bytes could not be searched afterwards.
   */
  function cleanTaskPack(system: keyof Connectors, operationId: string | undefined, fileName: string): string {
    const run = operationId ? runOf(operationId) : undefined;
    const html = buildTaskPack({ descriptor: deps.connectors[system].descriptor, ...(run ? { diagnosis: run.diagnosis } : {}) });
    if (run) assertTaskPackClean(new TextEncoder().encode(html), run.secrets, fileName);
    return html;
  }

  async function printTaskPack(system: keyof Connectors, operationId?: string): Promise<{ fileName: string; base64: string }> {
    if (!deps.printToPdf) {
      throw new AppError('E_PDF_UNAVAILABLE', 'This version of the assistant cannot print to PDF. Download the HTML checklist and print it to PDF from a browser.');
    }
    const fileName = `exopen-connect-${system}-checklist.pdf`;
    const html = cleanTaskPack(system, operationId, fileName);
    const pdf = await deps.printToPdf(html);
    if (!isPdf(pdf)) throw new AppError('E_PDF_FAILED', 'The checklist could not be printed to PDF. Download the HTML checklist and print it from a browser.');
    return { fileName, base64: Buffer.from(pdf).toString('base64') };
  }

  /** Runs and keeps the run (with its secrets, for the export) under its operation id. */
  async function diagnoseAndKeep(operationId: string, system: SystemId, input: CheckInput, earlier: Earlier, scenario?: string) {
    const run = await runDiagnosis(targetFor(system, deps.ctx), input, {
      ...(earlier.previous ? { previous: earlier.previous } : {}),
      ...(earlier.expectedCompanies ? { expectedCompanies: earlier.expectedCompanies } : {}),
      ...(scenario ? { scenario } : {}),
      appVersion: APP_VERSION,
      onEvent: (event) => deps.events.emit('checks.progress', { operationId, event }),
    });
    runs.set(operationId, run);
    for (const old of [...runs.keys()].slice(0, Math.max(0, runs.size - KEEP_RUNS))) runs.delete(old);
    return run.diagnosis;
  }

  /** The known problem's entry and the sandbox scenario that shows it. */
  function reproduction(entryId: string): { entry: CatalogueEntry; scenario: SandboxScenario } {
    if (!deps.scenarios) throw new AppError('E_NOT_SANDBOX', 'Known problems can be reproduced in the sandbox only: choose Sandbox in Settings, then try again.');
    const entry = CATALOGUE.find((candidate) => candidate.id === entryId);
    if (!entry) throw new AppError('E_UNKNOWN_PROBLEM', `There is no known problem "${entryId}" in the catalogue.`);
    const scenario = deps.scenarios[entry.system]?.find((candidate) => candidate.id === entry.scenario);
    if (!scenario) throw new AppError('E_UNKNOWN_PROBLEM', `The sandbox has no scenario "${entry.scenario}" for ${entry.id}.`);
    return { entry, scenario };
  }

  return {
    'diagnose.catalogue': async () => CATALOGUE,
    'diagnose.run': async ({ operationId, system, draftId, fields, secrets }) => {
      const { input, ...earlier } = await inputFor(system, draftId, fields, secrets);
      return diagnoseAndKeep(operationId, system, input, earlier);
    },
    'diagnose.reproduce': async ({ operationId, entryId }) => {
      const { entry, scenario } = reproduction(entryId);
      const input = scenarioInput(deps.connectors[entry.system].descriptor, scenario);
      return diagnoseAndKeep(operationId, entry.system, input, { expectedCompanies: scenarioExpectedCompanies(scenario) }, scenario.id);
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
      const fileName = `exopen-connect-${system}-checklist.html`;
      return { fileName, html: cleanTaskPack(system, operationId, fileName) };
    },
    'diagnose.taskPackPdf': ({ system, operationId }) => printTaskPack(system, operationId),
  };
}
