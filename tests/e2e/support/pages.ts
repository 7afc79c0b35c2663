/** The Data sources page as a person uses it: an axe scan and a screenshot per state, and its cards. */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { join } from 'node:path';
import { SCREENSHOT_DIR } from './app';
import type { StepOptions } from './wizard';

/** Like checkStep, for the Data sources page (its heading is `page-heading`, not `step-heading`). */
export async function checkPage(page: Page, name: string, options: StepOptions): Promise<void> {
  await page.getByTestId('page-heading').waitFor();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`), `axe on ${name}`).toEqual([]);
  if (options.shots) await page.screenshot({ path: join(SCREENSHOT_DIR, `${options.shots}-${name}.png`), fullPage: true });
}

/** The data source cards on the page (only a card itself carries data-status among the card-* test ids). */
export function cards(page: Page): Locator {
  return page.locator('article[data-testid^="card-"][data-status]');
}

/** The ids of the cards shown, in page order. */
export async function cardIds(page: Page): Promise<string[]> {
  const testIds = await cards(page).evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid') ?? ''));
  return testIds.map((testId) => testId.replace(/^card-/, ''));
}

/** Opens Data sources from the header tab and waits until the list (or its empty state) has loaded. */
export async function openDataSources(page: Page): Promise<void> {
  await page.getByTestId('nav-datasources').click();
  await waitForList(page);
}

/** Waits until the page shows its cards or says there are none. */
export async function waitForList(page: Page): Promise<void> {
  await page.getByTestId('page-heading').waitFor();
  await page.locator('article[data-testid^="card-"][data-status], [data-testid="datasources-empty"]').first().waitFor({ timeout: 30_000 });
}
