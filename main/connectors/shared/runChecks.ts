/**
 * The check-run loop every connector shares: checks run in order, streaming progress; a check whose
 * dependency did not pass is skipped with the reason; checks outside the plan keep their result from the
 * previous report. Connectors differ only in what their checks do and when a dependency blocks, so those
 * come in as parameters.
 */
import { msg, type CheckReport, type CheckResult, type Overall, type RunOptions, type SystemId } from '../types';
import { toResult, type CheckOutcome } from './outcome';

export interface CheckSequence<Id extends string> {
  /** Names the i18n namespace of the skip reasons (`<system>:skipped.<reason>`). */
  readonly system: SystemId;
  /** Run order. */
  readonly checkIds: ReadonlyArray<Id>;
  readonly dependsOn: { readonly [K in Id]: Id | undefined };
  /** The checks this run executes (the rest keep their previous result). */
  readonly planned: ReadonlySet<Id>;
  /** The previous report of the same system, or undefined. */
  readonly previous: CheckReport | undefined;
  /** Whether a dependency's result stops the check that needs it; default: it failed or was skipped. */
  readonly blocks?: (dependency: CheckResult) => boolean;
  readonly runOne: (id: Id) => Promise<CheckOutcome>;
}

export interface SequenceResults<Id extends string> {
  readonly byId: ReadonlyMap<Id, CheckResult>;
  /** Every check's result, in run order. */
  readonly all: ReadonlyArray<CheckResult>;
}

const failedOrSkipped = (dependency: CheckResult): boolean => dependency.status === 'failed' || dependency.status === 'skipped';

/** The earlier report, only when it is of this system (a report of another system says nothing here). */
export const previousOf = (options: RunOptions, system: SystemId): CheckReport | undefined =>
  options.previous?.system === system ? options.previous : undefined;

export const skippedResult = (system: SystemId, checkId: string, reason: string): CheckResult =>
  toResult(checkId, { status: 'skipped', summary: msg(`${system}:skipped.${reason}`) }, 0);

export async function runSequence<Id extends string>(sequence: CheckSequence<Id>, options: RunOptions): Promise<SequenceResults<Id>> {
  const { system, planned, previous } = sequence;
  const blocks = sequence.blocks ?? failedOrSkipped;
  const skipped = (checkId: Id, reason: string): CheckResult => skippedResult(system, checkId, reason);
  const results = new Map<Id, CheckResult>();

  for (const id of sequence.checkIds) {
    const dependency = sequence.dependsOn[id];
    const blocker = dependency ? results.get(dependency) : undefined;
    let result: CheckResult;
    if (planned.has(id) && options.signal?.aborted) {
      result = skipped(id, 'cancelled');
      options.onEvent({ type: 'check-finished', result });
    } else if (blocker && blocks(blocker)) {
      // Also replaces a kept result: it cannot stand once what it depends on fails today.
      result = skipped(id, `after.${dependency}`);
      options.onEvent({ type: 'check-finished', result });
    } else if (!planned.has(id)) {
      result = previous?.results.find((earlier) => earlier.checkId === id) ?? skipped(id, 'notRequested');
    } else {
      options.onEvent({ type: 'check-started', checkId: id });
      const started = performance.now();
      const outcome = await sequence.runOne(id);
      result = toResult(id, outcome, Math.round(performance.now() - started));
      options.onEvent({ type: 'check-finished', result });
    }
    results.set(id, result);
  }

  return { byId: results, all: sequence.checkIds.map((id) => results.get(id)!) };
}

export function overallOf(results: ReadonlyArray<CheckResult>): Overall {
  if (results.some((result) => result.status === 'failed')) return 'failed';
  return results.some((result) => result.status === 'warning') ? 'warning' : 'passed';
}

/** Stamps the report, announces it and hands it back: the last step of every run. */
export function finishRun(
  options: RunOptions,
  run: Pick<CheckReport, 'system' | 'startedAt' | 'results' | 'companies' | 'requestCount'>,
): CheckReport {
  const report: CheckReport = {
    system: run.system,
    startedAt: run.startedAt,
    finishedAt: new Date().toISOString(),
    overall: overallOf(run.results),
    results: run.results,
    companies: run.companies,
    requestCount: run.requestCount,
  };
  options.onEvent({ type: 'run-finished', report });
  return report;
}
