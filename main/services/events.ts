import type { EventName, EventPayload } from '../../preload/contract';
import { redactStrings } from '../platform/redact';

type Listener = (name: EventName, payload: unknown) => void;

/** Main → renderer events, value-redacted. Hosts subscribe (Electron IPC, web SSE, CLI printer) and forward. */
export interface EventHub {
  emit<K extends EventName>(name: K, payload: EventPayload<K>): void;
  subscribe(listener: Listener): () => void;
}

export function createEventHub(): EventHub {
  const listeners = new Set<Listener>();
  return {
    emit(name, payload) {
      // Value-redacted once for every host: progress events carry vendor text (check results, company names).
      const safe = redactStrings(payload);
      for (const listener of listeners) listener(name, safe);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
