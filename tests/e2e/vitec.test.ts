/**
 * Vitec Ekonomi end to end in Debian's chromium, against the web host, the Vitec simulator and the sandbox
 * backend: one credential, many companies. The "integration missing for 3 of 40" installation is tested, its
 * companies picked (Select all, Show inactive, the three without the integration flagged but selectable), and
 * handed off company by company — one company the simulator cannot open stays listed with its reason until
 * Retry connects it, then the step moves on to Status by itself. The credential card then shows its
 * companies; "Add companies" lists what the credential reaches with the connected ones ticked and locked; a
 * second Vitec account gets its own card beside it; removing every company of the first deletes its card.
 * Every step and dialog is scanned with axe; afterwards no Vitec password is in any file the app wrote.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesContaining } from './support/canary';
import { signIn, startApp, type RunningApp } from './support/app';
import {
  cardCompanyCount,
  cardNamed,
  checkAxe,
  companiesCount,
  credentialsToCompanies,
  reviewAndHandOff,
  vitecCards,
  vitecScenario,
} from './support/vitec';
import { checkStep, waitForStatus } from './support/wizard';

const SHOTS = { shots: 'vitec' } as const;
/** integration-partial: companies 1001–1040; every 8th inactive; 7, 19 and 33 without the Exopen integration. */
const INACTIVE = ['1008', '1016', '1024', '1032', '1040'];
const WITHOUT_INTEGRATION = ['1007', '1019', '1033'];
const ALL = Array.from({ length: 40 }, (_, i) => String(1001 + i));

describe('Vitec Ekonomi in the browser: one credential, many companies', () => {
  let app: RunningApp;
  let partialCardId = '';
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('tests a 40-company credential and picks its companies: Select all, Show inactive, integration notes', async () => {
    const { page } = app;
    const partial = vitecScenario(app, 'integration-partial');
    expect(partial.expect?.withoutIntegration).toEqual(WITHOUT_INTEGRATION);
    await signIn(page);
    await checkStep(page, '1-choose-system', SHOTS);
    await page.getByTestId('system-vitec').click();
    await page.getByTestId('next').click();
    await credentialsToCompanies(page, partial, { ...SHOTS, integration: 'warning' });

    // Inactive companies are hidden until asked for; nothing is ticked for the user.
    expect(await companiesCount(page)).toEqual({ selected: 0, total: 35 });
    expect(await page.getByTestId('companies-show-inactive').isChecked()).toBe(false);
    expect(await page.getByTestId('company-1008').count()).toBe(0);
    // The three without the integration are flagged with the reason, and still selectable.
    for (const id of WITHOUT_INTEGRATION) {
      expect(await page.getByTestId(`company-note-${id}`).innerText()).toMatch(/Exopen integration is not enabled/);
      expect(await page.getByTestId(`company-${id}`).isEnabled()).toBe(true);
    }
    expect(await page.getByTestId('company-note-1001').count()).toBe(0);

    await page.getByTestId('companies-select-all').check();
    expect(await companiesCount(page)).toEqual({ selected: 35, total: 35 });
    await page.getByTestId('companies-show-inactive').check();
    expect(await companiesCount(page)).toEqual({ selected: 35, total: 40 });
    for (const id of INACTIVE) expect(await page.getByTestId(`company-note-${id}`).innerText()).toMatch(/Inactive/);
    await page.getByTestId('companies-select-all').check();
    expect(await companiesCount(page)).toEqual({ selected: 40, total: 40 });
    // Keyboard: Space on a focused checkbox unticks it, like a click.
    await page.getByTestId('company-1008').focus();
    await page.keyboard.press('Space');
    await page.getByTestId('company-1016').uncheck();
    expect(await companiesCount(page)).toEqual({ selected: 38, total: 40 });
    expect(await page.getByTestId('companies-count').innerText()).toBe('38 of 40 selected');
    await checkStep(page, '5-companies', SHOTS);
    await page.getByTestId('next').click();
  });

  it('hands off company by company: a failing company keeps its reason until Retry, then on to Status by itself', async () => {
    const { page } = app;
    const partial = vitecScenario(app, 'integration-partial');
    app.sandbox.vitec.failCompany(partial.fields.domain!, '1040', true);
    await reviewAndHandOff(page, partial.secrets.password!, SHOTS);

    await waitForStatus(page, 'bulk-row-1040', ['failed']);
    expect(await page.getByTestId('bulk-row-1040').innerText()).toMatch(/Company 1040 could not be read from Vitec Ekonomi/);
    const connected = await page.locator('[data-testid^="bulk-row-"][data-status="connected"]').count();
    expect(connected).toBe(37);
    expect(await page.getByTestId('bulk-summary').innerText()).toBe('37 of 38 connected, 1 failed');
    await checkStep(page, '7-handoff-failed', SHOTS);

    app.sandbox.vitec.failCompany(partial.fields.domain!, '1040', false);
    await page.getByTestId('bulk-retry').click();
    await waitForStatus(page, 'status-overall', ['done'], 60_000);
    await checkStep(page, '8-status', SHOTS);
    expect(await page.content()).not.toContain(partial.secrets.password!);
  });

  it('shows the credential card with its companies, and adds the rest later with the connected ones locked', async () => {
    const { page } = app;
    await page.getByTestId('status-open-datasources').click();
    const { id } = await cardNamed(page, 'demo-partial.vitec.net');
    partialCardId = id;
    expect(await cardCompanyCount(page, id)).toBe(38);
    await checkAxe(page, 'data sources');

    await page.getByTestId(`card-add-${id}`).click();
    await page.getByTestId('add-company-1008').waitFor();
    for (const connected of ['1001', '1007', '1040']) {
      expect(await page.getByTestId(`add-company-${connected}`).isChecked()).toBe(true);
      expect(await page.getByTestId(`add-company-${connected}`).isDisabled()).toBe(true);
    }
    expect(await page.getByTestId('add-company-1008').isChecked()).toBe(false);
    await page.getByTestId('add-company-1008').check();
    await page.getByTestId('add-company-1016').check();
    await checkAxe(page, 'add companies dialog');
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => cardCompanyCount(page, id), { timeout: 10_000 }).toBe(40);
  });

  it('connects a second Vitec account as its own card beside the first', async () => {
    const { page } = app;
    const healthy = vitecScenario(app, 'healthy');
    await page.getByTestId('new-credential-vitec').click();
    await credentialsToCompanies(page, healthy, { integration: 'passed' });
    await page.getByTestId('companies-select-all').check();
    expect(await companiesCount(page)).toEqual({ selected: 35, total: 35 });
    await page.getByTestId('next').click();
    await reviewAndHandOff(page, healthy.secrets.password!, {});
    // Every company connects: the hand-off moves on to Status without a click.
    await waitForStatus(page, 'status-overall', ['queued', 'running', 'done'], 60_000);
    await page.getByTestId('status-open-datasources').click();
    const second = await cardNamed(page, 'demo-healthy.vitec.net');
    expect(await cardCompanyCount(page, second.id)).toBe(35);
    expect(await vitecCards(page).count()).toBe(2);
    expect(await cardCompanyCount(page, partialCardId)).toBe(40);
    await checkAxe(page, 'data sources with two Vitec cards');
  });

  it('removing every company of a credential deletes its card; the other account stays', async () => {
    const { page } = app;
    await page.getByTestId(`card-remove-${partialCardId}`).click();
    for (const id of ALL) await page.getByTestId(`remove-company-${id}`).check();
    await page.getByTestId('remove-deletes-credential').waitFor();
    await checkAxe(page, 'remove every company');
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => page.getByTestId(`card-${partialCardId}`).count(), { timeout: 10_000 }).toBe(0);
    expect(await vitecCards(page).count()).toBe(1);
    await cardNamed(page, 'demo-healthy.vitec.net');
  });

  it('wrote no Vitec password to any file', async () => {
    const passwords = app.sandbox.scenarios.vitec!.map((entry) => entry.secrets.password!);
    expect(await filesContaining(app.dataDir, passwords)).toEqual([]);
  });
});
