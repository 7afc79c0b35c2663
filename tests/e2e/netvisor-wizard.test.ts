/**
 * The Netvisor wizard end to end in Debian's chromium, against the web host, the Netvisor simulator and
 * the sandbox backend: a healthy run through handoff and the initial data run, and a run with two blocked
 * resources that shows both rows with their fixes and passes once the rights are fixed "in Netvisor".
 * Every step is scanned with axe; afterwards no canary secret is in any file the app wrote.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesContaining } from './support/canary';
import { scenario, signIn, startApp, type RunningApp } from './support/app';
import { checkStep, chooseNetvisor, fillCredentials, waitForStatus } from './support/wizard';

describe('Netvisor wizard in the browser', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('connects a healthy company: test, companies, review, hand off, initial data run', async () => {
    const { page } = app;
    const healthy = scenario(app, 'healthy');
    await signIn(page);
    await chooseNetvisor(page, { shots: 'netvisor' });
    await fillCredentials(page, { companyName: 'Demo Oy', businessId: healthy.fields.businessId!, customerId: healthy.fields.customerId!, customerKey: healthy.secrets.customerKey! }, { shots: 'netvisor' });

    for (const check of ['reachable', 'authentication', 'company', 'rights']) await waitForStatus(page, `check-${check}`, ['passed']);
    await checkStep(page, '4-test', { shots: 'netvisor' });
    await page.getByTestId('next').click();

    await checkStep(page, '5-companies', { shots: 'netvisor' });
    await page.getByTestId('next').click();

    await page.getByTestId('domain-option-dom-demo').check();
    await checkStep(page, '6-review', { shots: 'netvisor' });
    expect(await page.getByTestId('review-item-customerKey').getAttribute('data-masked')).toBe('true');
    expect(await page.content()).not.toContain(healthy.secrets.customerKey!);
    await page.getByTestId('handoff-submit').click();

    await waitForStatus(page, 'status-overall', ['done'], 60_000);
    await checkStep(page, '8-status', { shots: 'netvisor' });
    expect(await page.content()).not.toContain(healthy.secrets.customerKey!);
  });

  it('shows both blocked resources with their fixes, then passes after the rights are fixed', async () => {
    const { page } = app;
    const blocked = scenario(app, 'two-blocked');
    await page.getByTestId('status-done').click();
    await chooseNetvisor(page, {});
    await fillCredentials(page, { companyName: 'Blocked Oy', businessId: blocked.fields.businessId!, customerId: blocked.fields.customerId!, customerKey: blocked.secrets.customerKey! }, {});

    await waitForStatus(page, 'check-rights', ['failed']);
    const expected = blocked.expect?.blocked ?? [];
    expect(expected).toHaveLength(2);
    for (const resource of expected) {
      expect(await page.getByTestId(`row-${resource}`).getAttribute('data-status')).toBe('blocked');
      await expect.poll(() => page.getByTestId(`row-${resource}`).innerText()).toMatch(/Rights of interface resources/);
    }
    const statuses = await page.locator('[data-testid^="row-"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')));
    expect(statuses.filter((status) => status !== 'allowed')).toHaveLength(2);
    await checkStep(page, '4-test-blocked', { shots: 'netvisor' });

    for (const resource of expected) app.sandbox.netvisor.setRight(blocked.fields.customerId!, resource, true);
    await page.getByTestId('test-retry-failed').click();
    await waitForStatus(page, 'check-rights', ['passed']);
    for (const resource of expected) expect(await page.getByTestId(`row-${resource}`).getAttribute('data-status')).toBe('allowed');
  });

  it('wrote no canary secret to any file', async () => {
    const secrets = app.sandbox.scenarios.netvisor!.flatMap((entry) => Object.values(entry.secrets));
    secrets.push(app.sandbox.partnerCredentials.netvisor!.partnerKey!);
    expect(await filesContaining(app.dataDir, secrets)).toEqual([]);
  });
});
