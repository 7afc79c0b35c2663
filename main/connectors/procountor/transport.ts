/**
 * One recorded HTTP exchange. Every request, answered or not, goes to the request recorder (method,
 * redacted URL, status or failure, duration) so the Diagnose timeline and the bench see what was sent.
 * Credentials travel only in headers and form bodies, never in URLs, and the recorder gets neither.
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

export interface RawReply {
  readonly status: number;
  readonly text: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface OutgoingRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** application/x-www-form-urlencoded body (token exchange only). */
  readonly form?: URLSearchParams;
}

// Whole parameter names only; none of our GETs carries a secret, this guards against a future mistake.
const SECRET_PARAM = /^(?:.*[_-])?(?:key|apikey|api_key|token|secret|password|code)$/i;

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
  try {
    const response = await http.request({
      method: request.method,
      url: request.url,
      headers: { Accept: 'application/json', ...request.headers },
      ...(request.form ? { data: request.form.toString() } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    record(response.status);
    return { status: response.status, text: typeof response.data === 'string' ? response.data : '', headers: headersOf(response.headers) };
  } catch (error) {
    const network = toNetworkError(error);
    record(undefined, network.failure);
    throw network;
  }
}
