/**
 * The check-run loop every connector shares: checks run in order, streaming progress; a check whose
 * dependency did not pass is skipped with the reason; checks outside the plan keep their result from the
 * previous report. Connectors differ only in what their checks do and when a dependency blocks, so those
 * come in as parameters.
 */
import { msg, type CheckReport, type CheckResult, type Overall, type RunOptions, type SystemId } from '../types';
import { DEFAULT_CHECK_DEADLINE_MS, DEFAULT_RUN_DEADLINE_MS, ScopeDeadline, VendorDeadlineError } from './limits';
import { pair } from './diagnosis';
import { toResult, type CheckOutcome } from './outcome';

export interface Deadlines {
  /** One check, from start to result (limits.ts). */
  readonly checkMs: number;
  /** The whole run. */
  readonly runMs: number;
}

/**
 * The deadlines of one run, and the signal its requests carry. A connector creates it before its session
 * (the session reads `signal` at each request, so every request belongs to the check running then) and
 * hands it to runSequence, which starts each check's deadline and ends the run's when the run ends.
 * The signal aborts on the caller's cancel (its own reason), or on a check's or the run's deadline (a
 * ScopeDeadline reason, which send() turns into a VendorDeadlineError naming that scope).
 */
export class RunScope {
  readonly deadlines: Deadlines;
  readonly #run = new AbortController();
  readonly #caller: AbortSignal | undefined;
  readonly #relay = (): void => this.#run.abort(this.#caller?.reason);
  #timer: ReturnType<typeof setTimeout> | undefined;
  #current: AbortSignal;

  constructor(
    readonly system: SystemId,
    options: Pick<RunOptions, 'signal' | 'deadlines'>,
  ) {
    this.deadlines = { checkMs: options.deadlines?.checkMs ?? DEFAULT_CHECK_DEADLINE_MS, runMs: options.deadlines?.runMs ?? DEFAULT_RUN_DEADLINE_MS };
    this.#caller = options.signal;
    this.#current = this.#run.signal;
    if (this.#caller?.aborted) this.#relay();
    else this.#caller?.addEventListener('abort', this.#relay, { once: true });
    this.#timer = setTimeout(() => this.#run.abort(new ScopeDeadline('run', system, this.deadlines.runMs)), this.deadlines.runMs);
  }

  /** The signal of what runs now: the current check's, between checks the run's. */
  get signal(): AbortSignal {
    return this.#current;
  }

  /** Why the run stopped, if it did: its deadline, or the caller's cancel. */
  get stopped(): 'deadline' | 'cancelled' | undefined {
    if (!this.#run.signal.aborted) return undefined;
    return this.#run.signal.reason instanceof ScopeDeadline ? 'deadline' : 'cancelled';
  }

  /**
   * Runs one check under its deadline and the run's. When either runs out the check's requests are aborted
   * and the check ends then, whatever it was waiting for; a cancel lets the check end by itself as before.
   */
  async check(id: string, work: () => Promise<CheckOutcome>): Promise<CheckOutcome> {
    const controller = new AbortController();
    const fromRun = (): void => controller.abort(this.#run.signal.reason);
    if (this.#run.signal.aborted) fromRun();
    else this.#run.signal.addEventListener('abort', fromRun, { once: true });
    const timer = setTimeout(() => controller.abort(new ScopeDeadline('check', id, this.deadlines.checkMs)), this.deadlines.checkMs);
    this.#current = controller.signal;
    let onDeadline: (() => void) | undefined;
    const deadline = new Promise<ScopeDeadline>((resolve) => {
      onDeadline = (): void => {
        if (controller.signal.reason instanceof ScopeDeadline) resolve(controller.signal.reason);
      };
      if (controller.signal.aborted) onDeadline();
      else controller.signal.addEventListener('abort', onDeadline, { once: true });
    });
    const running = work();
    try {
      const first = await Promise.race([running.then((outcome) => ({ outcome })), deadline.then((reason) => ({ reason }))]);
      if ('outcome' in first) return first.outcome;
      running.catch(() => undefined); // abandoned: its requests were aborted, its end no longer matters
      return this.deadlineOutcome(first.reason);
    } finally {
      clearTimeout(timer);
      this.#run.signal.removeEventListener('abort', fromRun);
      if (onDeadline) controller.signal.removeEventListener('abort', onDeadline);
      this.#current = this.#run.signal;
    }
  }

  deadlineOutcome(reason: ScopeDeadline): CheckOutcome {
    const key = reason.scope === 'check' ? 'deadlineCheck' : 'deadlineRun';
    const { params } = new VendorDeadlineError(this.system, reason.scope, reason.what, reason.limitMs);
    const base = `${this.system}:diagnosis.network.${key}`;
    return { status: 'failed', summary: msg(`${base}.summary`, params), diagnosis: { kind: 'unreachable', ...pair(base, params) } };
  }

  /** The run ended: no timer outlives it. */
  close(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#caller?.removeEventListener('abort', this.#relay);
  }
}

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
  /** The run's deadlines and signal, when the connector's session reads it; otherwise one is made here. */
  readonly scope?: RunScope;
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

export const skippedResult = (system: SystemId, checkId: string, reason: string, params?: Record<string, string | number>): CheckResult =>
  toResult(checkId, { status: 'skipped', summary: msg(`${system}:skipped.${reason}`, params) }, 0);

export async function runSequence<Id extends string>(sequence: CheckSequence<Id>, options: RunOptions): Promise<SequenceResults<Id>> {
  const { system, planned, previous } = sequence;
  const blocks = sequence.blocks ?? failedOrSkipped;
  const skipped = (checkId: Id, reason: string): CheckResult => skippedResult(system, checkId, reason);
  const results = new Map<Id, CheckResult>();
  const scope = sequence.scope ?? new RunScope(system, options);
  try {
    for (const id of sequence.checkIds) results.set(id, await step(id));
  } finally {
    scope.close();
  }
  return { byId: results, all: sequence.checkIds.map((id) => results.get(id)!) };

  async function step(id: Id): Promise<CheckResult> {
    const dependency = sequence.dependsOn[id];
    const blocker = dependency ? results.get(dependency) : undefined;
    let result: CheckResult;
    const stopped = scope.stopped ?? (options.signal?.aborted ? 'cancelled' : undefined);
    if (planned.has(id) && stopped === 'deadline') {
      result = skippedResult(system, id, 'runDeadline', { minutes: Math.max(1, Math.round(scope.deadlines.runMs / 60_000)) });
      options.onEvent({ type: 'check-finished', result });
    } else if (planned.has(id) && stopped === 'cancelled') {
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
      const outcome = await scope.check(id, () => sequence.runOne(id));
      result = toResult(id, outcome, Math.round(performance.now() - started));
      options.onEvent({ type: 'check-finished', result });
    }
    return result;
  }
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
