/**
 * A half-finished setup survives a restart of the assistant (same data directory, new process state),
 * without its secret ever reaching the draft on disk; and the first steps work from the keyboard alone.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { filesContaining } from './support/canary';
import { startApp, type RunningApp } from './support/app';

const CANARY_KEY = 'canary-api-key-7Qx9Lm2Vb8';

describe('resuming an unfinished Netvisor setup', () => {
  let app: RunningApp | undefined;
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it('brings back the typed fields after a restart, and the secret is in no file', async () => {
    app = await startApp();
    const { page, dataDir } = app;
    await page.getByTestId('system-netvisor').click();
    await page.getByTestId('next').click();
    await page.getByTestId('next').click();
    await page.getByTestId('field-companyName').fill('Resume Oy');
    await page.getByTestId('field-businessId').fill('1967543-8');
    await page.getByTestId('field-customerId').fill('resume-user');
    await page.getByTestId('field-customerKey').fill(CANARY_KEY);
    await page.getByTestId('field-customerKey').blur();
    await expect
      .poll(async () => (await app!.runtime.handlers['drafts.current']({}))?.fields.customerId, { timeout: 10_000 })
      .toBe('resume-user');
    await app.stop();

    app = await startApp({ dataDir });
    const resumed = app.page;
    await resumed.getByTestId('resume-notice').waitFor();
    await expect.poll(() => resumed.getByTestId('field-businessId').inputValue()).toBe('1967543-8');
    expect(await resumed.getByTestId('field-companyName').inputValue()).toBe('Resume Oy');
    expect(await resumed.getByTestId('field-customerKey').inputValue()).toBe('');
    expect(await resumed.content()).not.toContain(CANARY_KEY);

    const draft = await readFile(join(dataDir, 'drafts', 'current.json'), 'utf8');
    expect(draft).toContain('resume-user');
    expect(await filesContaining(dataDir, [CANARY_KEY])).toEqual([]);
  });

  it('goes from choosing a system to the credentials form with the keyboard only', async () => {
    app = await startApp();
    const { page } = app;
    await page.getByTestId('step-heading').waitFor();
    const focusedTestId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');

    let guard = 0;
    while ((await focusedTestId()) !== 'system-netvisor' && guard++ < 30) await page.keyboard.press('Tab');
    expect(await focusedTestId()).toBe('system-netvisor');
    await page.keyboard.press('Enter');
    guard = 0;
    while ((await focusedTestId()) !== 'next' && guard++ < 30) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('step-heading').innerText()).toMatch(/Before you start/);
    expect(await focusedTestId()).toBe('step-heading');

    guard = 0;
    while ((await focusedTestId()) !== 'next' && guard++ < 40) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('step-heading').innerText()).toMatch(/Credentials/);
  });
});
