/**
 * The bridge over the web host: one POST per call and one shared event stream (server-sent events, read
 * with fetch so that it can carry the tab's secret). See main/hosts/web/guard.ts for the session.
 *
 * The tab secret: the page answered to a one-time link carries it in `<meta name="exopen-session">`. It is
 * kept in this tab's sessionStorage (so a reload keeps working; no other origin, i.e. no other port, can
 * read it) and sent as `Authorization: Bearer …` on every call and on the event stream, beside the HttpOnly
 * cookie the browser sends by itself. A tab without it (a new tab, a restarted assistant) gets
 * E_WEB_SESSION, which says how to get a new link.
 */
import type { Envelope, EventName, InvokeName, Transport } from '../../preload/contract';

/** The `<meta name>` of main/hosts/web/guard.ts (SESSION_META): the renderer may not import main. */
const SESSION_META = 'exopen-session';
const SESSION_KEY = 'exopen.webSession';

const transportError = (message: string): Envelope<unknown> => ({ ok: false, error: { code: 'E_TRANSPORT', message } });
const sessionError = (): Envelope<unknown> => ({
  ok: false,
  error: {
    code: 'E_WEB_SESSION',
    message:
      'This browser tab is not connected to the assistant: each link opens it in one tab, once. For a new link, press Enter in the terminal where Exopen Connect runs (or stop it and start it again), then open the link it prints.',
  },
});

let tabSecret: string | null | undefined;

/** The tab's secret: taken once from the page that redeemed a link, afterwards from sessionStorage. */
function sessionSecret(): string | null {
  if (tabSecret !== undefined) return tabSecret;
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${SESSION_META}"]`);
  if (meta?.content) {
    tabSecret = meta.content;
    meta.remove();
    try {
      sessionStorage.setItem(SESSION_KEY, tabSecret);
    } catch {
      // Storage refused: this page works until it is reloaded.
    }
    // The link's code is spent: take it out of the address bar, so that a reload loads '/' (the cookie's).
    if (new URLSearchParams(window.location.search).has('code')) window.history.replaceState(window.history.state, '', `/${window.location.hash}`);
    return tabSecret;
  }
  try {
    tabSecret = sessionStorage.getItem(SESSION_KEY);
  } catch {
    tabSecret = null;
  }
  return tabSecret;
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  if (value.ok !== false || !('error' in value)) return false;
  const error = value.error;
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string';
}

async function invoke(name: InvokeName, input: unknown): Promise<Envelope<unknown>> {
  const secret = sessionSecret();
  if (!secret) return sessionError();
  let response: Response;
  try {
    response = await fetch(`/api/invoke/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Exopen-Bridge': '1', Authorization: `Bearer ${secret}` },
      body: JSON.stringify(input),
      credentials: 'same-origin',
    });
  } catch (error) {
    return transportError(error instanceof Error ? error.message : String(error));
  }
  // The web host no longer knows this tab (restarted, or the cookie was cleared).
  if (response.status === 401) return sessionError();
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

type Handler = (data: string) => void;
const handlers = new Map<string, Set<Handler>>();
let streaming = false;

function dispatch(block: string): void {
  let name = '';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) name = line.slice('event:'.length).trim();
    else if (line.startsWith('data:')) data.push(line.slice('data:'.length).replace(/^ /, ''));
  }
  if (!name) return; // a comment (`: connected`, `: keep-alive`)
  for (const handler of handlers.get(name) ?? []) handler(data.join('\n'));
}

async function readStream(body: ReadableStream<Uint8Array>): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      dispatch(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
    }
  }
}

/** The one event stream of the app, opened on the first subscription; reconnects as EventSource would. */
async function stream(): Promise<void> {
  let delayMs = 1_000;
  for (;;) {
    const secret = sessionSecret();
    if (!secret) return; // calls say why (E_WEB_SESSION)
    try {
      const response = await fetch('/api/events', {
        headers: { Accept: 'text/event-stream', Authorization: `Bearer ${secret}` },
        credentials: 'same-origin',
        cache: 'no-store',
      });
      if (response.status >= 400 && response.status < 500) return; // refused: retrying will not help
      if (response.ok && response.body) {
        delayMs = 1_000;
        await readStream(response.body);
      }
    } catch {
      // Lost contact: try again below.
    }
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    delayMs = Math.min(delayMs * 2, 15_000);
  }
}

function subscribe(name: EventName, listener: (payload: unknown) => void): () => void {
  const handler: Handler = (data) => {
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      console.error(`Dropped a malformed "${name}" event`);
      return;
    }
    listener(payload);
  };
  const set = handlers.get(name) ?? new Set<Handler>();
  handlers.set(name, set);
  set.add(handler);
  if (!streaming) {
    streaming = true;
    void stream();
  }
  return () => set.delete(handler);
}

export const webTransport: Transport = { invoke, subscribe };
