/**
 * One recorded GET: every request, answered or not, goes to the request recorder (URL, status or failure,
 * duration) so the Diagnose timeline and the bench see exactly what was sent. Headers, where the password
 * travels, are never recorded.
 */
import type { AxiosInstance } from 'axios';
import { NetworkError, toNetworkError } from '../../platform/http';
import type { RequestRecorder } from '../context';

export interface SendOptions {
  readonly signal?: AbortSignal;
  /** Which check made the request, for the Diagnose timeline. */
  readonly checkId?: string;
}

export interface RawReply {
  readonly status: number;
  readonly text: string;
}

export async function recordedGet(
  http: AxiosInstance,
  url: string,
  headers: Readonly<Record<string, string>>,
  options: SendOptions & { readonly recorder?: RequestRecorder },
): Promise<RawReply> {
  if (options.signal?.aborted) throw new NetworkError('aborted', 'the request was cancelled');
  const started = performance.now();
  const record = (status: number | undefined, error?: string): void =>
    options.recorder?.record({
      method: 'GET',
      url,
      durationMs: Math.round(performance.now() - started),
      ...(status === undefined ? {} : { status }),
      ...(options.checkId ? { checkId: options.checkId } : {}),
      ...(error ? { error } : {}),
    });
  try {
    const response = await http.get<unknown>(url, { headers: { Accept: 'application/json', ...headers }, ...(options.signal ? { signal: options.signal } : {}) });
    record(response.status);
    return { status: response.status, text: typeof response.data === 'string' ? response.data : '' };
  } catch (error) {
    const network = toNetworkError(error);
    record(undefined, network.failure);
    throw network;
  }
}
