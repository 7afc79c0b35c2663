/**
 * The Procountor wizard end to end in Debian's chromium (issue 4), against the Procountor simulator and the
 * sandbox backend: a healthy key through hand-off and the initial data run; a key whose API user lacks
 * accounting rights, with the refused areas blocked in the rights matrix and the fix pointing at Procountor's
 * user management; and a key swap from the Data sources card (Recreate) where a key of another company fails
 * the Test step, naming both companies, and the company's own key is accepted. Every step is scanned with axe; afterwards no
 * API key, partner secret or token is in any file the app wrote.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesContaining, filesMatching, JWT_PATTERN } from './support/canary';
import { signIn, startApp, type RunningApp } from './support/app';
import { cardIds, checkPage, openDataSources } from './support/pages';
import { checkStep, waitForStatus, type StepOptions } from './support/wizard';

const SHOTS = { shots: 'procountor' } as const;
const CHECKS = ['token', 'identity', 'rights', 'data', 'documents'] as const;

describe('Procountor wizard in the browser', () => {
  let app: RunningApp;
  let dataSourceId = '';

  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  /** A scenario as the sandbox describes it (fields, secrets, expect) with its company from the simulator. */
  function procountorScenario(id: string) {
    const described = app.sandbox.scenarios.procountor?.find((candidate) => candidate.id === id);
    const simulated = app.sandbox.procountor.scenarios.find((candidate) => candidate.id === id);
    if (!described || !simulated) throw new Error(`no procountor scenario ${id}`);
    return { ...described, apiKey: described.secrets.apiKey!, company: simulated.company, expectedCompany: simulated.expectedCompany };
  }

  async function chooseProcountor(page: Page, options: StepOptions): Promise<void> {
    await checkStep(page, '1-choose-system', options);
    await page.getByTestId('system-procountor').click();
    await page.getByTestId('next').click();
    await checkStep(page, '2-before-you-start', options);
    await page.getByTestId('next').click();
  }

  /** Credentials: the API key (the environment stays at its default, the sandbox; the client ID is fixed). */
  async function enterKey(page: Page, apiKey: string, name: string, options: StepOptions): Promise<void> {
    expect(await page.getByTestId('field-environment').inputValue()).toBe('sandbox');
    expect(await page.getByTestId('field-clientId').inputValue()).toBe(app.sandbox.partnerCredentials.procountor!.clientId);
    await page.getByTestId('field-apiKey').fill(apiKey);
    await page.getByTestId('field-apiKey').blur();
    await checkStep(page, name, options);
    await expect.poll(() => page.getByTestId('test-run').isEnabled(), { timeout: 10_000 }).toBe(true);
    await page.getByTestId('test-run').click();
  }

  /** Test (all checks pass) → Companies (the key's one company) → Review. */
  async function passTestAndCompanies(page: Page, companyName: string, prefix: string, options: StepOptions): Promise<void> {
    for (const check of CHECKS) await waitForStatus(page, `check-${check}`, ['passed']);
    await checkStep(page, `${prefix}-test`, options);
    await page.getByTestId('next').click();
    await checkStep(page, `${prefix}-companies`, options);
    expect(await page.getByRole('list', { name: /compan/i }).innerText()).toContain(companyName);
    await page.getByTestId('next').click();
    await page.getByTestId('review-table').waitFor({ timeout: 30_000 });
  }

  it('connects a healthy company: test, companies, review, hand off, initial data run', async () => {
    const { page } = app;
    const healthy = procountorScenario('healthy');
    await signIn(page);
    await chooseProcountor(page, SHOTS);
    await enterKey(page, healthy.apiKey, '3-credentials', SHOTS);
    await passTestAndCompanies(page, healthy.company.name, '4', SHOTS);

    await page.getByTestId('domain-option-dom-demo').check();
    await expect.poll(() => page.getByTestId('review-domain').getAttribute('data-domain')).toBe('dom-demo');
    expect(await page.getByTestId('review-item-apiKey').getAttribute('data-masked')).toBe('true');
    expect(await page.getByTestId('review-companies').innerText()).toContain(healthy.company.name);
    expect(await page.content()).not.toContain(healthy.apiKey);
    await checkStep(page, '6-review', SHOTS);
    await page.getByTestId('handoff-submit').click();

    await waitForStatus(page, 'status-overall', ['done'], 60_000);
    await checkStep(page, '8-status', SHOTS);
    expect(await page.content()).not.toContain(healthy.apiKey);
  });

  it('shows the areas the API user may not see as blocked, with the fix in Procountor user management', async () => {
    const { page } = app;
    const restricted = procountorScenario('no-accounting-rights');
    const missing = restricted.expect?.missing ?? [];
    expect(missing.length).toBeGreaterThan(0);

    await page.getByTestId('status-done').click();
    await chooseProcountor(page, {});
    await enterKey(page, restricted.apiKey, 'restricted-credentials', {});

    await waitForStatus(page, 'check-rights', ['failed']);
    const matrix = page.getByTestId('matrix-rights');
    for (const area of missing) {
      const row = matrix.getByTestId(`row-${area}`);
      expect(await row.getAttribute('data-status')).toBe('blocked');
      await expect.poll(() => row.innerText()).toMatch(/Procountor's user management/);
      expect(await row.isVisible()).toBe(true);
    }
    const statuses = await matrix.locator('[data-testid^="row-"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')));
    expect(statuses.filter((status) => status !== 'allowed')).toHaveLength(missing.length);
    await checkStep(page, '9-test-restricted', SHOTS);
    expect(await page.getByTestId('next').isDisabled()).toBe(true);
  });

  it('refuses a key of another company at Test when recreating, then accepts the company\'s own key', async () => {
    const { page } = app;
    const healthy = procountorScenario('healthy');
    const other = procountorScenario('other-company');
    expect(other.expectedCompany?.name).toBe(healthy.company.name);

    await openDataSources(page);
    const ids = await cardIds(page);
    expect(ids).toHaveLength(1);
    dataSourceId = ids[0]!;
    await waitForStatus(page, `card-${dataSourceId}`, ['done'], 60_000);
    await checkPage(page, '10-datasources', SHOTS);

    // The restricted setup is still open at Test: Recreate asks before it replaces it.
    await page.getByTestId(`card-recreate-${dataSourceId}`).click();
    await page.getByTestId('confirm-ok').waitFor();
    await checkPage(page, '11-replace-draft', SHOTS);
    await page.getByTestId('confirm-ok').click();

    // Recreate opens at Credentials. The key of another company is valid, but the identity check knows the
    // data source's company and fails, naming both; nothing can go further from Test.
    await enterKey(page, other.apiKey, '12-recreate-credentials', SHOTS);
    await waitForStatus(page, 'check-identity', ['failed'], 30_000);
    const identity = await page.getByTestId('check-identity').innerText();
    expect(identity).toContain(healthy.company.name);
    expect(identity).toContain(other.company.name);
    expect(await page.getByTestId('next').isDisabled()).toBe(true);
    await checkStep(page, '13-recreate-other-company', SHOTS);

    // Back to Credentials to enter the company's own key.
    await page.getByTestId('back').click();
    await page.getByTestId('field-apiKey').waitFor();
    await enterKey(page, healthy.apiKey, '14-recreate-credentials-again', SHOTS);
    await passTestAndCompanies(page, healthy.company.name, '15-own', SHOTS);
    await checkStep(page, '16-recreate-review-again', SHOTS);
    await page.getByTestId('handoff-submit').click();

    await waitForStatus(page, 'status-overall', ['done'], 60_000);
    await checkStep(page, '17-recreate-status', SHOTS);

    // Still one card, the same data source, with the healthy company.
    await page.getByTestId('status-open-datasources').click();
    await expect.poll(() => cardIds(page), { timeout: 30_000 }).toEqual([dataSourceId]);
    await waitForStatus(page, `card-${dataSourceId}`, ['done'], 60_000);
    expect(await page.getByTestId(`card-companies-${dataSourceId}`).innerText()).toContain(healthy.company.name);
    await checkPage(page, '18-datasources-after-swap', SHOTS);
  });

  it('wrote no API key, partner secret or token to any file', async () => {
    const keys = (app.sandbox.scenarios.procountor ?? []).map((entry) => entry.secrets.apiKey!).filter(Boolean);
    expect(keys.length).toBeGreaterThan(0);
    // The scans mean something only if the app wrote files there (drafts, logs, the sandbox backend's store).
    expect((await filesMatching(app.dataDir, /[\s\S]/)).length).toBeGreaterThan(0);
    const partnerSecret = app.sandbox.partnerCredentials.procountor!.clientSecret!;
    expect(await filesContaining(app.dataDir, [...keys, partnerSecret])).toEqual([]);
    expect(await filesMatching(app.dataDir, JWT_PATTERN)).toEqual([]);
  });
});
