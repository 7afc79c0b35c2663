import type { EventName, EventPayload } from '../../preload/contract';

type Listener = (name: EventName, payload: unknown) => void;

/** Main → renderer events. Hosts subscribe (Electron IPC, web SSE, CLI printer) and forward. */
export interface EventHub {
  emit<K extends EventName>(name: K, payload: EventPayload<K>): void;
  subscribe(listener: Listener): () => void;
}

export function createEventHub(): EventHub {
  const listeners = new Set<Listener>();
  return {
    emit(name, payload) {
      for (const listener of listeners) listener(name, payload);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
