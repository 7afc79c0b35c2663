/** Steps of the Netvisor wizard as a person does them, with a screenshot and an axe scan of each step. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { join } from 'node:path';
import { SCREENSHOT_DIR } from './app';

export interface StepOptions {
  /** Screenshot file name prefix; undefined = no screenshots. */
  readonly shots?: string;
}

export async function checkStep(page: Page, name: string, options: StepOptions): Promise<void> {
  await page.getByTestId('step-heading').waitFor();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`), `axe on ${name}`).toEqual([]);
  if (options.shots) await page.screenshot({ path: join(SCREENSHOT_DIR, `${options.shots}-${name}.png`), fullPage: true });
}

export async function chooseNetvisor(page: Page, options: StepOptions): Promise<void> {
  await checkStep(page, '1-choose-system', options);
  await page.getByTestId('system-netvisor').click();
  await page.getByTestId('next').click();
  await checkStep(page, '2-before-you-start', options);
  await page.getByTestId('next').click();
}

export async function fillCredentials(
  page: Page,
  values: { companyName: string; businessId: string; customerId: string; customerKey: string },
  options: StepOptions,
): Promise<void> {
  await page.getByTestId('field-companyName').fill(values.companyName);
  await page.getByTestId('field-businessId').fill(values.businessId);
  await page.getByTestId('field-customerId').fill(values.customerId);
  await page.getByTestId('field-customerKey').fill(values.customerKey);
  await page.getByTestId('field-customerKey').blur();
  await checkStep(page, '3-credentials', options);
  await expect.poll(() => page.getByTestId('test-run').isEnabled(), { timeout: 10_000 }).toBe(true);
  await page.getByTestId('test-run').click();
}

export async function statusOf(page: Page, testId: string): Promise<string | null> {
  return page.getByTestId(testId).getAttribute('data-status');
}

export async function waitForStatus(page: Page, testId: string, wanted: ReadonlyArray<string>, timeout = 30_000): Promise<string> {
  await expect.poll(() => statusOf(page, testId), { timeout }).toSatisfy((status: string | null) => status !== null && wanted.includes(status));
  return (await statusOf(page, testId))!;
}
