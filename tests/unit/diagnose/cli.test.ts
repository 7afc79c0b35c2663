/**
 * `exopen-connect diagnose` as support agents run it: each scenario names what is wrong and how to fix it,
 * writes a bundle that passes the canary scan, and exits with the documented code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PARTNER_SEARCH_KEY } from '../../../main/connectors/netvisor';
import { SCENARIOS as NETVISOR } from '../../../main/connectors/netvisor/sandbox/scenarios';
import { SCENARIOS as VITEC } from '../../../main/connectors/vitec/sandbox/scenarios';
import { leakForms, tempDir } from '../platform/support/canary';
import { closedPort } from './support';

const CLI = ['--import', 'tsx', 'main/hosts/cli/index.ts'];

function runCli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [...CLI, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The bundle exists, unzips to its three files, and none of `secrets` is in it in any form. */
function scanBundle(file: string, secrets: ReadonlyArray<string>): Record<string, string> {
  expect(existsSync(file)).toBe(true);
  const bytes = readFileSync(file);
  const files = unzipSync(bytes);
  expect(Object.keys(files).sort()).toEqual(['README.txt', 'bundle.json', 'manifest.json']);
  for (const secret of secrets) for (const form of leakForms(secret)) expect(bytes.includes(Buffer.from(form, 'utf8')), `a form of a secret in ${file}`).toBe(false);
  // No JWT-shaped text either (Procountor's keys and tokens are JWTs the test cannot know in advance).
  expect(bytes.toString('latin1')).not.toMatch(/eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/);
  return Object.fromEntries(Object.entries(files).map(([name, content]) => [name, strFromU8(content)]));
}

describe('exopen-connect diagnose', () => {
  it('netvisor two-blocked: names both blocked resources with their fix and known problem, bundle clean, exit 2', async () => {
    const bundle = path.join(await tempDir(), 'b.zip');
    const { code, stdout, stderr } = runCli(['diagnose', 'netvisor', '--scenario', 'two-blocked', '--bundle', bundle]);
    expect(code).toBe(2);
    expect(stdout).toContain('Accounting ledger: blocked');
    expect(stdout).toContain('Sales invoices: blocked');
    expect(stdout).toContain('Vendor said: SERVICE_ACCESS_ERROR :: ');
    expect(stdout).toContain(`search the partner key ${PARTNER_SEARCH_KEY} › set Accounting ledger to Allowed`);
    expect(stdout).toContain(`search the partner key ${PARTNER_SEARCH_KEY} › set Sales invoice list to Allowed`);
    expect(stdout).toContain('[netvisor.resource-blocked]');
    expect(stdout).toContain('Seen in: accountingledger.nv, salesinvoicelist.nv');
    expect(stdout).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/accountingledger\.nv\?startdate=[\d-]+&enddate=[\d-]+ → 403/);
    expect(stderr).toContain(`Support bundle written to ${bundle}`);
    const files = scanBundle(bundle, [NETVISOR.find((s) => s.id === 'two-blocked')!.customerKey]);
    expect(files['bundle.json']).toContain('"scenario": "two-blocked"');
  });

  it('procountor no-accounting-rights: names the refused areas and the rights to give, bundle clean, exit 2', async () => {
    const dir = await tempDir();
    const bundle = path.join(dir, 'p.zip');
    const pack = path.join(dir, 'p.html');
    const { code, stdout } = runCli(['diagnose', 'procountor', '--scenario', 'no-accounting-rights', '--bundle', bundle, '--task-pack', pack]);
    expect(code).toBe(2);
    expect(stdout).toContain('Ledger receipts (bookkeeping): blocked');
    expect(stdout).toContain('Chart of accounts: blocked');
    expect(stdout).toContain('set Accounting › Journal receipts to Viewing rights');
    expect(stdout).toContain('[procountor.rights-gap]');
    scanBundle(bundle, []);
    expect(readFileSync(pack, 'utf8')).toContain('exopenClient');
  });

  it('vitec integration-partial: names the 3 companies whose revisions will not arrive, bundle clean, exit 2 (a warning the customer must act on)', async () => {
    const bundle = path.join(await tempDir(), 'v.zip');
    const { code, stdout } = runCli(['diagnose', 'vitec', '--scenario', 'integration-partial', '--bundle', bundle, '--json']);
    expect(code).toBe(2);
    const out = JSON.parse(stdout) as {
      exitCode: number;
      bundle: string;
      knownProblems: Array<{ id: string; rowIds: string[]; symptom: { text: string } }>;
      results: Array<{ checkId: string; rows: Array<{ id: string; status: string; fix?: { text: string } }> }>;
    };
    expect(out.exitCode).toBe(2);
    expect(out.bundle).toBe(bundle);
    const missing = out.results.find((result) => result.checkId === 'integration')!.rows.filter((row) => row.status !== 'allowed');
    expect(missing.map((row) => row.id)).toEqual(['1007', '1019', '1033']);
    for (const row of missing) expect(row.fix!.text).toMatch(/^Enable the Exopen integration for .+ in Vitec Ekonomi/);
    expect(out.knownProblems).toEqual([expect.objectContaining({ id: 'vitec.integration-not-enabled', rowIds: ['1007', '1019', '1033'] })]);
    expect(out.knownProblems[0]!.symptom.text).toContain('Revisions are not arriving');
    scanBundle(bundle, [VITEC.find((s) => s.id === 'integration-partial')!.password]);
  });

  it('exits 0 when healthy and 3 when the vendor cannot be reached', async () => {
    expect(runCli(['diagnose', 'netvisor', '--scenario', 'healthy']).code).toBe(0);
    const healthy = NETVISOR.find((s) => s.id === 'healthy')!;
    const unreachable = runCli(
      ['diagnose', 'netvisor', '--base-url', `http://127.0.0.1:${await closedPort()}`, '--business-id', healthy.businessId, '--customer-id', healthy.customerId, '--company-name', 'Healthy Oy'],
      { NETVISOR_CUSTOMER_KEY: healthy.customerKey, NETVISOR_PARTNER_ID: 'support-partner', NETVISOR_PARTNER_KEY: 'support-partner-key-0123456789' },
    );
    expect(unreachable.code).toBe(3);
    expect(unreachable.stdout).toContain('[netvisor.unreachable]');
  });

  it('exits 1 for usage errors, naming what to set', () => {
    const unknown = runCli(['diagnose', 'vitec', '--scenario', 'no-such-scenario']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Unknown scenario');
    const incomplete = runCli(['diagnose', 'netvisor', '--business-id', '1234567-8'], { NETVISOR_CUSTOMER_KEY: '' });
    expect(incomplete.code).toBe(1);
    expect(incomplete.stderr).toContain('NETVISOR_CUSTOMER_KEY');
    expect(incomplete.stderr).toContain('--customer-id');
  });

  it('exits 1 when the bundle asked for could not be written, and leaves nothing behind', async () => {
    const nowhere = path.join(await tempDir(), 'missing-dir', 'b.zip');
    const refused = runCli(['diagnose', 'netvisor', '--scenario', 'healthy', '--bundle', nowhere]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('No support bundle was written');
    expect(existsSync(nowhere)).toBe(false);
  });
});
