/**
 * `exopen-connect companies vitec` as a support agent runs it against an in-process sandbox scenario: the
 * companies the credential reaches with their active flag and notes, inactive ones only on request, and the
 * exit codes of `test` (0 healthy or warned, 2 when the customer must act, 1 for incomplete input).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const CLI = ['--import', 'tsx', 'main/hosts/cli/index.ts'];

function runCli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [...CLI, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Listing {
  readonly overall: string;
  readonly total: number;
  readonly hiddenInactive: number;
  readonly companies: ReadonlyArray<{ id: string; name: string; active: boolean; note?: { key: string; text: string } }>;
  readonly exitCode: number;
}

describe('exopen-connect companies', () => {
  it('lists the active companies with the integration notes, and every company with --show-inactive', () => {
    const active = runCli(['companies', 'vitec', '--scenario', 'integration-partial', '--json']);
    expect(active.code).toBe(0);
    const listing = JSON.parse(active.stdout) as Listing;
    expect(listing).toMatchObject({ overall: 'warning', total: 40, hiddenInactive: 5, exitCode: 0 });
    expect(listing.companies).toHaveLength(35);
    expect(listing.companies.every((company) => company.active)).toBe(true);
    const noted = listing.companies.filter((company) => company.note);
    expect(noted.map((company) => company.id)).toEqual(['1007', '1019', '1033']);
    expect(noted[0]!.note!.text).toMatch(/Exopen integration is not enabled/);

    const all = JSON.parse(runCli(['companies', 'vitec', '--scenario', 'integration-partial', '--json', '--show-inactive']).stdout) as Listing;
    expect(all.companies).toHaveLength(40);
    expect(all.companies.filter((company) => !company.active).map((company) => company.id)).toEqual(['1008', '1016', '1024', '1032', '1040']);

    const human = runCli(['companies', 'vitec', '--scenario', 'integration-partial', '--show-inactive']);
    expect(human.stdout).toMatch(/^40 companies, 5 inactive:/);
    expect(human.stdout).toMatch(/1008 {2}.+\(559\d{3}-\d{4}, inactive\)/);
  });

  it('exits 2 with the explanation when the customer must act, 1 for incomplete input', () => {
    const locked = runCli(['companies', 'vitec', '--scenario', 'locked-user']);
    expect(locked.code).toBe(2);
    expect(locked.stdout).toMatch(/Vitec has locked the user exopen\.api/);

    const incomplete = runCli(['companies', 'vitec', '--domain', 'acme', '--environment', 'production'], { VITEC_PASSWORD: '' });
    expect(incomplete.code).toBe(1);
    expect(incomplete.stderr).toContain('--username');
    expect(incomplete.stderr).toContain('VITEC_PASSWORD');
  });
});
