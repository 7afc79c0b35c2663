/**
 * The CLI's deadline options (issue 11 item 3): `--request-deadline`, `--check-deadline`, `--run-deadline`
 * in whole seconds reach every run of `test`, `companies` and `diagnose`; a bad value is a usage error (exit
 * 1) naming the option and the fix. What a run prints when a deadline runs out is in
 * tests/unit/connectors/deadlines.test.ts (the CLI's own rendering, under fake timers).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { deadlinesOf } from '../../../main/hosts/cli/credential-input';

const CLI = ['--import', 'tsx', 'main/hosts/cli/index.ts'];

function runCli(args: string[]) {
  const result = spawnSync(process.execPath, [...CLI, ...args], { env: process.env, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the CLI deadline options', () => {
  it('reads whole seconds from 1 to 3600 into milliseconds, and names the option and the fix otherwise', () => {
    expect(deadlinesOf({ requestDeadline: '10', checkDeadline: '60', runDeadline: '3600' })).toEqual({ ok: true, ms: { requestDeadline: 10_000, checkDeadline: 60_000, runDeadline: 3_600_000 } });
    expect(deadlinesOf({})).toEqual({ ok: true, ms: {} });
    for (const bad of ['0', '3601', '1.5', 'abc', '-5', '']) {
      const parsed = deadlinesOf({ checkDeadline: bad });
      expect(parsed.ok, bad).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(/^--check-deadline: give whole seconds from 1 to 3600, e\.g\. --check-deadline 60/);
    }
  });

  it('a bad value exits 1 before anything runs; good values run the checks as usual', () => {
    const bad = runCli(['test', 'vitec', '--scenario', 'healthy', '--json', '--run-deadline', 'soon']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--run-deadline: give whole seconds from 1 to 3600');
    expect(bad.stdout).toBe('');
    const good = runCli(['test', 'vitec', '--scenario', 'healthy', '--json', '--request-deadline', '20', '--check-deadline', '60', '--run-deadline', '300']);
    expect(good.stderr).toBe('');
    expect(JSON.parse(good.stdout)).toMatchObject({ overall: 'passed', exitCode: 0 });
    expect(good.code).toBe(0);
  });
});
