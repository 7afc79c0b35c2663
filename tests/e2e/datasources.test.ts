/**
 * Data sources end to end in Debian's chromium (issue 3): sign in from the header, hand off the healthy
 * Netvisor scenario to a new company domain, see its card on Data sources reach done, set up the same
 * credential again and be told it is already connected (still exactly one card: nothing is added twice),
 * delete the card after confirming, sign out. Afterwards no scenario secret, no sandbox partner credential
 * and no token (JWT) is in any file the app wrote. Every step and page state is scanned with axe.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesContaining, filesMatching, JWT_PATTERN } from './support/canary';
import { scenario, signIn, startApp, type RunningApp } from './support/app';
import { cardIds, cards, checkPage, waitForList } from './support/pages';
import { checkStep, chooseNetvisor, fillCredentials, waitForStatus } from './support/wizard';

const SHOTS = { shots: 'datasources' } as const;
const DOMAIN_NAME = 'Acme Group';

describe('Data sources in the browser', () => {
  let app: RunningApp;
  /** The one data source of the healthy credential, and the domain it went to. */
  let dataSourceId = '';
  let domainId = '';

  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  async function testHealthy(step: string, options: { shots?: string }): Promise<void> {
    const { page } = app;
    const healthy = scenario(app, 'healthy');
    await fillCredentials(
      page,
      { companyName: 'Demo Oy', businessId: healthy.fields.businessId!, customerId: healthy.fields.customerId!, customerKey: healthy.secrets.customerKey! },
      options,
    );
    for (const check of ['reachable', 'authentication', 'company', 'rights']) await waitForStatus(page, `check-${check}`, ['passed']);
    await checkStep(page, `${step}-test`, options);
    await page.getByTestId('next').click();
    await checkStep(page, `${step}-companies`, options);
    await page.getByTestId('next').click();
  }

  it('signs in, hands off the healthy credential to a new domain and shows its card reaching done', async () => {
    const { page } = app;
    await signIn(page);
    await expect.poll(() => page.getByTestId('session-user').isVisible()).toBe(true);
    await chooseNetvisor(page, SHOTS);
    await testHealthy('4', SHOTS);

    // Review: create "Acme Group"; the new domain is chosen at once.
    await page.getByTestId('domain-create-name').fill(DOMAIN_NAME);
    await page.getByTestId('domain-create').click();
    await expect.poll(() => page.getByTestId('review-domain').getAttribute('data-domain'), { timeout: 10_000 }).not.toBe('');
    domainId = (await page.getByTestId('review-domain').getAttribute('data-domain'))!;
    expect(await page.getByTestId(`domain-option-${domainId}`).isChecked()).toBe(true);
    expect(await page.getByTestId('review-domain').innerText()).toContain(DOMAIN_NAME);
    await checkStep(page, '6-review-new-domain', SHOTS);
    await page.getByTestId('handoff-submit').click();

    await waitForStatus(page, 'status-overall', ['done'], 60_000);
    await checkStep(page, '8-status', SHOTS);

    await page.getByTestId('status-open-datasources').click();
    await waitForList(page);
    const ids = await cardIds(page);
    expect(ids).toHaveLength(1);
    dataSourceId = ids[0]!;
    await waitForStatus(page, `card-${dataSourceId}`, ['done'], 60_000);
    expect(await page.getByTestId(`card-companies-${dataSourceId}`).getAttribute('data-count')).toBe('1');
    await checkPage(page, '9-datasources-done', SHOTS);
  });

  it('adds nothing twice: the same credential again is "already connected" and there is still one card', async () => {
    const { page } = app;
    expect(dataSourceId).not.toBe('');
    await page.getByTestId('new-credential-netvisor').click();
    // A new credential starts at "Before you start" (the finished setup is not asked about).
    await checkStep(page, '10-again-before-you-start', SHOTS);
    await page.getByTestId('next').click();
    await testHealthy('11-again', SHOTS);

    await page.getByTestId(`domain-option-${domainId}`).check();
    await expect.poll(() => page.getByTestId('review-domain').getAttribute('data-domain')).toBe(domainId);
    await checkStep(page, '12-again-review', SHOTS);
    await page.getByTestId('handoff-submit').click();

    await page.getByTestId('handoff-exists').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('error-alert').getAttribute('data-code')).toBe('E_EXOPEN_EXISTS');
    await checkStep(page, '13-handoff-exists', SHOTS);

    await page.getByTestId('handoff-exists').click();
    await waitForList(page);
    expect(await cardIds(page)).toEqual([dataSourceId]);
    expect(await cards(page).count()).toBe(1);
    await checkPage(page, '14-datasources-still-one', SHOTS);
  });

  it('deletes the card only after confirming, then the page says there are none', async () => {
    const { page } = app;
    await page.getByTestId(`card-delete-${dataSourceId}`).click();
    await page.getByTestId('confirm-ok').waitFor();
    await checkPage(page, '15-delete-confirm', SHOTS);

    // Cancel keeps it.
    await page.getByTestId('confirm-cancel').click();
    await page.getByTestId('confirm-ok').waitFor({ state: 'detached' });
    expect(await cardIds(page)).toEqual([dataSourceId]);

    await page.getByTestId(`card-delete-${dataSourceId}`).click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId(`card-${dataSourceId}`).waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByTestId('datasources-empty').waitFor();
    expect(await cards(page).count()).toBe(0);
    await checkPage(page, '16-datasources-empty', SHOTS);

    // Gone at Exopen too, not only on the page: a fresh list is still empty.
    await page.getByTestId('nav-wizard').click();
    await page.getByTestId('nav-datasources').click();
    await waitForList(page);
    expect(await cards(page).count()).toBe(0);
  });

  it('signs out from the header menu', async () => {
    const { page } = app;
    await page.getByTestId('session-user').click();
    await page.getByTestId('signout').click();
    await page.getByTestId('session-user').waitFor({ state: 'detached', timeout: 10_000 });
    expect(await page.getByTestId('session-user').count()).toBe(0);
    await page.getByTestId('signin-button').first().waitFor();
    await checkPage(page, '17-signed-out', SHOTS);
  });

  it('wrote no scenario secret, partner credential or token to any file', async () => {
    const secrets = Object.values(app.sandbox.scenarios)
      .flatMap((entries) => entries ?? [])
      .flatMap((entry) => Object.values(entry.secrets));
    const partner = Object.values(app.sandbox.partnerCredentials).flatMap((values) => Object.values(values ?? {}));
    expect(secrets.length).toBeGreaterThan(0);
    expect(partner.length).toBeGreaterThan(0);
    // The scans mean something only if the app wrote files there (drafts, logs, the sandbox backend's store).
    expect((await filesMatching(app.dataDir, /[\s\S]/)).length).toBeGreaterThan(0);
    expect(await filesContaining(app.dataDir, [...secrets, ...partner])).toEqual([]);
    expect(await filesMatching(app.dataDir, JWT_PATTERN)).toEqual([]);
  });

  it('the token scan finds a token where there is one (so its empty answer above means something)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'exopen-jwt-control-'));
    try {
      const token = [{ alg: 'RS256', typ: 'at+jwt' }, { sub: 'demo', aud: app.sandbox.backend.url }].map((part) => Buffer.from(JSON.stringify(part)).toString('base64url')).join('.');
      await writeFile(join(dir, 'session.json'), JSON.stringify({ accessToken: `${token}.c2lnbmF0dXJl` }));
      await writeFile(join(dir, 'clean.json'), JSON.stringify({ note: 'eyJ alone is not a token' }));
      expect(await filesMatching(dir, JWT_PATTERN)).toEqual([join(dir, 'session.json')]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
