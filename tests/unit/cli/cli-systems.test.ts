/**
 * `test <system> --json` for the other systems, as support agents run it against a sandbox scenario:
 * Procountor's restricted-rights scenario names the missing areas; Vitec's "enabled for only some"
 * scenario lists exactly the companies without the partner integration.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const CLI = ['--import', 'tsx', 'main/hosts/cli/index.ts'];

interface Row {
  id: string;
  status: string;
  fix?: { text: string };
}
interface Report {
  overall: string;
  exitCode: number;
  results: Array<{ checkId: string; status: string; rows?: Row[] }>;
}

function testJson(system: string, scenario: string): { code: number | null; report: Report } {
  const result = spawnSync(process.execPath, [...CLI, 'test', system, '--scenario', scenario, '--json'], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, report: JSON.parse(result.stdout) as Report };
}

describe('exopen-connect test <system> --json', () => {
  it('procountor: the restricted-rights scenario names exactly the missing areas, each with a fix', () => {
    const { code, report } = testJson('procountor', 'no-accounting-rights');
    expect(code).toBe(2);
    const rights = report.results.find((result) => result.checkId === 'rights')!;
    expect(rights.status).toBe('failed');
    const missing = rights.rows!.filter((row) => row.status !== 'allowed');
    expect(missing.map((row) => row.id).sort()).toEqual(['chartOfAccounts', 'ledgerReceipts']);
    for (const row of missing) expect(row.fix!.text).toMatch(/user management/);
  });

  it('vitec: the "enabled for only some" scenario lists exactly the companies without the integration', () => {
    const { code, report } = testJson('vitec', 'integration-partial');
    expect(code).toBe(0); // a warning: the customer can still connect the others
    const integration = report.results.find((result) => result.checkId === 'integration')!;
    expect(integration.status).toBe('warning');
    const without = integration.rows!.filter((row) => row.status !== 'allowed').map((row) => row.id);
    expect(without.sort()).toEqual(['1007', '1019', '1033']);
  });
});
