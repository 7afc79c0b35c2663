/**
 * One recorded GET: every request, answered or not, goes to the request recorder (redacted URL, status or
 * failure, duration) so the Diagnose timeline and the bench see exactly what was sent.
 */
import type { AxiosInstance, AxiosResponse } from 'axios';
import { NetworkError, toNetworkError } from '../../platform/http';
import type { RequestRecorder } from '../context';
import type { ServerTime } from './errors';
import { redactUrl } from './urls';

export interface SendOptions {
  readonly signal?: AbortSignal;
  /** Which check made the request, for the Diagnose timeline. */
  readonly checkId?: string;
  readonly recorder?: RequestRecorder;
}

/** GETs `url` as bytes. Throws NetworkError when no HTTP answer arrived; any status is returned. */
export async function recordedGet(
  http: AxiosInstance,
  url: string,
  headers: Readonly<Record<string, string>>,
  options: SendOptions,
): Promise<AxiosResponse> {
  if (options.signal?.aborted) throw new NetworkError('aborted', 'the request was cancelled');
  const started = performance.now();
  const record = (status: number | undefined, error?: string): void =>
    options.recorder?.record({
      method: 'GET',
      url: redactUrl(url),
      durationMs: Math.round(performance.now() - started),
      ...(status === undefined ? {} : { status }),
      ...(options.checkId ? { checkId: options.checkId } : {}),
      ...(error ? { error } : {}),
    });
  try {
    const response = await http.get(url, {
      headers: { ...headers },
      responseType: 'arraybuffer',
      ...(options.signal ? { signal: options.signal } : {}),
    });
    record(response.status);
    return response;
  } catch (error) {
    const network = toNetworkError(error);
    record(undefined, network.failure);
    throw network;
  }
}

/** The server's Date header next to our clock at the moment the answer arrived. */
export function serverTimeOf(response: AxiosResponse, localMs: number): ServerTime | undefined {
  const header: unknown = response.headers['date'];
  const serverMs = typeof header === 'string' ? Date.parse(header) : Number.NaN;
  return Number.isNaN(serverMs) ? undefined : { serverMs, localMs };
}

/** Response bytes, whatever shape axios produced them in. */
export function bodyBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new TextEncoder().encode(typeof data === 'string' ? data : '');
}
