/**
 * Renderer failures in the browser, against the production renderer build: nothing in the app can be told to
 * crash, so the test breaks an answer on the wire instead (`app.info` without its secret backend, which the
 * header notice reads while rendering). The crash shows the fallback, takes focus, is written once to main's
 * log, and Try again / Start over lead back by keyboard and by mouse. Errors outside rendering (a throwing
 * timer, a lost promise) reach the log too, with a secret typed but not yet stored blanked by the renderer.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import app from '../../resources/locales/en/app.json';
import { filesContaining } from './support/canary';
import { SCREENSHOT_DIR, startApp, type RunningApp } from './support/app';

const APP_INFO = '**/api/invoke/app.info';

/** The renderer lines of main's log. */
async function rendererLines(dataDir: string): Promise<Array<Record<string, unknown>>> {
  const text = await readFile(join(dataDir, 'logs', 'exopen-connect.log'), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.scope === 'renderer');
}

/** Serves app.info with `secretBackend: null` from now on, and reloads: rendering crashes at once. */
async function crashOnReload(page: Page): Promise<void> {
  await page.route(APP_INFO, async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ok: boolean; value: Record<string, unknown> };
    await route.fulfill({ response, json: { ...body, value: { ...body.value, secretBackend: null } } });
  });
  await page.reload();
  await page.getByTestId('crash-fallback').waitFor();
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('data-testid') || '');

describe('renderer failures', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(async () => {
    await running?.stop();
  });

  it('a render crash shows a focused, accessible fallback, reaches the log once, and Try again leads back', async () => {
    const { page, dataDir } = running;
    await page.getByTestId('system-netvisor').click();
    await page.getByTestId('next').click();
    await expect.poll(() => page.getByTestId('step-heading').innerText()).toMatch(/^Before you start with/);

    await crashOnReload(page);
    expect(await page.getByTestId('crash-fallback').innerText()).toContain(app.crash.title);
    expect(await focusedId(page)).toBe('crash-heading');
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'crash-fallback.png'), fullPage: true });

    await expect.poll(() => rendererLines(dataDir), { timeout: 10_000 }).toHaveLength(1);
    const [line] = await rendererLines(dataDir);
    expect(line).toMatchObject({ level: 'error', message: 'renderer failure', source: 'boundary', view: 'wizard', step: 'prepare', error: { name: 'TypeError' } });
    expect(String((line!.error as { message: string }).message)).toMatch(/null/);
    // The production build is minified: the component stack has frames, not component names.
    expect(String(line!.componentStack)).toMatch(/\n\s+at /);
    expect(String((line!.error as { stack: string }).stack)).toMatch(/TypeError/);

    // The bug is "fixed"; Try again from the keyboard mounts the app again, where it was.
    await page.unroute(APP_INFO);
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('crash-retry');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('step-heading').innerText()).toMatch(/^Before you start with/);
    expect(await page.getByTestId('crash-fallback').count()).toBe(0);
    expect(await rendererLines(dataDir)).toHaveLength(1);
  });

  it('Start over returns to the first step and keeps the draft', async () => {
    const { page, runtime } = running;
    await crashOnReload(page);
    await page.unroute(APP_INFO);
    await page.getByTestId('crash-start-over').click();
    await expect.poll(() => page.getByTestId('step-heading').innerText()).toBe(app.system.title);
    expect((await runtime.handlers['drafts.current']({}))?.step).toBe('system');
    await page.getByTestId('resume-notice').waitFor();
  });

  it('errors outside rendering reach the log, a secret typed but not stored blanked', async () => {
    const { page, dataDir } = running;
    const typed = `typed-not-stored-${Date.now()}-Qx7`;
    await page.getByTestId('next').click();
    await expect.poll(() => page.getByTestId('step-heading').innerText()).toMatch(/^Before you start with/);
    await page.getByTestId('next').click();
    await page.getByTestId('field-customerKey').fill(typed);
    const before = (await rendererLines(dataDir)).length;

    await page.evaluate((secret) => {
      setTimeout(() => {
        throw new Error(`a click handler failed near ${secret}`);
      }, 0);
      void Promise.reject(new Error('a promise nobody awaited'));
    }, typed);

    await expect.poll(async () => (await rendererLines(dataDir)).length, { timeout: 10_000 }).toBe(before + 2);
    const added = (await rendererLines(dataDir)).slice(before);
    expect(added.map((line) => line.source).sort()).toEqual(['rejection', 'window']);
    const windowLine = added.find((line) => line.source === 'window')!;
    expect(windowLine).toMatchObject({ step: 'credentials', error: { message: 'a click handler failed near [REDACTED]' } });
    expect(await page.getByTestId('crash-fallback').count()).toBe(0);
    expect(await filesContaining(dataDir, [typed])).toEqual([]);
  });
});
