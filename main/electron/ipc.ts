/**
 * Electron IPC for the contract: one `ipcMain.handle` per call, all through `createIpcHandler`, which
 * checks the sender before anything else and then hands over to the shared `dispatchCall` (schema check,
 * handler, envelope). Takes ipcMain and webContents as parameters (structural types below), so the whole
 * module runs in plain Node under test.
 */
import { contract, type Envelope, type EventName, type Handlers } from '../../preload/contract';
import type { EventHub } from '../services/events';
import { dispatchCall, type DispatchLog } from '../services/dispatch';
import { APP_ORIGIN, isAppUrl } from './origin';

/** What we read of Electron's WebFrameMain. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/** What we read of Electron's IpcMainInvokeEvent. */
export interface InvokeEvent {
  readonly senderFrame: SenderFrame | null;
}

export type IpcListener = (event: InvokeEvent, payload?: unknown) => Promise<Envelope<unknown>>;

export interface IpcMainLike {
  handle(channel: string, listener: IpcListener): void;
  removeHandler(channel: string): void;
}

export interface IpcOptions {
  /** Decides whether a frame may call us at all; main.ts passes `isAppMainFrame`. */
  isTrustedSender(frame: SenderFrame | null): boolean;
  readonly log: DispatchLog;
}

/** The default trust rule: the top frame of a page on our own app:// origin. Not an iframe, not a webview. */
export function isAppMainFrame(frame: SenderFrame | null): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/** The wrapper every channel goes through. Exported so tests drive it with plain objects. */
export function createIpcHandler(handlers: Handlers, name: string, options: IpcOptions): IpcListener {
  return async (event, payload) => {
    if (!senderIsTrusted(event, options)) {
      return { ok: false, error: { code: 'E_FOREIGN_SENDER', message: 'This call is only accepted from the assistant window.' } };
    }
    return dispatchCall(handlers, name, payload, options.log);
  };
}

function senderIsTrusted(event: InvokeEvent, options: IpcOptions): boolean {
  let frame: SenderFrame | null = null;
  try {
    // Reading a frame that was disposed mid-call throws in Electron; such a sender is not trusted.
    frame = event.senderFrame;
    if (options.isTrustedSender(frame)) return true;
  } catch (error) {
    options.log.warn('IPC sender could not be inspected; call refused', { error });
    return false;
  }
  options.log.warn('IPC call from a foreign sender refused', { sender: describeSender(frame), expected: APP_ORIGIN });
  return false;
}

/** Origin and frame kind only: a foreign URL's path or query is none of the log's business. */
function describeSender(frame: SenderFrame | null): string {
  if (frame === null) return 'no frame';
  let origin = 'unparsable url';
  try {
    const url = new URL(frame.url);
    origin = `${url.protocol}//${url.host}`;
  } catch {
    // keeps 'unparsable url': the refusal itself is what gets logged
  }
  return `${frame.parent === null ? 'main frame' : 'subframe'} at ${origin}`;
}

/** Registers every contract call on ipcMain. Idempotent: an earlier registration of a channel is replaced. */
export function registerHandlers(ipcMain: IpcMainLike, handlers: Handlers, options: IpcOptions): () => void {
  const names = Object.keys(contract.invoke);
  for (const name of names) {
    ipcMain.removeHandler(name);
    ipcMain.handle(name, createIpcHandler(handlers, name, options));
  }
  return () => names.forEach((name) => ipcMain.removeHandler(name));
}

/** What we use of Electron's WebContents to push events. */
export interface EventSink {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
  once(event: 'destroyed', listener: () => void): unknown;
}

/** Sends contract events to one window's renderer while it lives; stops by itself when it is destroyed. */
export function forwardEvents(events: EventHub, sink: EventSink): () => void {
  const unsubscribe = events.subscribe((name: EventName, payload: unknown) => {
    if (!Object.hasOwn(contract.events, name)) return;
    if (sink.isDestroyed()) {
      unsubscribe();
      return;
    }
    sink.send(name, payload);
  });
  sink.once('destroyed', () => {
    unsubscribe();
  });
  return unsubscribe;
}
