/** The Vitec Ekonomi wizard as a person does it, and the Data sources page around its credential cards. */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { SandboxScenario } from '../../../main/sandbox';
import type { RunningApp } from './app';
import { checkStep, waitForStatus, type StepOptions } from './wizard';

export function vitecScenario(app: RunningApp, id: string): SandboxScenario {
  const found = app.sandbox.scenarios.vitec?.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no vitec scenario ${id}`);
  return found;
}

/** Axe on whatever is on screen (a page without a wizard step, or an open dialog): no serious or critical violation. */
export async function checkAxe(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`), `axe on ${name}`).toEqual([]);
}

/** From "Before you start" through a passed (or warned) test, to the Companies step. */
export async function credentialsToCompanies(page: Page, scenario: SandboxScenario, options: StepOptions & { readonly integration: 'passed' | 'warning' }): Promise<void> {
  await checkStep(page, '2-before-you-start', options);
  await page.getByTestId('next').click();
  await page.getByTestId('field-domain').fill(scenario.fields.domain!);
  await page.getByTestId('field-username').fill(scenario.fields.username!);
  await page.getByTestId('field-integrationId').fill(scenario.fields.integrationId!);
  await checkStep(page, '3-credentials', options);
  // The last field completes the form: the test runs and the company list loads by itself (no click).
  await page.getByTestId('field-password').fill(scenario.secrets.password!);
  for (const check of ['domain', 'login', 'companies']) await waitForStatus(page, `check-${check}`, ['passed']);
  await waitForStatus(page, 'check-integration', [options.integration]);
  await checkStep(page, '4-test', options);
  await page.getByTestId('next').click();
  await page.getByTestId('companies-count').waitFor();
}

/** "12 of 40 selected" as numbers. */
export async function companiesCount(page: Page): Promise<{ selected: number; total: number }> {
  const count = page.getByTestId('companies-count');
  return { selected: Number(await count.getAttribute('data-selected')), total: Number(await count.getAttribute('data-total')) };
}

/** Review: pick the demo domain, check the password is masked and nowhere on the page, hand off. */
export async function reviewAndHandOff(page: Page, password: string, options: StepOptions): Promise<void> {
  await page.getByTestId('domain-option-dom-demo').check();
  await checkStep(page, '6-review', options);
  expect(await page.getByTestId('review-item-password').getAttribute('data-masked')).toBe('true');
  expect(await page.content()).not.toContain(password);
  await page.getByTestId('handoff-submit').click();
}

/** The Vitec credential cards on the Data sources page. */
export const vitecCards = (page: Page): Locator => page.getByTestId('datasources-system-vitec').locator('article[data-testid^="card-"]');

/** The card whose title is `displayName` (e.g. demo-partial.vitec.net), and its id. */
export async function cardNamed(page: Page, displayName: string): Promise<{ card: Locator; id: string }> {
  const card = vitecCards(page).filter({ has: page.getByRole('heading', { name: displayName, exact: true }) });
  await card.waitFor();
  const testId = (await card.getAttribute('data-testid')) ?? '';
  return { card, id: testId.replace(/^card-/, '') };
}

export async function cardCompanyCount(page: Page, id: string): Promise<number> {
  return Number(await page.getByTestId(`card-companies-${id}`).getAttribute('data-count'));
}
