/**
 * A fresh renderer store per test, over a fake bridge. The store finds its bridge the way it does under
 * Electron: `window.exopen` (renderer/src/bridge.ts), so production code needs no test seam. Modules are
 * re-imported per test because the store keeps module-level state (stale-answer tickets, the autosave
 * timer, event subscriptions made once) that must not leak from one test into the next.
 */
import { afterEach, vi } from 'vitest';
import type { AppActions, AppState, WizardState } from '../../../../renderer/src/store';
import type { StepOf } from '../../../../renderer/src/store/types';
import type { WizardStep } from '../../../../preload/contract';
import { createFakeBridge, type FakeBridge } from './fakeBridge';

export interface Harness {
  readonly fake: FakeBridge;
  readonly state: AppState;
  readonly actions: AppActions;
  readonly wizard: WizardState;
  /** The wizard, asserting it is on `step`. */
  on<S extends WizardStep>(step: S): StepOf<S>;
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

export async function createHarness(setup?: (fake: FakeBridge) => void): Promise<Harness> {
  const fake = createFakeBridge();
  setup?.(fake);
  vi.resetModules();
  vi.stubGlobal('window', { exopen: fake.bridge } satisfies Pick<Window, 'exopen'>);
  const { useAppStore } = await import('../../../../renderer/src/store');
  return {
    fake,
    get state() {
      return useAppStore.getState();
    },
    get actions() {
      return useAppStore.getState().actions;
    },
    get wizard() {
      return useAppStore.getState().wizard;
    },
    on<S extends WizardStep>(step: S): StepOf<S> {
      const wizard = useAppStore.getState().wizard;
      if (wizard.step !== step) throw new Error(`expected the wizard on ${step}, it is on ${wizard.step}`);
      return wizard as StepOf<S>;
    },
  };
}

/** Lets every answer already given (and what it starts) settle. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

/** An answer the test gives when it chooses to. */
export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export const signedIn = { signedIn: true, user: { name: 'Ada', email: 'ada@example.com' }, expiresAt: '2099-01-01T00:00:00.000Z' } as const;

/** Boots the app (app.info, systems, no draft) and returns on "Choose system". */
export async function booted(setup?: (fake: FakeBridge) => void): Promise<Harness> {
  const h = await createHarness(setup);
  await h.actions.load();
  await flush();
  return h;
}

/**
 * Walks the wizard through the real actions to `step` for the one-company system (netvisor), with the
 * fake's default answers unless the test replaced them. Past Review it needs a session (auth.status signed
 * in) so that the domains load and one can be chosen.
 */
export async function walkTo(h: Harness, step: Exclude<WizardStep, 'system'>): Promise<void> {
  h.actions.selectSystem('netvisor');
  await h.actions.confirmSystem();
  await flush();
  if (step === 'prepare') return;
  h.actions.continueFromPrepare();
  await flush();
  if (step === 'credentials') return;
  h.actions.editField('customerId', '1234567-8');
  h.actions.typeSecret('apiKey', 's3cret');
  // Not awaited: a test may hold the checks.run answer back.
  void h.actions.startTest();
  await flush();
  if (step === 'test') return;
  h.actions.continueFromTest();
  await flush();
  if (step === 'companies') return;
  h.actions.continueFromCompanies();
  await flush();
  if (step === 'review') return;
  h.actions.chooseDomain('dom-1');
  await flush();
  await h.actions.submitHandoff();
  await flush();
}
