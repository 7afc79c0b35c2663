/**
 * The Diagnose run: every check of a credential, with a recorder collecting the request timeline, the
 * vendor's words beside our explanation and fix, and the known problems the run shows. The result is plain
 * data (Msgs, no functions), scrubbed of the run's secrets, so a bridge call can hand it to the renderer.
 */
import type { ConnectorContext, RequestRecorder } from '../connectors/context';
import { usesBroker } from '../connectors/context';
import { systemModule } from '../connectors/registry';
import type { CheckEvent, CheckInput, CheckReport, Company, Connector, SystemId } from '../connectors/types';
import { isSecretKey } from '../platform/redact';
import { APP_VERSION } from '../platform/version';
import { environmentOf, osInfo } from './environment';
import { matchReport } from './matcher';
import { diagnosedResults, knownProblems } from './results';
import { scrubStrings } from './scrub';
import { RunSecrets } from './secrets';
import { createTimeline, teeRecorder } from './timeline';
import type { Diagnosis } from './types';

/**
 * What Diagnose runs against. A connector takes its recorder from its context when it is made, so the run
 * asks for a connector built with the run's own recorder instead of taking a ready one.
 */
export interface DiagnoseTarget {
  readonly system: SystemId;
  connector(recorder: RequestRecorder): Connector;
  /** Exopen's partner secrets the run signs or exchanges with locally (support and sandbox installs). */
  partnerSecrets(): Promise<ReadonlyArray<string>>;
  /** Where those come from (`sandbox`, `keychain`, `environment`, `broker`, `none`), for the Diagnosis. */
  partnerSource(): Promise<string>;
}

/** The usual target: the registry's connector for `system` in `ctx`, with the run's recorder added. */
export function targetFor(system: SystemId, ctx: ConnectorContext): DiagnoseTarget {
  const broker = usesBroker(ctx, system);
  return {
    system,
    connector: (recorder) => systemModule(system).createConnector({ ...ctx, recorder: teeRecorder(ctx.recorder, recorder) }),
    // Only secret-keyed values: a Procountor client ID (`exopenClient`) is public and quoted in fixes.
    partnerSecrets: async () =>
      broker ? [] : Object.entries((await ctx.partnerCredentials.get(system)) ?? {}).filter(([key]) => isSecretKey(key)).map(([, value]) => value),
    partnerSource: async () => (broker ? 'broker' : ctx.partnerCredentials.describe(system)),
  };
}

export interface DiagnoseOptions {
  /** The credential's earlier report: lets the identity check catch a key of another company. */
  readonly previous?: CheckReport;
  /** A key swap's data source companies (see RunOptions.expectedCompanies). */
  readonly expectedCompanies?: ReadonlyArray<Company>;
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: CheckEvent) => void;
  /** The sandbox scenario the run used, recorded in the Diagnosis. */
  readonly scenario?: string;
  /** More values to treat as secrets (tokens, test canaries): registered and scanned for like the input's. */
  readonly extraSecrets?: ReadonlyArray<string>;
  readonly appVersion?: string;
}

export interface DiagnoseRun {
  readonly diagnosis: Diagnosis;
  /** The connector's own report (exit codes, re-runs). */
  readonly report: CheckReport;
  /** Keep these in the main process for the bundle's scan; they never go to the renderer. */
  readonly secrets: RunSecrets;
}

export async function runDiagnosis(target: DiagnoseTarget, input: CheckInput, options: DiagnoseOptions = {}): Promise<DiagnoseRun> {
  const secrets = new RunSecrets();
  secrets.addAll(Object.values(input.secrets));
  secrets.addAll(await target.partnerSecrets());
  secrets.addAll(options.extraSecrets ?? []);
  const timeline = createTimeline();
  const connector = target.connector(timeline.recorder);
  const report = await connector.runChecks(input, {
    ...(options.previous ? { previous: options.previous } : {}),
    ...(options.expectedCompanies ? { expectedCompanies: options.expectedCompanies } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    onEvent: options.onEvent ?? (() => undefined),
  });
  const requests = timeline.entries();
  const matches = matchReport(report, requests);
  const partnerSource = await target.partnerSource();
  const count = { values: 0 };
  const diagnosis = scrubStrings<Omit<Diagnosis, 'redactedValues'>>(
    {
      system: report.system,
      systemName: connector.descriptor.name,
      environment: environmentOf(connector.descriptor, input, { ...(options.scenario ? { scenario: options.scenario } : {}), partnerSource }),
      startedAt: report.startedAt,
      finishedAt: report.finishedAt,
      overall: report.overall,
      results: diagnosedResults(report, connector.descriptor, matches),
      knownProblems: knownProblems(matches),
      timeline: requests,
      appVersion: options.appVersion ?? APP_VERSION,
      os: osInfo(),
    },
    count,
  );
  return { diagnosis: { ...diagnosis, redactedValues: count.values }, report, secrets };
}

/** The Diagnosis alone, for callers that neither build a bundle nor need the exit code. */
export const diagnose = async (target: DiagnoseTarget, input: CheckInput, options: DiagnoseOptions = {}): Promise<Diagnosis> =>
  (await runDiagnosis(target, input, options)).diagnosis;
