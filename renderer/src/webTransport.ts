/**
 * The bridge over the web host: one POST per call and one shared server-sent event stream. The web host
 * authenticates with a same-origin cookie it set itself, so nothing else is sent.
 */
import type { Envelope, EventName, InvokeName, Transport } from '../../preload/contract';

const transportError = (message: string): Envelope<unknown> => ({ ok: false, error: { code: 'E_TRANSPORT', message } });

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  if (value.ok !== false || !('error' in value)) return false;
  const error = value.error;
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string';
}

async function invoke(name: InvokeName, input: unknown): Promise<Envelope<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/invoke/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Exopen-Bridge': '1' },
      body: JSON.stringify(input),
      credentials: 'same-origin',
    });
  } catch (error) {
    return transportError(error instanceof Error ? error.message : String(error));
  }
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return transportError(`${name}: HTTP ${response.status} ${text.slice(0, 200)}`.trim());
  }
  // A failed call that still carries a proper envelope keeps its own code; anything else is a transport fault.
  if (isEnvelope(body) && (response.ok || !body.ok)) return body;
  return transportError(`${name}: HTTP ${response.status}, unexpected answer`);
}

let eventSource: EventSource | null = null;

/** One EventSource for the whole app, opened on the first subscription. */
function sharedEventSource(): EventSource {
  eventSource ??= new EventSource('/api/events', { withCredentials: true });
  return eventSource;
}

function subscribe(name: EventName, listener: (payload: unknown) => void): () => void {
  const source = sharedEventSource();
  const handler = (event: MessageEvent<string>): void => {
    let payload: unknown;
    try {
      payload = JSON.parse(event.data);
    } catch {
      console.error(`Dropped a malformed "${name}" event`);
      return;
    }
    listener(payload);
  };
  source.addEventListener(name, handler);
  return () => source.removeEventListener(name, handler);
}

export const webTransport: Transport = { invoke, subscribe };
