/**
 * The CLI as support agents run it: `sandbox --json` prints one JSON line and serves; `test netvisor
 * --json` against its "two resources blocked" scenario reports exactly those two resources as blocked,
 * with the documented exit code. Secrets travel only through the environment.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = ['--import', 'tsx', 'main/hosts/cli/index.ts'];

interface SandboxLine {
  simulators: { netvisor: string };
  backend: { url: string };
  scenarios: { netvisor: Array<{ id: string; fields: Record<string, string>; env: Record<string, string>; expect?: { blocked?: string[] } }> };
}

function runCli(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [...CLI, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('exopen-connect CLI', () => {
  let sandbox: ChildProcessWithoutNullStreams;
  let description: SandboxLine;

  beforeAll(async () => {
    sandbox = spawn(process.execPath, [...CLI, 'sandbox', '--json'], { stdio: 'pipe' });
    const firstLine = await new Promise<string>((resolve, reject) => {
      createInterface({ input: sandbox.stdout }).once('line', resolve);
      sandbox.once('exit', (code) => reject(new Error(`sandbox exited early (${code})`)));
    });
    description = JSON.parse(firstLine) as SandboxLine;
  });
  afterAll(async () => {
    const exited = new Promise((resolve) => sandbox.once('exit', resolve));
    sandbox.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('sandbox --json describes every simulator, the backend and each scenario with ready env and command', () => {
    expect(description.simulators.netvisor).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(description.backend.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const ids = description.scenarios.netvisor.map((scenario) => scenario.id);
    expect(ids).toEqual(expect.arrayContaining(['healthy', 'two-blocked', 'no-api', 'wrong-keys', 'unknown-partner', 'clock-skew']));
  });

  it('test netvisor --json names exactly the two blocked resources and exits 2 (customer must act)', () => {
    const scenario = description.scenarios.netvisor.find((candidate) => candidate.id === 'two-blocked')!;
    const { code, stdout } = runCli(
      ['test', 'netvisor', '--json', '--base-url', description.simulators.netvisor, '--business-id', scenario.fields.businessId!, '--customer-id', scenario.fields.customerId!, '--company-name', 'Blocked Oy'],
      scenario.env,
    );
    expect(code).toBe(2);
    const report = JSON.parse(stdout) as { overall: string; results: Array<{ checkId: string; rows?: Array<{ id: string; status: string; fix?: { text: string } }> }> };
    expect(report.overall).toBe('failed');
    const rows = report.results.find((result) => result.checkId === 'rights')!.rows!;
    const blocked = rows.filter((row) => row.status === 'blocked');
    expect(blocked.map((row) => row.id).sort()).toEqual([...scenario.expect!.blocked!].sort());
    expect(rows.filter((row) => row.status !== 'allowed' && row.status !== 'blocked')).toEqual([]);
    for (const row of blocked) expect(row.fix!.text).toContain('Rights of interface resources › Custom integrations');
  });

  it('exits 0 for the healthy scenario and 3 when the host cannot be reached', () => {
    const healthy = description.scenarios.netvisor.find((candidate) => candidate.id === 'healthy')!;
    const args = ['--business-id', healthy.fields.businessId!, '--customer-id', healthy.fields.customerId!, '--company-name', 'Healthy Oy'];
    expect(runCli(['test', 'netvisor', '--json', '--base-url', description.simulators.netvisor, ...args], healthy.env).code).toBe(0);
    expect(runCli(['test', 'netvisor', '--json', '--base-url', 'http://127.0.0.1:9', ...args], healthy.env).code).toBe(3);
  });

  it('refuses incomplete input naming the option or variable to set, and never reads a secret from argv', () => {
    const { code, stderr } = runCli(['test', 'netvisor', '--base-url', description.simulators.netvisor, '--business-id', '1234567-8', '--customer-id', 'x'], {
      NETVISOR_CUSTOMER_KEY: '',
    });
    expect(code).toBe(1);
    expect(stderr).toContain('--business-id');
    expect(stderr).toContain('NETVISOR_CUSTOMER_KEY');
    const help = runCli(['test', 'netvisor', '--help'], {});
    expect(help.stdout).not.toMatch(/--customer-key/);
    expect(help.stdout).toContain('NETVISOR_CUSTOMER_KEY');
  });
});
