/**
 * The app's error boundary without a DOM (none is installed): its lifecycle methods driven directly, and its
 * fallback rendered to markup with React's server renderer and the real locale files. The browser half
 * (a real crash, focus, the keyboard, the log file) is tests/e2e/crash.test.ts.
 */
import { createElement, type ErrorInfo } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { AppErrorBoundary, CrashFallback, type RecoverMode } from '../../../renderer/src/components/AppErrorBoundary';
import { initI18n } from '../../../renderer/src/i18n';
import app from '../../../resources/locales/en/app.json';

beforeAll(async () => {
  await initI18n();
});

/** A boundary instance whose setState applies at once (there is no renderer to schedule it). */
function boundary(props: Partial<ConstructorParameters<typeof AppErrorBoundary>[0]> = {}) {
  const report = vi.fn();
  const recover = vi.fn(async (_mode: RecoverMode) => undefined);
  const instance = new AppErrorBoundary({ report, recover, children: createElement('p', null, 'the app'), ...props });
  instance.setState = ((update: object) => {
    instance.state = { ...instance.state, ...update };
  }) as typeof instance.setState;
  return { instance, report, recover };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('AppErrorBoundary', () => {
  it('renders its children until something below it throws', () => {
    const { instance } = boundary();
    expect(renderToStaticMarkup(createElement('div', null, instance.render()))).toBe('<div><p>the app</p></div>');
  });

  it('switches to the fallback on a render error', () => {
    expect(AppErrorBoundary.getDerivedStateFromError()).toEqual({ failed: true, busy: false });
  });

  it('reports the crash once, as source "boundary", with the component stack', () => {
    const { instance, report } = boundary();
    const error = new TypeError("Cannot read properties of null (reading 'kind')");
    const info: ErrorInfo = { componentStack: '\n    at SecretBackendNotice\n    at App' };
    instance.componentDidCatch(error, info);
    expect(report).toHaveBeenCalledTimes(1);
    expect(report).toHaveBeenCalledWith('boundary', error, info.componentStack);
  });

  it('shows the fallback: what happened, what is kept, Try again and Start over', () => {
    const { instance } = boundary();
    instance.state = AppErrorBoundary.getDerivedStateFromError();
    const html = renderToStaticMarkup(createElement('div', null, instance.render()));
    expect(html).not.toContain('the app');
    expect(html).toContain('role="alert"');
    expect(html).toContain('data-testid="crash-fallback"');
    expect(html).toMatch(/<h1[^>]*id="crash-heading"[^>]*tabindex="-1"|<h1[^>]*tabindex="-1"[^>]*id="crash-heading"/);
    for (const text of [app.crash.title, app.crash.body, app.crash.retry, app.crash.startOver, app.crash.retryHint, app.crash.startOverHint]) {
      expect(html).toContain(text.replace(/'/g, '&#x27;'));
    }
    expect(html).toMatch(/<button[^>]*data-testid="crash-retry"/);
    expect(html).toMatch(/<button[^>]*data-testid="crash-start-over"/);
  });

  it.each(['retry', 'startOver'] as const)('%s readies the store, then mounts the app again', async (mode) => {
    const { instance, recover } = boundary();
    instance.state = AppErrorBoundary.getDerivedStateFromError();
    instance.recover(mode);
    expect(instance.state).toEqual({ failed: true, busy: true });
    instance.recover(mode); // a second press while busy does nothing
    await settle();
    expect(recover).toHaveBeenCalledTimes(1);
    expect(recover).toHaveBeenCalledWith(mode);
    expect(instance.state).toEqual({ failed: false, busy: false });
    expect(renderToStaticMarkup(createElement('div', null, instance.render()))).toBe('<div><p>the app</p></div>');
  });

  it('mounts the app again even when getting ready failed, and reports that failure', async () => {
    const failure = new Error('store broken');
    const { instance, report } = boundary({ recover: vi.fn(async () => Promise.reject(failure)) });
    instance.state = AppErrorBoundary.getDerivedStateFromError();
    instance.recover('retry');
    await settle();
    expect(instance.state).toEqual({ failed: false, busy: false });
    expect(report).toHaveBeenCalledWith('boundary', failure);
  });

  it('disables both buttons while getting ready', () => {
    const html = renderToStaticMarkup(createElement(CrashFallback, { busy: true, onRecover: () => undefined }));
    expect(html.match(/<button[^>]*disabled=""/g)).toHaveLength(2);
  });
});
