/**
 * The one vendor HTTP exchange every connector sends through. Every request, answered or not, goes to the
 * request recorder (method, redacted URL, status or failure, duration), so the Diagnose timeline, the support
 * bundle and the bench see exactly what was sent, and every connector redacts its URLs by the same rule.
 * Headers and bodies, where credentials travel, are never recorded.
 */
import type { AxiosInstance } from 'axios';
import { NetworkError, toNetworkError } from '../../platform/http';
import type { RequestRecorder } from '../context';
import { breakerFor } from './breaker';
import {
  CircuitOpenError, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_REQUEST_DEADLINE_MS, ResponseTooLargeError, ScopeDeadline, VendorDeadlineError, VendorLimitError,
} from './limits';

export interface SendOptions {
  readonly signal?: AbortSignal;
  /** Which check made the request, for the Diagnose timeline. */
  readonly checkId?: string;
  readonly recorder?: RequestRecorder;
  /** The vendor's name in messages ("Procountor's /products did not finish in 30 s"); default the host. */
  readonly vendor?: string;
  /**
   * Overall deadline of this request, from sending to the last byte read (limits.ts). Default: the axios
   * instance's timeout (each client's vendor figure), else DEFAULT_REQUEST_DEADLINE_MS.
   */
  readonly deadlineMs?: number;
  /** Largest body read, enforced while streaming (limits.ts); default DEFAULT_MAX_RESPONSE_BYTES. */
  readonly maxBytes?: number;
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

/** Why a signal ended the wait: a check's or the run's deadline (a VendorDeadlineError of that scope), else a cancel. */
function abortedBy(signal: AbortSignal, vendor: string): NetworkError {
  const reason: unknown = signal.reason;
  if (reason instanceof ScopeDeadline) return new VendorDeadlineError(vendor, reason.scope, reason.what, reason.limitMs);
  return new NetworkError('aborted', 'the request was cancelled');
}

const isTooLarge = (error: unknown): boolean => error instanceof Error && /maxContentLength size of/.test(error.message);

/**
 * Sends one request. Throws NetworkError when no usable HTTP answer arrived; any status is returned.
 * - An overall deadline (VendorDeadlineError, scope `request`): a server trickling bytes is cut off at it.
 * - A check's or run's deadline on `signal` ends it with a VendorDeadlineError of that scope.
 * - The body is read up to `maxBytes` (ResponseTooLargeError; axios stops reading and closes the socket).
 * - The origin's circuit breaker (breaker.ts) may refuse it before anything is sent (CircuitOpenError).
 */
export async function send(http: AxiosInstance, request: OutgoingRequest, options: SendOptions): Promise<RawReply> {
  const target = new URL(request.url);
  const vendor = options.vendor ?? target.host;
  const resource = target.pathname;
  if (options.signal?.aborted) throw abortedBy(options.signal, vendor);
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

  const breaker = breakerFor(request.url);
  const admission = breaker.admit();
  if (!admission.ok) {
    const refused = new CircuitOpenError(vendor, target.origin, admission.retryInMs);
    record(undefined, refused.limit);
    throw refused;
  }

  const deadlineMs = options.deadlineMs ?? (http.defaults.timeout || DEFAULT_REQUEST_DEADLINE_MS);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, deadlineMs);
  const relay = (): void => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', relay, { once: true });

  const bytes = request.read === 'bytes';
  try {
    const response = await http.request({
      method: request.method,
      url: request.url,
      headers: { ...(bytes ? {} : { Accept: 'application/json' }), ...request.headers },
      ...(bytes ? { responseType: 'arraybuffer' as const } : {}),
      ...(request.form ? { data: request.form.toString() } : {}),
      signal: controller.signal,
      maxContentLength: maxBytes,
      maxBodyLength: maxBytes,
    });
    if (response.status >= 500) breaker.failed();
    else breaker.succeeded();
    record(response.status);
    const text = !bytes && typeof response.data === 'string' ? response.data : '';
    return { status: response.status, text, bytes: bytes ? bytesOf(response.data) : new Uint8Array(), headers: headersOf(response.headers) };
  } catch (error) {
    let failure: NetworkError;
    if (timedOut) failure = new VendorDeadlineError(vendor, 'request', resource, deadlineMs);
    else if (options.signal?.aborted) failure = abortedBy(options.signal, vendor);
    else if (isTooLarge(error)) failure = new ResponseTooLargeError(vendor, resource, maxBytes);
    else failure = toNetworkError(error);
    // Only the host's own silence counts against it: not a cancel, a check's or run's deadline, or a body we refused.
    const saysNothingOfHost = failure.failure === 'aborted' || failure instanceof ResponseTooLargeError || (failure instanceof VendorDeadlineError && failure.scope !== 'request');
    if (saysNothingOfHost) breaker.released(admission.probe);
    else breaker.failed();
    record(undefined, failure instanceof VendorLimitError ? failure.limit : failure.failure);
    throw failure;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', relay);
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
