/**
 * The one vendor HTTP exchange every connector sends through. Every request, answered or not, goes to the
 * request recorder (method, redacted URL, status or failure, duration), so the Diagnose timeline, the support
 * bundle and the bench see exactly what was sent, and every connector redacts its URLs by the same rule.
 * Headers and bodies, where credentials travel, are never recorded.
 */
import type { AxiosInstance } from 'axios';
import { NetworkError, toNetworkError } from '../../platform/http';
import type { RequestRecorder } from '../context';

export interface SendOptions {
  readonly signal?: AbortSignal;
  /** Which check made the request, for the Diagnose timeline. */
  readonly checkId?: string;
  readonly recorder?: RequestRecorder;
}

export interface OutgoingRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** An application/x-www-form-urlencoded body (token exchanges). */
  readonly form?: URLSearchParams;
  /** `bytes`: the body as sent, undecoded (Netvisor's XML names its own charset). Default `text`. */
  readonly read?: 'text' | 'bytes';
}

export interface RawReply {
  readonly status: number;
  /** The body as text (empty when read as bytes). */
  readonly text: string;
  /** The body's bytes, when read as bytes. */
  readonly bytes: Uint8Array;
  /** Response headers, names lower-case. */
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Whole parameter names only (a record id such as Netvisor's `netvisorkey` is no secret). None of our
 * requests carries a credential in its URL; this guards the log against a future mistake.
 */
const SECRET_PARAM = /^(?:.*[_-])?(?:key|apikey|api_key|token|secret|password|pass|code|mac|signature)$/i;

/** For the request log: drops credentials in the authority and the values of secret-looking parameters. */
export function redactUrl(raw: string): string {
  const url = new URL(raw);
  url.username = '';
  url.password = '';
  const kept = [...url.searchParams.entries()].map(([key, value]) => [key, SECRET_PARAM.test(key) ? 'REDACTED' : value] as const);
  url.search = '';
  for (const [key, value] of kept) url.searchParams.append(key, value);
  return url.href;
}

function headersOf(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof raw !== 'object' || raw === null) return out;
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value === 'string') out[name.toLowerCase()] = value;
    else if (typeof value === 'number') out[name.toLowerCase()] = String(value);
  }
  return out;
}

/** Response bytes, whatever shape axios produced them in. */
function bytesOf(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new TextEncoder().encode(typeof data === 'string' ? data : '');
}

/** Sends one request. Throws NetworkError when no HTTP answer arrived; any status is returned. */
export async function send(http: AxiosInstance, request: OutgoingRequest, options: SendOptions): Promise<RawReply> {
  if (options.signal?.aborted) throw new NetworkError('aborted', 'the request was cancelled');
  const started = performance.now();
  const record = (status: number | undefined, error?: string): void =>
    options.recorder?.record({
      method: request.method,
      url: redactUrl(request.url),
      durationMs: Math.round(performance.now() - started),
      ...(status === undefined ? {} : { status }),
      ...(options.checkId ? { checkId: options.checkId } : {}),
      ...(error ? { error } : {}),
    });
  const bytes = request.read === 'bytes';
  try {
    const response = await http.request({
      method: request.method,
      url: request.url,
      headers: { ...(bytes ? {} : { Accept: 'application/json' }), ...request.headers },
      ...(bytes ? { responseType: 'arraybuffer' as const } : {}),
      ...(request.form ? { data: request.form.toString() } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    record(response.status);
    const text = !bytes && typeof response.data === 'string' ? response.data : '';
    return { status: response.status, text, bytes: bytes ? bytesOf(response.data) : new Uint8Array(), headers: headersOf(response.headers) };
  } catch (error) {
    const network = toNetworkError(error);
    record(undefined, network.failure);
    throw network;
  }
}

/** The moment an answer arrived, by the server's Date header and by our clock (clock-skew diagnosis). */
export interface ServerTime {
  readonly serverMs: number;
  readonly localMs: number;
}

export function serverTimeOf(reply: RawReply, localMs: number): ServerTime | undefined {
  const header = reply.headers['date'];
  const serverMs = header === undefined ? Number.NaN : Date.parse(header);
  return Number.isNaN(serverMs) ? undefined : { serverMs, localMs };
}
