import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatchCall, toBridgeError } from '../../../main/services/dispatch';
import { AppError } from '../../../main/platform/errors';
import { contract } from '../../../preload/contract';
import { asHandlers, recordingLog, spyHandlers, type HandlerSpies, type RecordingLog } from './handlers-fixture';

const DRAFT_ID = 'draft-0001';
let handlers: HandlerSpies;
let log: RecordingLog;

beforeEach(() => {
  handlers = spyHandlers();
  log = recordingLog();
});

describe('dispatchCall', () => {
  it('runs a valid call and wraps its result', async () => {
    const envelope = await dispatchCall(asHandlers(handlers), 'drafts.start', { system: 'netvisor' }, log);
    expect(envelope).toEqual({ ok: true, value: { handled: 'drafts.start', input: { system: 'netvisor' } } });
    expect(handlers['drafts.start']).toHaveBeenCalledTimes(1);
  });

  it('treats a missing payload of a no-input call as {}', async () => {
    expect(await dispatchCall(asHandlers(handlers), 'app.info', undefined, log)).toMatchObject({ ok: true });
    expect(handlers['app.info']).toHaveBeenCalledWith({});
  });

  it('refuses malformed input naming every bad field, without calling the handler', async () => {
    const envelope = await dispatchCall(asHandlers(handlers), 'drafts.save', { id: 'x', fields: { ok: 1 }, selectedCompanies: [] }, log);
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('E_BAD_INPUT');
    expect(envelope.error.message).toContain('id:');
    expect(envelope.error.message).toContain('step:');
    expect(envelope.error.message).toContain('fields.ok:');
    expect(handlers['drafts.save']).not.toHaveBeenCalled();
  });

  it('never echoes a rejected value (it may be a secret) in the answer or the log', async () => {
    const secret = `S3cr3t-${'x'.repeat(5000)}`;
    const envelope = await dispatchCall(asHandlers(handlers), 'secrets.put', { draftId: DRAFT_ID, field: 'apiKey', value: secret }, log);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'E_BAD_INPUT' } });
    expect(JSON.stringify(envelope)).not.toContain('S3cr3t');
    expect(JSON.stringify(log.entries)).not.toContain('S3cr3t');
  });

  it.each(['fs.readFile', '__proto__', 'toString', 'constructor', ''])('refuses the unknown call %j', async (name) => {
    expect(await dispatchCall(asHandlers(handlers), name, {}, log)).toMatchObject({ ok: false, error: { code: 'E_UNKNOWN_CALL' } });
  });

  it('maps a typed error to its code, message and field errors', async () => {
    const fieldErrors = [{ field: 'customerId', message: { key: 'netvisor.customerId.format', params: { example: 'ABC' } } }];
    handlers['drafts.current'].mockRejectedValueOnce(new AppError('E_NO_DRAFT', 'Start again.', fieldErrors));
    const envelope = await dispatchCall(asHandlers(handlers), 'drafts.current', {}, log);
    expect(envelope).toEqual({ ok: false, error: { code: 'E_NO_DRAFT', message: 'Start again.', fieldErrors } });
  });

  it('turns an untyped error into E_INTERNAL with a generic message, logging the original', async () => {
    const error = new Error('connect ECONNREFUSED https://api.example/?token=hunter2hunter2');
    handlers['systems.list'].mockRejectedValueOnce(error);
    const envelope = await dispatchCall(asHandlers(handlers), 'systems.list', {}, log);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'E_INTERNAL' } });
    const text = JSON.stringify(envelope);
    expect(text).not.toContain('hunter2');
    expect(text).not.toMatch(/stack|\bat .*:\d+:\d+/);
    expect(log.entries).toContainEqual({ level: 'error', message: 'bridge call failed', fields: { call: 'systems.list', error } });
  });

  it.each([
    ['a Node system error', Object.assign(new Error("ENOENT: no such file, open '/home/a/.config/x'"), { code: 'ENOENT' })],
    ['a thrown string', 'boom'],
    ['a code on a non-error', { code: 'E_NO_DRAFT', message: 'looks typed' }],
    ['null', null],
  ])('never passes %s through as typed', (_label, thrown) => {
    expect(toBridgeError(thrown)).toEqual({ code: 'E_INTERNAL', message: expect.stringContaining('log') });
  });

  it('never returns a stack, for any thrown message', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.boolean(), async (message, typed) => {
        const error = typed ? new AppError('E_NO_DRAFT', message) : new Error(message);
        handlers['app.info'].mockRejectedValueOnce(error);
        const envelope = await dispatchCall(asHandlers(handlers), 'app.info', {}, log);
        expect(envelope.ok).toBe(false);
        expect(JSON.stringify(envelope)).not.toContain(error.stack?.split('\n')[1]?.trim() ?? '\u0000');
      }),
      { numRuns: 200 },
    );
  });

  it('answers any payload on any call with an envelope, and only valid input reaches a handler', async () => {
    const names = Object.keys(contract.invoke) as Array<keyof typeof contract.invoke>;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.anything(), async (name, payload) => {
        handlers[name].mockClear();
        const envelope = await dispatchCall(asHandlers(handlers), name, payload, log);
        expect(typeof envelope.ok).toBe('boolean');
        for (const [input] of handlers[name].mock.calls) expect(contract.invoke[name].input.safeParse(input).success).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
