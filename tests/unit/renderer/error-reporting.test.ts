/**
 * The renderer's one reporting function (renderer/src/store/errorReport.ts) and its wiring in the store: what
 * a report carries, that it fits the contract's schema whatever was thrown, that secrets the renderer still
 * holds are blanked before anything leaves, and that reporting never throws — whatever the bridge does.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contract, type Bridge, type ErrorReport } from '../../../preload/contract';
import { ERROR_REPORT_LIMITS } from '../../../preload/error-report';
import {
  createErrorReporter,
  listenForWindowErrors,
  REDACTED,
  rootErrorOptions,
  scrubSecrets,
  toErrorReport,
} from '../../../renderer/src/store/errorReport';

const schema = contract.invoke['app.logError'].input;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function recorder() {
  const sent: ErrorReport[] = [];
  const send = vi.fn(async (report: ErrorReport) => {
    sent.push(report);
    return { logged: true };
  });
  return { sent, send };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('toErrorReport', () => {
  it('carries name, message, stack, component stack and where the renderer was', () => {
    const error = new TypeError("Cannot read properties of null (reading 'kind')");
    const report = toErrorReport('boundary', error, '\n    at SecretBackendNotice\n    at App', { view: 'wizard', step: 'prepare' }, []);
    expect(report).toEqual({
      source: 'boundary',
      name: 'TypeError',
      message: "Cannot read properties of null (reading 'kind')",
      stack: error.stack,
      componentStack: '\n    at SecretBackendNotice\n    at App',
      view: 'wizard',
      step: 'prepare',
    });
    expect(schema.safeParse(report).success).toBe(true);
  });

  it.each([
    ['a string', 'plain string thrown'],
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['an object without message', { code: 7 }],
    ['an Error with an empty message', new Error('')],
    ['an object whose getters throw', Object.defineProperty({}, 'message', { get: () => { throw new Error('getter'); } })],
    ['an object that cannot become a string', { toString: () => { throw new Error('no'); }, [Symbol.toPrimitive]: () => { throw new Error('no'); } }],
  ])('turns %s into a report the schema accepts', (_label, thrown) => {
    const report = toErrorReport('window', thrown, undefined, {}, []);
    expect(schema.safeParse(report).success).toBe(true);
    expect(report.message.length).toBeGreaterThan(0);
  });

  it('clips every text to the contract bounds instead of having the report refused', () => {
    const huge = 'z'.repeat(1_000_000);
    const error = Object.assign(new Error(huge), { name: huge, stack: huge });
    const report = toErrorReport('uncaught', error, huge, {}, []);
    expect(report.message).toHaveLength(ERROR_REPORT_LIMITS.message);
    expect(report.name).toHaveLength(ERROR_REPORT_LIMITS.name);
    expect(report.stack).toHaveLength(ERROR_REPORT_LIMITS.stack);
    expect(report.componentStack).toHaveLength(ERROR_REPORT_LIMITS.componentStack);
    expect(schema.safeParse(report).success).toBe(true);
  });

  it('blanks secrets typed in the renderer and not yet sent, raw, URL- and JSON-encoded', () => {
    const secret = 'typed-key "x"/ä+1';
    const error = new Error(`failed for ${secret} and ${encodeURIComponent(secret)}`);
    error.stack = `Error: at ${JSON.stringify({ value: secret })}`;
    const report = toErrorReport('boundary', error, `at Field(${secret})`, {}, [secret, 'short']);
    const text = JSON.stringify(report);
    expect(text).not.toContain('typed-key');
    expect(report.message).toBe(`failed for ${REDACTED} and ${REDACTED}`);
    expect(report.componentStack).toBe(`at Field(${REDACTED})`);
    // Values too short to tell from ordinary words are left alone, as main's redactor does.
    expect(scrubSecrets('a short word', ['short'])).toBe('a short word');
  });
});

describe('createErrorReporter', () => {
  it('sends one report per failure, once per thrown object', async () => {
    const { sent, send } = recorder();
    const report = createErrorReporter({ send, context: () => ({ view: 'diagnose', step: 'system' }) });
    const error = new Error('boom');
    report('caught', error, 'at X');
    report('boundary', error, 'at X');
    report('rejection', 'a string reason');
    report('rejection', 'a string reason');
    await flush();
    expect(sent.map((item) => [item.source, item.message])).toEqual([
      ['caught', 'boom'],
      ['rejection', 'a string reason'],
      ['rejection', 'a string reason'],
    ]);
    expect(sent[0]).toMatchObject({ view: 'diagnose', step: 'system', componentStack: 'at X' });
  });

  it('never throws: not when sending throws, rejects, or the state it reads is broken', async () => {
    const throwing = createErrorReporter({
      send: () => {
        throw new Error('bridge gone');
      },
    });
    const rejecting = createErrorReporter({ send: () => Promise.reject(new Error('E_TRANSPORT')) });
    const { sent, send } = recorder();
    const brokenState = createErrorReporter({
      send,
      context: () => {
        throw new Error('state broken');
      },
      secrets: () => {
        throw new Error('state broken');
      },
    });
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      expect(() => throwing('window', new Error('a'))).not.toThrow();
      expect(() => rejecting('window', new Error('b'))).not.toThrow();
      expect(() => brokenState('window', new Error('c'))).not.toThrow();
      await flush();
      await flush();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
    expect(unhandled).not.toHaveBeenCalled();
    expect(sent).toEqual([expect.objectContaining({ source: 'window', message: 'c' })]);
  });
});

describe('listenForWindowErrors', () => {
  it("reports the window's error and unhandledrejection events, until removed", async () => {
    const { sent, send } = recorder();
    const target = new EventTarget();
    const remove = listenForWindowErrors(target, createErrorReporter({ send }));
    target.dispatchEvent(Object.assign(new Event('error'), { error: new RangeError('from a click handler') }));
    target.dispatchEvent(Object.assign(new Event('error'), { error: null, message: 'Script error.' }));
    target.dispatchEvent(Object.assign(new Event('unhandledrejection'), { reason: new Error('a lost promise') }));
    target.dispatchEvent(new Event('unhandledrejection'));
    remove();
    target.dispatchEvent(Object.assign(new Event('error'), { error: new Error('after removal') }));
    await flush();
    expect(sent.map((item) => [item.source, item.name, item.message])).toEqual([
      ['window', 'RangeError', 'from a click handler'],
      ['window', undefined, 'Script error.'],
      ['rejection', 'Error', 'a lost promise'],
      ['rejection', undefined, 'promise rejected without a reason'],
    ]);
  });
});

describe('rootErrorOptions (createRoot)', () => {
  it('reports uncaught, caught and recoverable errors with their component stacks, leaving its own to a boundary that reports itself', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const report = vi.fn();
    const ownBoundary = { reportsItself: true };
    const options = rootErrorOptions(report, (boundary) => boundary === ownBoundary);
    const uncaught = new Error('uncaught');
    const caught = new Error('caught elsewhere');
    const recoverable = new Error('hydration mismatch');
    options.onUncaughtError(uncaught, { componentStack: 'at A' });
    options.onCaughtError(caught, { componentStack: 'at B', errorBoundary: {} });
    options.onCaughtError(new Error('the app boundary reports this one'), { componentStack: 'at C', errorBoundary: ownBoundary });
    options.onRecoverableError(recoverable, { componentStack: 'at D' });
    expect(report.mock.calls).toEqual([
      ['uncaught', uncaught, 'at A'],
      ['caught', caught, 'at B'],
      ['recoverable', recoverable, 'at D'],
    ]);
    expect(console.error).toHaveBeenCalledTimes(4);
  });
});

describe('the store wiring (reportError, recoverFromCrash)', () => {
  /** The store over a fake Electron bridge: window.exopen is what renderer/src/bridge.ts picks up. */
  async function storeWithBridge() {
    const logError = vi.fn(async (_report: ErrorReport) => ({ logged: true }));
    const save = vi.fn(async (input: { id: string; step: string }) => ({ draft: { id: input.id }, errors: [] }));
    const cancel = vi.fn(async () => ({ cancelled: true }));
    const fake = { app: { logError }, drafts: { save }, checks: { cancel }, on: () => () => undefined } as unknown as Bridge;
    vi.stubGlobal('window', { exopen: fake });
    vi.resetModules();
    const { useAppStore } = await import('../../../renderer/src/store');
    return { useAppStore, logError, save, cancel };
  }

  const session = {
    draftId: 'draft-0001',
    descriptor: { id: 'netvisor' },
    fields: { customerId: 'abc' },
    fieldErrors: [],
    secretsStored: {},
    ticked: [],
    report: null,
    selectedCompanies: [],
    dataSourceId: null,
    domainId: null,
    recreateOf: null,
  };

  it('reports through bridge.app.logError with the view and step, blanking a secret typed but not stored', async () => {
    const { useAppStore, logError } = await storeWithBridge();
    const typed = 'netvisor-customer-key-typed';
    useAppStore.setState({
      view: 'wizard',
      wizard: { step: 'credentials', busy: false, error: null, session, typedSecrets: { customerKey: typed }, touched: [], showAllErrors: false, externalErrors: [], focusField: null },
    } as never);
    useAppStore.getState().actions.reportError('boundary', new Error(`render failed near ${typed}`), 'at CredentialsStep');
    await flush();
    expect(logError).toHaveBeenCalledTimes(1);
    expect(logError.mock.calls[0]![0]).toMatchObject({ source: 'boundary', message: `render failed near ${REDACTED}`, view: 'wizard', step: 'credentials', componentStack: 'at CredentialsStep' });
    expect(JSON.stringify(logError.mock.calls)).not.toContain(typed);
  });

  it('a failing logError answer is swallowed', async () => {
    const { useAppStore, logError } = await storeWithBridge();
    logError.mockRejectedValueOnce(Object.assign(new Error('x'), { code: 'E_BAD_INPUT' }));
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      expect(() => useAppStore.getState().actions.reportError('window', new Error('first'))).not.toThrow();
      await flush();
      await flush();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
    expect(unhandled).not.toHaveBeenCalled();
  });

  it('Start over returns to the first step, keeps and saves the draft there, and lets the app load afresh', async () => {
    const { useAppStore, save } = await storeWithBridge();
    useAppStore.setState({
      view: 'diagnose',
      boot: { phase: 'ready', appInfo: {}, systems: [] },
      toast: 'copied',
      wizard: { step: 'prepare', busy: false, error: null, session },
    } as never);
    await useAppStore.getState().actions.recoverFromCrash('startOver');
    const state = useAppStore.getState();
    expect(state.view).toBe('wizard');
    expect(state.wizard).toMatchObject({ step: 'system', selected: 'netvisor', session: { draftId: 'draft-0001' } });
    expect(state.boot).toEqual({ phase: 'loading' });
    expect(state.toast).toBeNull();
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ id: 'draft-0001', step: 'system', fields: { customerId: 'abc' } }));
  });

  it('Try again keeps the page and step, saves what was typed, cancels a running check and lets the app load afresh', async () => {
    const { useAppStore, save, cancel } = await storeWithBridge();
    const operationId = '3b241101-e2bb-4255-8caf-4136c566a962';
    useAppStore.setState({
      view: 'wizard',
      boot: { phase: 'ready', appInfo: {}, systems: [] },
      wizard: { step: 'test', busy: false, error: null, session, run: { operationId, running: true, cancelling: false, cancelled: false, checks: {} }, deferred: null },
    } as never);
    await useAppStore.getState().actions.recoverFromCrash('retry');
    expect(useAppStore.getState()).toMatchObject({ view: 'wizard', wizard: { step: 'test' }, boot: { phase: 'loading' } });
    expect(cancel).toHaveBeenCalledWith({ operationId });
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ step: 'test' }));
  });

  it('still readies the app when the draft cannot be saved, or the crashed state is malformed', async () => {
    const { useAppStore, save } = await storeWithBridge();
    save.mockRejectedValueOnce(new Error('E_TRANSPORT'));
    useAppStore.setState({ boot: { phase: 'ready', appInfo: {}, systems: [] }, wizard: { step: 'prepare', busy: false, error: null, session } } as never);
    await expect(useAppStore.getState().actions.recoverFromCrash('retry')).resolves.toBeUndefined();
    expect(save).toHaveBeenCalledTimes(1);
    expect(useAppStore.getState().boot).toEqual({ phase: 'loading' });

    useAppStore.setState({ boot: { phase: 'ready', appInfo: {}, systems: [] }, wizard: { step: 'prepare', busy: false, error: null, session: { ...session, selectedCompanies: null } } } as never);
    await expect(useAppStore.getState().actions.recoverFromCrash('startOver')).resolves.toBeUndefined();
    expect(useAppStore.getState()).toMatchObject({ boot: { phase: 'loading' }, wizard: { step: 'system' } });
  });
});
