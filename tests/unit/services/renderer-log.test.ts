/**
 * `app.logError`, as every host runs it: the contract's strict schema (through dispatchCall), then the handler
 * writing to the real log file through the platform logger's redactor, at most a few reports per minute.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configureLogging, createLogger, type LogSink } from '../../../main/platform/log';
import { registerSecret, REDACTED } from '../../../main/platform/redact';
import { dispatchCall } from '../../../main/services/dispatch';
import { createRendererLog, RENDERER_REPORT_LIMIT, RENDERER_REPORT_WINDOW_MS, type RendererLog } from '../../../main/services/renderer-log';
import { contract, type Handlers } from '../../../preload/contract';
import { ERROR_REPORT_LIMITS } from '../../../preload/error-report';
import { canary, countFiles, findLeaks, tempDir } from '../platform/support/canary';
import { asHandlers, recordingLog, spyHandlers } from '../electron/handlers-fixture';

let sink: LogSink | undefined;
let dataDir: string;

beforeEach(async () => {
  dataDir = await tempDir();
  sink = configureLogging({ dataDir, level: 'info' });
});

afterEach(() => {
  sink?.close();
  sink = undefined;
  vi.useRealTimers();
});

const lines = (): Array<Record<string, unknown>> =>
  readFileSync(sink!.file, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
const failures = () => lines().filter((line) => line.scope === 'renderer' && line.message === 'renderer failure');

/** Every call's handlers, with the real app.logError in place of its spy. */
function handlersWith(rendererLog: RendererLog): Handlers {
  return { ...asHandlers(spyHandlers()), ...rendererLog.handlers };
}

const dispatchLog = createLogger('dispatch');
const logError = (handlers: Handlers, payload: unknown) => dispatchCall(handlers, 'app.logError', payload, dispatchLog);

describe('app.logError', () => {
  it('writes one redacted line per report: no registered secret in message, stack or component stack', async () => {
    const secret = canary('renderer-key');
    registerSecret(secret);
    const handlers = handlersWith(createRendererLog());
    const envelope = await logError(handlers, {
      source: 'boundary',
      name: 'TypeError',
      message: `Cannot read properties of undefined (reading '${secret}')`,
      stack: `TypeError: x\n    at render (app://exopen/assets/index.js:1:2)?key=${encodeURIComponent(secret)}\n    at ${JSON.stringify({ apiKey: secret })}`,
      componentStack: `\n    at SecretField (${Buffer.from(secret).toString('base64')})\n    at App`,
      view: 'wizard',
      step: 'credentials',
    });

    expect(envelope).toEqual({ ok: true, value: { logged: true } });
    expect(JSON.stringify(envelope)).not.toContain(secret);
    expect(await countFiles(dataDir)).toBeGreaterThan(0);
    expect(await findLeaks(dataDir, secret)).toEqual([]);
    const [line] = failures();
    expect(line).toMatchObject({
      level: 'error',
      source: 'boundary',
      view: 'wizard',
      step: 'credentials',
      error: { name: 'TypeError', message: `Cannot read properties of undefined (reading '${REDACTED}')` },
    });
    expect(String((line!.error as { stack: string }).stack)).toContain(REDACTED);
    expect(String(line!.componentStack)).toContain('at SecretField');
    expect(String(line!.componentStack)).toContain(REDACTED);
  });

  it('also scrubs credentials it was never told about (bearer tokens, JWTs, URL passwords)', async () => {
    const handlers = handlersWith(createRendererLog());
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJlLXRoYXQtaXMtbG9uZw';
    await logError(handlers, {
      source: 'rejection',
      message: `request failed: Authorization: Bearer ${'Zm9vYmFyYmF6cXV4'.repeat(2)} https://user:hunter2hunter2@api.example/`,
      stack: `at token ${jwt}`,
    });
    const text = readFileSync(sink!.file, 'utf8');
    expect(text).not.toContain('Zm9vYmFyYmF6cXV4');
    expect(text).not.toContain('hunter2hunter2');
    expect(text).not.toContain(jwt);
    expect(failures()).toHaveLength(1);
  });

  it(`writes at most ${RENDERER_REPORT_LIMIT} reports a minute and counts the rest in one line`, async () => {
    vi.useFakeTimers({ now: new Date('2025-01-01T00:00:00Z') });
    const rendererLog = createRendererLog();
    const handlers = handlersWith(rendererLog);
    const answers: unknown[] = [];
    for (let i = 0; i < RENDERER_REPORT_LIMIT + 25; i++) {
      const envelope = await logError(handlers, { source: 'uncaught', message: `render loop ${i}` });
      answers.push(envelope.ok ? envelope.value : envelope.error);
    }
    expect(answers.filter((answer) => (answer as { logged?: boolean }).logged === true)).toHaveLength(RENDERER_REPORT_LIMIT);
    expect(answers.filter((answer) => (answer as { logged?: boolean }).logged === false)).toHaveLength(25);
    expect(failures()).toHaveLength(RENDERER_REPORT_LIMIT);
    expect(lines().filter((line) => line.message === 'renderer error reports dropped over the limit')).toEqual([]);

    // The window ends: the drops are counted once, without waiting for another report.
    vi.advanceTimersByTime(RENDERER_REPORT_WINDOW_MS);
    const counted = lines().filter((line) => line.message === 'renderer error reports dropped over the limit');
    expect(counted).toEqual([expect.objectContaining({ level: 'warn', scope: 'renderer', dropped: 25, limit: RENDERER_REPORT_LIMIT, windowSeconds: 60 })]);

    // A new window writes again.
    expect(await logError(handlers, { source: 'window', message: 'after the window' })).toEqual({ ok: true, value: { logged: true } });
    expect(failures()).toHaveLength(RENDERER_REPORT_LIMIT + 1);
    rendererLog.flush();
    expect(lines().filter((line) => line.message === 'renderer error reports dropped over the limit')).toHaveLength(1);
  });

  it('counts the drops when the next report opens a new window, and on flush (the runtime closing)', async () => {
    let clock = 0;
    const rendererLog = createRendererLog({ limit: 2, windowMs: 1000, now: () => clock });
    const handlers = handlersWith(rendererLog);
    for (let i = 0; i < 5; i++) await logError(handlers, { source: 'caught', message: `m${i}` });
    clock = 1000;
    await logError(handlers, { source: 'caught', message: 'next window' });
    await logError(handlers, { source: 'caught', message: 'next window 2' });
    await logError(handlers, { source: 'caught', message: 'over again' });
    rendererLog.flush();
    const dropped = lines().filter((line) => line.message === 'renderer error reports dropped over the limit').map((line) => line.dropped);
    expect(dropped).toEqual([3, 1]);
    expect(failures().map((line) => (line.error as { message: string }).message)).toEqual(['m0', 'm1', 'next window', 'next window 2']);
  });

  describe('the schema', () => {
    const schema = contract.invoke['app.logError'].input;
    const valid = { source: 'boundary', message: 'x' } as const;
    const over = (key: keyof typeof ERROR_REPORT_LIMITS) => 'y'.repeat(ERROR_REPORT_LIMITS[key] + 1);

    it('accepts every text at its bound', () => {
      const atBound = {
        source: 'recoverable',
        name: 'n'.repeat(ERROR_REPORT_LIMITS.name),
        message: 'm'.repeat(ERROR_REPORT_LIMITS.message),
        stack: 's'.repeat(ERROR_REPORT_LIMITS.stack),
        componentStack: 'c'.repeat(ERROR_REPORT_LIMITS.componentStack),
      };
      expect(schema.safeParse(atBound).success).toBe(true);
    });

    it.each([
      ['an oversize message', { ...valid, message: over('message') }],
      ['an oversize stack', { ...valid, stack: over('stack') }],
      ['an oversize component stack', { ...valid, componentStack: over('componentStack') }],
      ['an oversize name', { ...valid, name: over('name') }],
      ['an empty message', { ...valid, message: '' }],
      ['an unknown source', { ...valid, source: 'console' }],
      ['an unknown key (strict)', { ...valid, extra: 'rides along' }],
      ['an unknown view', { ...valid, view: 'settings' }],
      ['no source', { message: 'x' }],
    ])('refuses %s without calling the handler or logging the value', async (_label, payload) => {
      const handler = vi.fn(async () => ({ logged: true }));
      const log = recordingLog();
      const handlers = { ...asHandlers(spyHandlers()), 'app.logError': handler } as Handlers;
      const envelope = await dispatchCall(handlers, 'app.logError', payload, log);
      expect(envelope).toMatchObject({ ok: false, error: { code: 'E_BAD_INPUT' } });
      expect(handler).not.toHaveBeenCalled();
      expect(JSON.stringify(log.entries)).not.toContain('yyyyyyyyyy');
      expect(JSON.stringify(envelope)).not.toContain('yyyyyyyyyy');
      expect(failures()).toEqual([]);
    });
  });
});
