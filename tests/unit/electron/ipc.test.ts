import { beforeEach, describe, expect, it } from 'vitest';
import { createIpcHandler, forwardEvents, isAppMainFrame, registerHandlers, type SenderFrame } from '../../../main/electron/ipc';
import { createEventHub } from '../../../main/services/events';
import { contract, type EventName } from '../../../preload/contract';
import { electronFake, FakeWebContents } from '../../mocks/electron';
import { APP_FRAME, asHandlers, recordingLog, spyHandlers, type HandlerSpies, type RecordingLog } from './handlers-fixture';

let handlers: HandlerSpies;
let log: RecordingLog;

beforeEach(() => {
  handlers = spyHandlers();
  log = recordingLog();
});

const handlerFor = (name: string) => createIpcHandler(asHandlers(handlers), name, { isTrustedSender: isAppMainFrame, log });

describe('the IPC wrapper', () => {
  it('passes a call from the app main frame to the handler', async () => {
    const envelope = await handlerFor('drafts.start')({ senderFrame: APP_FRAME }, { system: 'netvisor' });
    expect(envelope).toEqual({ ok: true, value: { handled: 'drafts.start', input: { system: 'netvisor' } } });
  });

  it.each<[string, SenderFrame | null]>([
    ['no frame', null],
    ['a subframe of the app', { url: 'app://exopen/index.html', parent: APP_FRAME }],
    ['another origin', { url: 'https://evil.example/index.html', parent: null }],
    ['file://', { url: 'file:///work/main/dist/renderer/index.html', parent: null }],
    ['another app:// host', { url: 'app://exopen.evil/index.html', parent: null }],
    ['credentials in the URL', { url: 'app://user:pw@exopen/index.html', parent: null }],
    ['the web host origin', { url: 'http://127.0.0.1:5173/', parent: null }],
    ['an unparsable URL', { url: 'not a url', parent: null }],
  ])('refuses %s with E_FOREIGN_SENDER and never runs the handler', async (_label, frame) => {
    const envelope = await handlerFor('secrets.put')({ senderFrame: frame }, { draftId: 'draft-0001', field: 'apiKey', value: 'v' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'E_FOREIGN_SENDER' } });
    expect(handlers['secrets.put']).not.toHaveBeenCalled();
    expect(log.entries.some((entry) => entry.message.includes('foreign sender'))).toBe(true);
  });

  it('refuses a sender whose frame cannot be read (disposed mid-call)', async () => {
    const event = {
      get senderFrame(): SenderFrame | null {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(await handlerFor('app.info')(event, {})).toMatchObject({ ok: false, error: { code: 'E_FOREIGN_SENDER' } });
    expect(handlers['app.info']).not.toHaveBeenCalled();
  });

  it('checks the sender before the payload', async () => {
    const envelope = await handlerFor('drafts.save')({ senderFrame: null }, { nonsense: true });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'E_FOREIGN_SENDER' } });
  });

  it('refuses malformed payloads from a trusted sender with the field names', async () => {
    const envelope = await handlerFor('checks.run')({ senderFrame: APP_FRAME }, { draftId: 'draft-0001', operationId: 'nope' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'E_BAD_INPUT', message: expect.stringContaining('operationId') } });
    expect(handlers['checks.run']).not.toHaveBeenCalled();
  });
});

describe('registerHandlers', () => {
  const options = () => ({ isTrustedSender: isAppMainFrame, log });

  it('registers exactly one handler per contract call', () => {
    registerHandlers(electronFake.ipcMain, asHandlers(handlers), options());
    expect([...electronFake.ipcMainHandlers.keys()].sort()).toEqual(Object.keys(contract.invoke).sort());
  });

  it('can register again (replacing) and unregister everything', () => {
    registerHandlers(electronFake.ipcMain, asHandlers(handlers), options());
    const unregister = registerHandlers(electronFake.ipcMain, asHandlers(handlers), options());
    unregister();
    expect(electronFake.ipcMainHandlers.size).toBe(0);
  });

  it('routes a registered channel through the wrapper', async () => {
    registerHandlers(electronFake.ipcMain, asHandlers(handlers), options());
    const listener = electronFake.ipcMainHandlers.get('app.info')!;
    expect(await listener({ senderFrame: null }, {})).toMatchObject({ ok: false, error: { code: 'E_FOREIGN_SENDER' } });
    expect(await listener({ senderFrame: APP_FRAME }, {})).toMatchObject({ ok: true });
  });
});

describe('forwardEvents', () => {
  const payload = { operationId: 'op', event: { type: 'check-started', checkId: 'auth' } } as const;

  it('sends contract events to a live webContents', () => {
    const events = createEventHub();
    const contents = new FakeWebContents();
    forwardEvents(events, contents);
    events.emit('checks.progress', payload);
    expect(contents.send).toHaveBeenCalledWith('checks.progress', payload);
  });

  it('stops sending once the webContents is destroyed', () => {
    const events = createEventHub();
    const contents = new FakeWebContents();
    forwardEvents(events, contents);
    contents.destroy();
    events.emit('checks.progress', payload);
    expect(contents.send).not.toHaveBeenCalled();
  });

  it('skips a destroyed webContents even before its destroyed event arrives', () => {
    const events = createEventHub();
    const contents = new FakeWebContents();
    forwardEvents(events, contents);
    contents.destroyed = true;
    events.emit('checks.progress', payload);
    expect(contents.send).not.toHaveBeenCalled();
  });

  it('forwards nothing that is not a contract event', () => {
    const events = createEventHub();
    const contents = new FakeWebContents();
    forwardEvents(events, contents);
    events.emit('internal.secret' as EventName, payload);
    expect(contents.send).not.toHaveBeenCalled();
  });
});
