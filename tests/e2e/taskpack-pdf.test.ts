/**
 * The admin task pack as PDF, end to end in Debian's chromium. The web host gets a printer the way Electron's
 * main hands the runtime one, except that it is the test's chromium (a separate context without JavaScript,
 * setContent + page.pdf) instead of a hidden BrowserWindow's printToPDF: the same print engine. After a
 * Diagnose of the Netvisor scenario "two resources blocked", the PDF button downloads a real PDF, printed from
 * the checklist with the run's fixes. Without a printer (the plain web host) the page offers no PDF button.
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenario, signIn, startApp, type RunningApp } from './support/app';
import { checkPage } from './support/pages';
import { waitForStatus } from './support/wizard';

/** Every print's HTML, in order, to see what was printed. */
const printed: string[] = [];

/** page.pdf in its own context: no JavaScript (the task pack has none), nothing shared with the app's tab. */
const chromiumPrinter = (browser: Browser) => async (html: string): Promise<Uint8Array> => {
  printed.push(html);
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true }));
  } finally {
    await context.close();
  }
};

async function openDiagnose(app: RunningApp): Promise<void> {
  await signIn(app.page);
  await app.page.getByTestId('nav-diagnose').click();
  await app.page.getByTestId('page-heading').waitFor();
}

describe('the checklist as PDF where the host can print', () => {
  let app: RunningApp;
  let downloads = '';

  beforeAll(async () => {
    app = await startApp({ printToPdf: chromiumPrinter });
    downloads = await mkdtemp(join(tmpdir(), 'exopen-e2e-pdf-'));
  });
  afterAll(async () => {
    await app?.stop();
    if (downloads) await rm(downloads, { recursive: true, force: true });
  });

  it('diagnoses a Netvisor credential and downloads its checklist as a real PDF', async () => {
    const { page } = app;
    await openDiagnose(app);
    const blocked = scenario(app, 'two-blocked');
    await page.getByTestId('diagnose-system').selectOption('netvisor');
    await page.getByTestId('field-companyName').fill(blocked.fields.companyName ?? 'Neliöjuuri Oy');
    await page.getByTestId('field-businessId').fill(blocked.fields.businessId!);
    await page.getByTestId('field-customerId').fill(blocked.fields.customerId!);
    await page.getByTestId('field-customerKey').fill(blocked.secrets.customerKey!);
    await page.getByTestId('field-environment').selectOption('sandbox');
    await page.getByTestId('diagnose-run').click();
    expect(await waitForStatus(page, 'diagnose-overall', ['passed', 'warning', 'failed'], 60_000)).not.toBe('passed');

    const button = page.getByTestId('diagnose-taskpack-pdf');
    expect(await button.innerText()).toBe('Download checklist (PDF)');
    await checkPage(page, 'taskpack-pdf', {});
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('exopen-connect-netvisor-checklist.pdf');
    const path = join(downloads, download.suggestedFilename());
    await download.saveAs(path);

    const pdf = await readFile(path);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5 * 1024);
    // What was printed is the checklist of this run: its blocked rows, and never the customer key.
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain('accountingledger.nv');
    expect(printed[0]).not.toContain(blocked.secrets.customerKey!);
    // The button is usable again once the PDF is out.
    await expect.poll(() => button.isEnabled()).toBe(true);
  });
});

describe('the checklist where the host cannot print', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('offers the HTML checklist only', async () => {
    const { page } = app;
    await openDiagnose(app);
    await page.getByTestId('diagnose-system').selectOption('netvisor');
    await page.getByTestId('diagnose-taskpack').waitFor();
    expect(await page.getByTestId('diagnose-taskpack-pdf').count()).toBe(0);
  });
});
