/**
 * Diagnose end to end in Debian's chromium: a support agent signs in (the sandbox signs Netvisor requests
 * through the Exopen broker), opens Diagnose, types the credential of the Netvisor scenario "two resources
 * blocked" and runs every check. Both blocked rows show with their fixes, the known problem for
 * SERVICE_ACCESS_ERROR is named, and the request timeline has rows. The support bundle is previewed (no
 * customer key in it) and saved: a zip of bundle.json, manifest.json and README.txt with neither the customer
 * key nor the partner key in any encoding. The vendor admin's checklist carries the partner search key and no
 * secret; the catalogue finds the Netvisor entry for SERVICE_ACCESS_ERROR. The CSP stops a script injected into
 * the page. Every page state is scanned with axe.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesContaining } from './support/canary';
import { scenario, signIn, startApp, type RunningApp } from './support/app';
import { checkPage } from './support/pages';
import { waitForStatus } from './support/wizard';

const SHOTS = { shots: 'diagnose' } as const;
const PARTNER_SEARCH_KEY = '10DF2FEE83FE7AF6A7904255AF607A6E';
const BLOCKED_ROWS = ['accountingledger.nv', 'salesinvoicelist.nv'];
const RESOURCE_BLOCKED = 'netvisor.resource-blocked';

describe('Diagnose in the browser', () => {
  let app: RunningApp;
  let downloads = '';
  let customerKey = '';
  let partnerKey = '';

  beforeAll(async () => {
    app = await startApp();
    downloads = await mkdtemp(join(tmpdir(), 'exopen-e2e-downloads-'));
    const blocked = scenario(app, 'two-blocked');
    customerKey = blocked.secrets.customerKey!;
    partnerKey = app.sandbox.partnerCredentials.netvisor?.partnerKey ?? '';
    expect(customerKey).not.toBe('');
    expect(partnerKey).not.toBe('');
  });
  afterAll(async () => {
    await app?.stop();
    if (downloads) await rm(downloads, { recursive: true, force: true });
  });

  it('opens Diagnose from the header with the focus on its heading', async () => {
    const { page } = app;
    await signIn(page);
    await page.getByTestId('nav-diagnose').click();
    await page.getByTestId('page-heading').waitFor();
    expect(await page.getByTestId('page-heading').innerText()).toBe('Diagnose');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('page-heading');
    await page.getByTestId('diagnose-entry-netvisor.wrong-keys').waitFor();
    await checkPage(page, '1-empty', SHOTS);
  });

  it('diagnoses a typed Netvisor credential: both blocked rows with fixes, the known problem, the timeline', async () => {
    const { page } = app;
    const blocked = scenario(app, 'two-blocked');
    await page.getByTestId('diagnose-system').selectOption('netvisor');
    await page.getByTestId('field-companyName').fill(blocked.fields.companyName ?? 'Neliöjuuri Oy');
    await page.getByTestId('field-businessId').fill(blocked.fields.businessId!);
    await page.getByTestId('field-customerId').fill(blocked.fields.customerId!);
    await page.getByTestId('field-customerKey').fill(customerKey);
    await page.getByTestId('field-environment').selectOption('sandbox');
    await checkPage(page, '2-credential', SHOTS);

    await page.getByTestId('diagnose-run').click();
    // The secret left the page's state with the call: the input is empty again.
    await expect.poll(() => page.getByTestId('field-customerKey').inputValue()).toBe('');
    const overall = await waitForStatus(page, 'diagnose-overall', ['passed', 'warning', 'failed'], 60_000);
    expect(overall).not.toBe('passed');
    expect(await page.getByTestId('diag-check-rights').getAttribute('data-status')).toMatch(/failed|warning/);

    for (const rowId of BLOCKED_ROWS) {
      expect(await page.getByTestId(`diag-row-${rowId}`).getAttribute('data-status')).toBe('blocked');
      const rowText = await page.getByTestId(`diag-row-${rowId}`).innerText();
      expect(rowText).toContain('SERVICE_ACCESS_ERROR');
      expect((await page.getByTestId(`diag-row-fix-${rowId}`).innerText()).length).toBeGreaterThan(20);
    }
    const known = page.getByTestId(`diagnose-known-${RESOURCE_BLOCKED}`);
    await known.waitFor();
    expect(await known.innerText()).toContain('SERVICE_ACCESS_ERROR');

    const requests = page.getByTestId('diagnose-timeline').locator('tbody tr');
    expect(await requests.count()).toBeGreaterThan(0);
    expect(await page.getByTestId('diagnose-timeline').innerText()).toMatch(/GET|POST/);

    expect(await page.locator('body').innerText()).not.toContain(customerKey);
    await checkPage(page, '3-result', SHOTS);
  });

  it('previews the support bundle and saves a clean zip of bundle.json, manifest.json and README.txt', async () => {
    const { page } = app;
    await page.getByTestId('diagnose-bundle-preview').click();
    const json = page.getByTestId('diagnose-bundle-json');
    await json.waitFor();
    const preview = await json.innerText();
    expect(preview).toContain('"netvisor"');
    expect(preview).not.toContain(customerKey);
    expect(preview).not.toContain(partnerKey);
    await checkPage(page, '4-bundle-preview', SHOTS);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('diagnose-bundle-save').click()]);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    const bundleDir = await mkdtemp(join(downloads, 'bundle-'));
    const zipPath = join(bundleDir, download.suggestedFilename());
    await download.saveAs(zipPath);

    const files = unzipSync(new Uint8Array(await readFile(zipPath)));
    expect(Object.keys(files).sort()).toEqual(expect.arrayContaining(['README.txt', 'bundle.json', 'manifest.json']));
    for (const [name, bytes] of Object.entries(files)) await writeFile(join(bundleDir, `unzipped-${name.replace(/[\\/]/g, '_')}`), bytes);
    expect(JSON.parse(Buffer.from(files['bundle.json']!).toString('utf8'))).toBeTruthy();
    expect(await filesContaining(bundleDir, [customerKey, partnerKey])).toEqual([]);

    await page.getByTestId('diagnose-bundle-close').click();
    await expect.poll(() => page.getByTestId('diagnose-bundle-dialog').count()).toBe(0);
  });

  it('downloads the vendor admin checklist with the partner search key and no secret', async () => {
    const { page } = app;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('diagnose-taskpack').click()]);
    expect(download.suggestedFilename()).toMatch(/\.html$/);
    const packDir = await mkdtemp(join(downloads, 'taskpack-'));
    const path = join(packDir, download.suggestedFilename());
    await download.saveAs(path);
    const html = await readFile(path, 'utf8');
    expect(html).toContain(PARTNER_SEARCH_KEY);
    expect(html).toContain('accountingledger.nv');
    expect(await filesContaining(packDir, [customerKey, partnerKey])).toEqual([]);
  });

  it('finds the Netvisor entry for SERVICE_ACCESS_ERROR in the catalogue', async () => {
    const { page } = app;
    await page.getByTestId('diagnose-catalogue-search').fill('SERVICE_ACCESS_ERROR');
    const entry = page.getByTestId(`diagnose-entry-${RESOURCE_BLOCKED}`);
    await entry.waitFor();
    expect(await entry.innerText()).toContain('SERVICE_ACCESS_ERROR');
    expect(await page.locator('[data-testid^="diagnose-entry-vitec."]').count()).toBe(0);
    await checkPage(page, '5-catalogue-search', SHOTS);

    // A known problem's link clears the search and takes the focus to its entry.
    await page.getByTestId('diagnose-catalogue-search').fill('no such problem anywhere');
    await expect.poll(() => page.locator('[data-testid^="diagnose-entry-netvisor."]').count()).toBe(0);
    await page.getByTestId(`diagnose-known-${RESOURCE_BLOCKED}`).getByTestId(`diagnose-entry-link-${RESOURCE_BLOCKED}`).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(`diagnose-entry-${RESOURCE_BLOCKED}`);
  });
  // §9 check 4, in the browser: the page's CSP (the header the web host and app:// both send) stops a script
  // injected into the DOM, and the browser reports the violation.
  it('runs no injected inline script or eval: the CSP blocks them and the browser reports it', async () => {
    const { page } = app;
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
      const marker = window as unknown as { __injected?: number; __evaluated?: number };
      const script = document.createElement('script');
      script.textContent = 'window.__injected = 1;';
      document.body.append(script);
      // Playwright's evaluate may run eval in its own synchronous part (CDP's allowUnsafeEvalBlockedByCSP):
      // yield first, so the page's own rules apply.
      await new Promise((resolve) => setTimeout(resolve, 100));
      let evalBlocked = false;
      try {
        new Function('window.__evaluated = 1')();
      } catch {
        evalBlocked = true;
      }
      script.remove();
      return { injected: marker.__injected, evaluated: marker.__evaluated, evalBlocked, violations };
    });
    expect(outcome.injected).toBeUndefined();
    expect(outcome.evaluated).toBeUndefined();
    expect(outcome.evalBlocked).toBe(true);
    expect(outcome.violations).toContain('script-src-elem');
  });
});
