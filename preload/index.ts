/**
 * The Electron preload (bundled to dist/preload/index.cjs; sandboxed preloads cannot be ESM). It exposes
 * the contract's bridge as `window.exopen` and nothing else: no ipcRenderer, no channel strings, and event
 * listeners get the payload only, never Electron's IpcRendererEvent (which reaches back to ipcRenderer).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BridgeCallError, createBridge } from './bridge';
import type { Bridge, Envelope, Transport } from './contract';
import { EVENT_NAMES, INVOKE_NAMES } from './names';

const CALLS: ReadonlySet<string> = new Set(INVOKE_NAMES);
const EVENTS: ReadonlySet<string> = new Set(EVENT_NAMES);

/** Refuses names outside the contract even if a caller smuggles one past the types at runtime. */
function assertContractName(names: ReadonlySet<string>, name: string): void {
  if (!names.has(name)) throw new Error(`Not part of the Exopen bridge: ${String(name).slice(0, 100)}`);
}

const ipcTransport: Transport = {
  invoke(name, input) {
    assertContractName(CALLS, name);
    return ipcRenderer.invoke(name, input) as Promise<Envelope<unknown>>;
  },
  subscribe(name, listener) {
    assertContractName(EVENTS, name);
    const relay = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(name, relay);
    return () => {
      ipcRenderer.removeListener(name, relay);
    };
  },
};

/**
 * contextBridge copies a thrown Error as a bare Error with its message only (electron/electron#25596), so a
 * BridgeCallError's `code` and `fieldErrors` would never reach the page. A plain object survives the copy
 * whole, so failures cross as `{ name: 'BridgeCallError', code, message, fieldErrors? }`; the renderer reads
 * `code` the same way on both hosts (on the web host it gets the real BridgeCallError).
 */
function rejectWithCopyableError(error: unknown): never {
  if (!(error instanceof BridgeCallError)) throw error;
  throw { name: error.name, code: error.code, message: error.message, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) };
}

function withCopyableErrors(source: Bridge): Bridge {
  const exposed: Record<string, unknown> = { on: source.on };
  for (const [ns, slice] of Object.entries(source)) {
    if (typeof slice !== 'object' || slice === null) continue;
    const methods = Object.entries(slice as Record<string, (input: unknown) => Promise<unknown>>).map(
      ([method, call]) => [method, (input: unknown) => call(input).catch(rejectWithCopyableError)] as const,
    );
    exposed[ns] = Object.freeze(Object.fromEntries(methods));
  }
  return Object.freeze(exposed) as unknown as Bridge;
}

const bridge = withCopyableErrors(createBridge(ipcTransport));

contextBridge.exposeInMainWorld('exopen', bridge);

/** The renderer declares `window.exopen?: ExposedBridge`; the type comes from the object, never restated. */
export type ExposedBridge = typeof bridge;
