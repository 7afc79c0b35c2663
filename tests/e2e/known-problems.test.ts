/**
 * Every known problem of the catalogue, reproduced from its own sandbox scenario through both front doors a
 * support agent has:
 * - the CLI as shipped (bin/exopen-connect.js → dist/cli): `diagnose <system> --scenario <id> --json` names
 *   the entry with its fix and exits with the code scripts rely on;
 * - the Diagnose view in Debian's chromium: the entry's "Reproduce in the sandbox" button runs the scenario,
 *   the result names the entry, and the focus lands on the result.
 * (tests/unit/diagnose/coverage.test.ts proves the same scenarios at the connector level, with exact sets.)
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../main/diagnose';
import { forEachBounded } from '../../main/services/bounded';
import { signIn, startApp, type RunningApp } from './support/app';
import { checkPage } from './support/pages';
import { waitForStatus } from './support/wizard';

const BIN = resolve('bin/exopen-connect.js');
const SHOTS = { shots: 'known-problems' } as const;

/**
 * The exit code each entry's scenario gives: 3 where the connector says no proper vendor answer came (a cut
 * connection, a proxy's page or rewritten address, maintenance, a resent request), 0 for Procountor's
 * throttling, which the connector waits out, 2 (the customer must act) for everything else.
 */
const EXIT_3 = new Set(['netvisor.mac-url', 'netvisor.request-not-unique', 'netvisor.maintenance', 'netvisor.unreachable', 'netvisor.not-netvisor', 'procountor.unreachable', 'vitec.unreachable']);
const EXIT_0 = new Set(['procountor.throttled']);
const expectedExit = (id: string): number => (EXIT_3.has(id) ? 3 : EXIT_0.has(id) ? 0 : 2);

function runCli(args: ReadonlyArray<string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: process.env, timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('every known problem through the CLI', () => {
  it('names each entry with its fix from its own scenario, with the documented exit code', async () => {
    if (!existsSync(resolve('dist/cli/index.js'))) throw new Error('dist/cli is missing: run `npm run build` before the e2e tests');
    // Two at a time: the build machines have two cores.
    const runs: Array<{ entry: (typeof CATALOGUE)[number]; code: number | null; stdout: string; stderr: string }> = [];
    await forEachBounded(CATALOGUE, 2, async (entry, index) => {
      runs[index] = { entry, ...(await runCli(['diagnose', entry.system, '--scenario', entry.scenario, '--json'])) };
    });
    for (const { entry, code, stdout, stderr } of runs) {
      const where = `${entry.id} via diagnose ${entry.system} --scenario ${entry.scenario}: ${stderr.slice(0, 300)}`;
      const out = JSON.parse(stdout || '{}') as { exitCode?: number; environment?: { scenario?: string }; knownProblems?: Array<{ id: string; fix: { text: string } }> };
      expect(out.environment?.scenario, where).toBe(entry.scenario);
      const shown = out.knownProblems?.find((problem) => problem.id === entry.id);
      expect(shown, where).toBeDefined();
      expect(shown!.fix.text.length, where).toBeGreaterThan(20);
      expect([code, out.exitCode], where).toEqual([expectedExit(entry.id), expectedExit(entry.id)]);
    }
  }, 300_000);
});

describe('every known problem through the Diagnose view', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp();
    await signIn(app.page);
    await app.page.getByTestId('nav-diagnose').click();
    await app.page.getByTestId('diagnose-entry-netvisor.wrong-keys').waitFor();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it.each(CATALOGUE.map((entry) => [entry.id, entry] as const))('%s', async (_id, entry) => {
    const { page } = app;
    const button = page.getByTestId(`diagnose-reproduce-${entry.id}`);
    await button.click();
    // The run replaces the last result; wait for this scenario's to be in.
    const overall = page.getByTestId('diagnose-overall');
    await expect.poll(() => overall.innerText().catch(() => ''), { timeout: 60_000 }).toContain(`Sandbox scenario “${entry.scenario}”`);
    await waitForStatus(page, 'diagnose-overall', ['passed', 'warning', 'failed'], 60_000);
    expect(await page.getByTestId('diagnose-system').inputValue()).toBe(entry.system);
    const known = page.getByTestId(`diagnose-known-${entry.id}`);
    // On a miss, say what the result showed instead (a bare locator timeout explains nothing).
    await known.waitFor({ timeout: 15_000 }).catch(async (error: unknown) => {
      const shown = await page.getByTestId('diagnose-overall').locator('xpath=ancestor::section[1]').innerText().catch(() => '');
      throw new Error(`${entry.id} not named; the result showed:\n${shown || (await page.locator('main').innerText())}`, { cause: error });
    });
    expect(await known.innerText()).toContain(entry.id);
    // Keyboard users are taken from the catalogue to the result.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('diagnose-result-heading');
    await expect.poll(() => button.isEnabled()).toBe(true);
    if (entry.id === 'vitec.integration-not-enabled') await checkPage(page, 'reproduced', SHOTS);
  });
});
