/**
 * Every check and every run has a deadline (issue 11 item 3), and the user sees which one ran out: the check
 * that was cut off fails with "Stopped: this check did not finish in N s" (or "the whole test … N min", the
 * checks after it skipped with the same reason), in the CLI's human and --json output alike (exit 3, the
 * vendor could not be reached). The shared check runner under fake timers, then a real connector (Vitec)
 * against a fault-injecting server on 127.0.0.1, rendered by the CLI's own code.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createVitecConnector } from '../../../main/connectors/vitec';
import { resetBreakers } from '../../../main/connectors/shared/breaker';
import { ScopeDeadline } from '../../../main/connectors/shared/limits';
import type { CheckOutcome } from '../../../main/connectors/shared/outcome';
import { RunScope, runSequence } from '../../../main/connectors/shared/runChecks';
import { msg, type CheckEvent, type CheckReport, type CheckResult } from '../../../main/connectors/types';
import { exitCodeOf } from '../../../main/hosts/cli/exit-codes';
import { renderReport } from '../../../main/hosts/cli/render';
import { renderMsg, withRenderedText } from '../../../main/i18n';
import { contextFor } from '../vitec/helpers';
import { FAKE_TIMERS, startFaultServer, untilIo, type FaultServer } from './faultServer';

const passed: CheckOutcome = { status: 'passed', summary: msg('vitec:checks.domain.passed') };

type Id = 'a' | 'b' | 'c' | 'd';
const IDS: ReadonlyArray<Id> = ['a', 'b', 'c', 'd'];

function sequence(runOne: (id: Id, scope: RunScope) => Promise<CheckOutcome>, deadlines: { checkMs?: number; runMs?: number }) {
  const events: CheckEvent[] = [];
  const options = { deadlines, onEvent: (event: CheckEvent) => events.push(event) };
  const scope = new RunScope('vitec', options);
  const done = runSequence(
    { system: 'vitec', checkIds: IDS, dependsOn: { a: undefined, b: undefined, c: undefined, d: undefined }, planned: new Set(IDS), previous: undefined, scope, runOne: (id) => runOne(id, scope) },
    options,
  );
  let finished = false;
  void done.then(() => (finished = true));
  return { done, events, finished: () => finished };
}

const byId = (results: ReadonlyArray<CheckResult>) => Object.fromEntries(results.map((result) => [result.checkId, result]));

describe('the check runner: a deadline per check and per run', () => {
  beforeEach(() => void vi.useFakeTimers(FAKE_TIMERS));
  afterEach(() => void vi.useRealTimers());

  it('a check that never ends is stopped at its deadline, its requests aborted, and the next check runs', async () => {
    const seen: AbortSignal[] = [];
    const run = sequence(async (id, scope) => {
      seen.push(scope.signal);
      if (id === 'b') await new Promise(() => undefined); // ignores its signal, as a stuck wait would
      return passed;
    }, { checkMs: 60_000 });
    await vi.advanceTimersByTimeAsync(59_999);
    expect(run.finished()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const results = byId((await run.done).all);
    expect(results['a']!.status).toBe('passed');
    expect(results['b']).toMatchObject({ status: 'failed', kind: 'unreachable', summary: { key: 'vitec:diagnosis.network.deadlineCheck.summary', params: { seconds: 60 } } });
    expect(renderMsg(results['b']!.summary)).toBe('Stopped: this check did not finish in 60 s.');
    expect(results['c']!.status).toBe('passed');
    expect(results['d']!.status).toBe('passed');
    expect(seen[1]!.aborted).toBe(true);
    expect(seen[1]!.reason).toEqual(new ScopeDeadline('check', 'b', 60_000));
    expect(seen[2]!.aborted).toBe(false); // every check has a signal of its own
    expect(vi.getTimerCount()).toBe(0); // no timer outlives the run
  });

  it('the run stops at its deadline: the running check fails naming it, the rest are skipped naming it', async () => {
    const run = sequence(async (_id, scope) => {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, 50_000);
        scope.signal.addEventListener('abort', () => (clearTimeout(timer), reject(new Error('aborted'))), { once: true });
      });
      return passed;
    }, { checkMs: 60_000, runMs: 120_000 });
    await vi.advanceTimersByTimeAsync(120_000);
    const results = byId((await run.done).all);
    expect(results['a']!.status).toBe('passed');
    expect(results['b']!.status).toBe('passed');
    expect(results['c']).toMatchObject({ status: 'failed', summary: { key: 'vitec:diagnosis.network.deadlineRun.summary' } });
    expect(renderMsg(results['c']!.summary)).toBe('Stopped: the whole test did not finish in 2 min.');
    expect(results['d']).toMatchObject({ status: 'skipped' });
    expect(renderMsg(results['d']!.summary)).toBe('Skipped: the whole test did not finish in 2 min.');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a cancel is still a cancel, not a deadline', async () => {
    const controller = new AbortController();
    const events: CheckEvent[] = [];
    const options = { signal: controller.signal, onEvent: (event: CheckEvent) => events.push(event) };
    const done = runSequence(
      {
        system: 'vitec', checkIds: IDS, dependsOn: { a: undefined, b: undefined, c: undefined, d: undefined }, planned: new Set(IDS), previous: undefined,
        runOne: async (id) => {
          if (id === 'b') controller.abort();
          return passed;
        },
      },
      options,
    );
    const results = byId((await done).all);
    expect(results['c']!.summary.key).toBe('vitec:skipped.cancelled');
  });
});

describe('a real connector: what the CLI prints when a deadline ran out', () => {
  let server: FaultServer;
  beforeEach(async () => {
    resetBreakers();
    vi.useFakeTimers(FAKE_TIMERS);
    server = await startFaultServer();
  });
  afterEach(async () => {
    vi.useRealTimers();
    await server.close();
  });

  const input = { fields: { domain: 'acme', username: 'exopen.api', integrationId: 'abc-123' }, secrets: { password: 'Hemligt-123' } };
  const titles = new Map([['domain', 'Domain'], ['login', 'Sign-in'], ['companies', 'Companies'], ['integration', 'Integration']]);

  /** Runs the checks; once the server has seen `waitingOn` (the request that will not end), advances fake time by each step. */
  async function runAgainst(deadlines: { checkMs?: number; runMs?: number }, waitingOn: string, advance: ReadonlyArray<number>, timeoutMs?: number): Promise<CheckReport> {
    const connector = createVitecConnector(contextFor(server.url, timeoutMs === undefined ? {} : { timeoutMs }));
    let report: CheckReport | undefined;
    const pending = connector.runChecks(input, { deadlines, onEvent: () => undefined }).then((value) => (report = value));
    for (const step of advance) {
      await untilIo(() => server.seen.some((seen) => seen.path === waitingOn));
      await vi.advanceTimersByTimeAsync(step);
    }
    await untilIo(() => report !== undefined);
    await pending;
    return report!;
  }

  it('a vendor that trickles: "Vitec Ekonomi\'s /api/me did not finish in 30 s", in human and --json output, exit 3', async () => {
    server.script({ '/api/status': [{ kind: 'answer', status: 200, body: '{"status":"ok"}' }], '/api/me': [{ kind: 'trickle', everyMs: 2000 }] });
    const report = await runAgainst({}, '/api/me', Array.from({ length: 16 }, () => 2000));
    const login = report.results.find((result) => result.checkId === 'login')!;
    expect(login).toMatchObject({ status: 'failed', kind: 'unreachable', meaning: { key: 'vitec:diagnosis.network.deadline.meaning', params: { resource: '/api/me', seconds: 30 } } });
    const human = renderReport(report, (id) => titles.get(id) ?? id);
    expect(human).toContain("What it means: Vitec Ekonomi's /api/me did not finish in 30 s, so we stopped waiting.");
    const json = JSON.stringify(withRenderedText(report));
    expect(json).toContain("Vitec Ekonomi's /api/me did not finish in 30 s");
    expect(exitCodeOf(report)).toBe(3);
  });

  it('a check that runs out: "Stopped: this check did not finish in 20 s"', async () => {
    server.script({ '/api/status': [{ kind: 'answer', status: 200, body: '{"status":"ok"}' }], '/api/me': [{ kind: 'hang' }] });
    const report = await runAgainst({ checkMs: 20_000 }, '/api/me', [20_000], 300_000);
    const human = renderReport(report, (id) => titles.get(id) ?? id);
    expect(human).toContain('✘ Sign-in — Stopped: this check did not finish in 20 s.');
    expect(human).toContain('What it means: This check did not finish in 20 s, so it was stopped.');
    expect(JSON.stringify(withRenderedText(report))).toContain('Stopped: this check did not finish in 20 s.');
    expect(exitCodeOf(report)).toBe(3);
  });

  it('the run that runs out: the check it cut fails, the rest are skipped, both saying so', async () => {
    server.script({ '': [{ kind: 'hang' }] });
    const report = await runAgainst({ runMs: 60_000 }, '/api/status', [60_000], 300_000);
    const human = renderReport(report, (id) => titles.get(id) ?? id);
    expect(human).toContain('✘ Domain — Stopped: the whole test did not finish in 1 min.');
    expect(human).toContain('– Sign-in — Skipped: the whole test did not finish in 1 min.');
    expect(exitCodeOf(report)).toBe(3);
  });
});
