/**
 * The runtime half of the contract, without zod: the bridge built from the call names over any transport,
 * and the error a failed call throws. The renderer and the Electron preload import this file (types come
 * from contract.ts and are erased), so neither bundle carries the schemas main validates with.
 */
import type { Bridge, EventName, FieldError, Transport } from './contract';
import type { ErrorCode } from './error-codes';
import { INVOKE_NAMES } from './names';

/** The error a bridge method throws in the renderer when main answered `{ok:false}`. */
export class BridgeCallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: ReadonlyArray<FieldError>,
  ) {
    super(message);
    this.name = 'BridgeCallError';
  }
}

/** Builds the bridge over any transport; the preload and the web host's client both use this. */
export function createBridge(transport: Transport): Bridge {
  const bridge: Record<string, unknown> = {
    on: (name: EventName, listener: (payload: unknown) => void) => transport.subscribe(name, listener),
  };
  for (const name of INVOKE_NAMES) {
    const [ns, method] = name.split('.') as [string, string];
    const slice = (bridge[ns] ??= {}) as Record<string, unknown>;
    slice[method] = async (input: unknown) => {
      const envelope = await transport.invoke(name, input ?? {});
      if (envelope.ok) return envelope.value;
      throw new BridgeCallError(envelope.error.code, envelope.error.message, envelope.error.fieldErrors);
    };
  }
  return Object.freeze(bridge) as unknown as Bridge;
}

/**
 * True for a failed bridge call, whichever way it arrived: a BridgeCallError (web host), or the plain
 * `{name:'BridgeCallError', code, message}` object Electron's contextBridge lets through (it strips an
 * Error's own properties, electron/electron#25596).
 */
export function isBridgeCallError(error: unknown): error is { code: string; message: string; fieldErrors?: ReadonlyArray<FieldError> } {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}
