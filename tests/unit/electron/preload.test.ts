import { beforeEach, describe, expect, it, vi } from 'vitest';
import { contract, type InvokeName } from '../../../preload/contract';
import type { ExposedBridge } from '../../../preload/index';
import { electronFake } from '../../mocks/electron';

type Method = (input?: unknown) => Promise<unknown>;

async function loadPreload(): Promise<ExposedBridge> {
  vi.resetModules();
  await import('../../../preload/index');
  expect(electronFake.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  expect(Object.keys(electronFake.exposed)).toEqual(['exopen']);
  return electronFake.exposed.exopen as ExposedBridge;
}

/** Every leaf of the exposed object, as "ns.method" → value. */
function leaves(bridge: object): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(bridge)) {
    if (typeof value === 'object' && value !== null) for (const [inner, leaf] of Object.entries(value)) found.set(`${key}.${inner}`, leaf);
    else found.set(key, value);
  }
  return found;
}

const methodOf = (bridge: ExposedBridge, name: InvokeName): Method => {
  const [ns, method] = name.split('.') as [string, string];
  return (bridge as unknown as Record<string, Record<string, Method>>)[ns]![method]!;
};

let bridge: ExposedBridge;
beforeEach(async () => {
  bridge = await loadPreload();
});

describe('the preload', () => {
  it('exposes exactly the contract calls plus `on`', () => {
    const names = [...leaves(bridge).keys()].sort();
    expect(names).toEqual([...Object.keys(contract.invoke), 'on'].sort());
    expect(names).toMatchSnapshot();
  });

  it('exposes only functions: no ipcRenderer, no channel strings, nothing else', () => {
    for (const [name, leaf] of leaves(bridge)) {
      expect(typeof leaf, name).toBe('function');
      expect(leaf).not.toBe(electronFake.ipcRenderer);
    }
    // Functions vanish in JSON: what is left must be one empty object per contract namespace, nothing else.
    const namespaces = [...new Set(Object.keys(contract.invoke).map((name) => name.split('.')[0]!))];
    expect(JSON.stringify(bridge)).toBe(JSON.stringify(Object.fromEntries(namespaces.map((ns) => [ns, {}]))));
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it.each(Object.keys(contract.invoke) as InvokeName[])('%s makes exactly one invoke on its own channel', async (name) => {
    electronFake.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: `answer of ${name}` });
    const input = { probe: name };
    await expect(methodOf(bridge, name)(input)).resolves.toBe(`answer of ${name}`);
    expect(electronFake.ipcRenderer.invoke.mock.calls).toEqual([[name, input]]);
  });

  it('rejects an error envelope with a copyable object that keeps the code and field errors', async () => {
    const fieldErrors = [{ field: 'customerId', message: { key: 'k' } }];
    electronFake.ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'E_NO_DRAFT', message: 'gone', fieldErrors } });
    const failure = await methodOf(bridge, 'drafts.current')({}).catch((error: unknown) => error);
    const expected = { name: 'BridgeCallError', code: 'E_NO_DRAFT', message: 'gone', fieldErrors };
    expect(failure).toEqual(expected);
    // contextBridge copies a plain object whole (an Error would arrive with its message only).
    expect(structuredClone(failure)).toEqual(expected);
  });

  it('passes other failures (no handler in main) through unchanged', async () => {
    const noHandler = new Error("No handler registered for 'app.info'");
    electronFake.ipcRenderer.invoke.mockRejectedValueOnce(noHandler);
    await expect(methodOf(bridge, 'app.info')({})).rejects.toBe(noHandler);
  });

  it('hands an event listener the payload only, never the IpcRendererEvent', () => {
    const listener = vi.fn();
    bridge.on('checks.progress', listener);
    const ipcEvent = { sender: electronFake.ipcRenderer, senderId: 0, ports: [] };
    const payload = { operationId: 'op', event: { type: 'check-started', checkId: 'auth' } };
    electronFake.ipcRenderer.emit('checks.progress', ipcEvent, payload);
    expect(listener.mock.calls).toEqual([[payload]]);
  });

  it('unsubscribes the exact relay it registered', () => {
    const unsubscribe = bridge.on('checks.progress', vi.fn());
    expect(electronFake.ipcRenderer.listenerCount('checks.progress')).toBe(1);
    unsubscribe();
    expect(electronFake.ipcRenderer.listenerCount('checks.progress')).toBe(0);
  });

  it('refuses to listen on a channel outside the contract', () => {
    expect(() => bridge.on('app.info' as 'checks.progress', vi.fn())).toThrow(/Not part of the Exopen bridge/);
    expect(electronFake.ipcRenderer.listenerCount('app.info')).toBe(0);
  });
});
