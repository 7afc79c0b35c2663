/**
 * Turns one HTTP answer of the Exopen backend into the next step of a call: a value, a final error, or a
 * retry (with the delay the backend asked for). Pure: no I/O, so every branch is testable on its own.
 */
import type { z } from 'zod';
import { retryAfterMs } from '../platform/http';
import { ExopenError, fieldError, type ExopenErrorCode, type ExopenErrorDetails, type UpstreamAnswer } from './errors';
import { problemSchema, type Problem } from './schemas';

export interface RawResponse {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly retryAfter: string | undefined;
  readonly body: string;
}

export type Step<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'fail'; readonly error: ExopenError }
  | { readonly kind: 'retry'; readonly error: ExopenError; readonly delayMs?: number };

export interface Expectation<T> {
  /** The success statuses the document allows for this operation. */
  readonly statuses: ReadonlyArray<number>;
  readonly schema: z.ZodType<T>;
  /** The longest Retry-After we wait for; beyond it the call fails at once and says how long. */
  readonly maxRetryAfterMs: number;
  /** Removes the request's secrets from texts the backend sent (defence in depth; ours never echoes one). */
  readonly scrub: (text: string) => string;
  /**
   * For requests that must not run twice (an Exact code is single use): retry only answers that say the
   * backend did nothing (429, 503, 409 key in use); any other 5xx may have acted, so it fails at once.
   */
  readonly onlyRetryUnprocessed?: boolean;
}

const isJson = (contentType: string | undefined, subtype: RegExp): boolean =>
  subtype.test((contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '');

function parseJson(body: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return { ok: false };
  }
}

const protocol = (status: number, what: string): ExopenError =>
  new ExopenError('protocol', `The Exopen backend answered ${status} with ${what}, which its API document does not allow.`, {
    httpStatus: status,
  });

export function interpretResponse<T>(response: RawResponse, expect: Expectation<T>): Step<T> {
  const { status } = response;
  if (expect.statuses.includes(status)) return parseSuccess(response, expect);
  if (status === 503 && readProblem(response)?.code === 'broker-not-configured') return { kind: 'fail', error: notConfigured(response, expect) };
  if (status === 429 || status >= 500 || status === 409) return transient(response, expect);
  if (status >= 400 && status < 500) return { kind: 'fail', error: clientError(response, expect) };
  return { kind: 'fail', error: protocol(status, 'an unexpected status') };
}

function parseSuccess<T>(response: RawResponse, expect: Expectation<T>): Step<T> {
  if (response.status === 204) {
    const empty = expect.schema.safeParse(undefined);
    if (response.body !== '' || !empty.success) return { kind: 'fail', error: protocol(204, 'a body where none belongs') };
    return { kind: 'ok', value: empty.data };
  }
  if (!isJson(response.contentType, /^application\/json$/)) return { kind: 'fail', error: protocol(response.status, 'a body that is not JSON') };
  const json = parseJson(response.body);
  if (!json.ok) return { kind: 'fail', error: protocol(response.status, 'malformed JSON') };
  const parsed = expect.schema.safeParse(json.value);
  if (parsed.success) return { kind: 'ok', value: parsed.data };
  // Paths only: issue messages could quote values, and values have no place in an error message.
  const paths = parsed.error.issues.slice(0, 5).map((issue) => issue.path.join('.') || '(body)');
  return { kind: 'fail', error: protocol(response.status, `a body that does not match the document at ${paths.join(', ')}`) };
}

function readProblem(response: RawResponse): Problem | undefined {
  if (!isJson(response.contentType, /^application\/(problem\+)?json$/)) return undefined;
  const json = parseJson(response.body);
  if (!json.ok) return undefined;
  const parsed = problemSchema.safeParse(json.value);
  return parsed.success ? parsed.data : undefined;
}

const describe = (problem: Problem, scrub: (text: string) => string): string => scrub(problem.detail ?? problem.title);

/** 429, 409 (key in use), 503 and other 5xx: worth another attempt with the same idempotency key. */
function transient<T>(response: RawResponse, expect: Expectation<T>): Step<T> {
  const problem = readProblem(response);
  if (response.status === 409 && problem?.code !== 'idempotency-key-in-use') return { kind: 'fail', error: clientError(response, expect) };
  const waitMs = response.status === 429 || response.status === 503 || response.status === 409 ? retryAfterMs(response.retryAfter) : undefined;
  const code: ExopenErrorCode = response.status === 409 ? 'conflict' : 'unavailable';
  const reason = problem ? describe(problem, expect.scrub) : `HTTP ${response.status}`;
  const details = { httpStatus: response.status, problemCode: problem?.code, retryAfterMs: waitMs };
  if (waitMs !== undefined && waitMs > expect.maxRetryAfterMs) {
    const seconds = Math.ceil(waitMs / 1000);
    return { kind: 'fail', error: new ExopenError(code, `The Exopen backend asked to wait ${seconds} s before retrying (${reason}).`, details) };
  }
  const error = new ExopenError(code, `The Exopen backend is not available right now (${reason}).`, details);
  const unprocessed = response.status === 429 || response.status === 503 || response.status === 409;
  if (expect.onlyRetryUnprocessed && !unprocessed) return { kind: 'fail', error };
  return waitMs === undefined ? { kind: 'retry', error } : { kind: 'retry', error, delayMs: waitMs };
}

function clientError<T>(response: RawResponse, expect: Expectation<T>): ExopenError {
  const { status } = response;
  const problem = readProblem(response);
  if (!problem) return protocol(status, 'an error body that is not problem+json');
  const details = { httpStatus: status, problemCode: problem.code };
  const reason = describe(problem, expect.scrub);
  const fieldErrors = (problem.errors ?? []).map((item) => fieldError(expect.scrub(item.field), expect.scrub(item.message)));
  if (status === 401) return new ExopenError('unauthorized', `Exopen did not accept the access token: ${reason}`, details);
  if (status === 403) return new ExopenError('forbidden', `Exopen does not allow this: ${reason}`, details);
  if (status === 404) return new ExopenError('not-found', `Exopen has no such item: ${reason}`, details);
  if (status === 409 && problem.code === 'data-source-exists')
    return new ExopenError('exists', `A data source for this credential already exists: ${reason}`, { ...details, dataSourceId: problem.dataSourceId });
  if (status === 409 && problem.code === 'domain-exists') return new ExopenError('exists', `Exopen refused the request: ${reason}`, { ...details, fieldErrors });
  if (status === 409 || problem.code === 'idempotency-key-reused')
    return new ExopenError('conflict', `Exopen refused the request as a conflict: ${reason}`, details);
  if (status === 422 && problem.code === 'upstream-refused' && problem.upstream) return upstreamRefused(problem.upstream, reason, details, expect);
  if (status === 400 || status === 413 || status === 415 || status === 422) {
    const listed = fieldErrors.map((item) => `${item.field}: ${item.text}`).join('; ');
    return new ExopenError('validation', `Exopen refused the request: ${listed || reason}`, { ...details, fieldErrors });
  }
  return protocol(status, `an undocumented error (${problem.code})`);
}

function upstreamRefused<T>(upstream: UpstreamAnswer, reason: string, details: ExopenErrorDetails, expect: Expectation<T>): ExopenError {
  const scrubbed: UpstreamAnswer = {
    status: upstream.status,
    ...(upstream.error === undefined ? {} : { error: expect.scrub(upstream.error) }),
    ...(upstream.errorDescription === undefined ? {} : { errorDescription: expect.scrub(upstream.errorDescription) }),
  };
  return new ExopenError('upstream', `The vendor refused the exchange (HTTP ${upstream.status}): ${reason}`, { ...details, upstream: scrubbed });
}

function notConfigured<T>(response: RawResponse, expect: Expectation<T>): ExopenError {
  const problem = readProblem(response);
  const reason = problem ? describe(problem, expect.scrub) : 'no partner credentials';
  return new ExopenError('not-configured', `The Exopen broker is not configured for this vendor: ${reason}`, {
    httpStatus: response.status,
    problemCode: problem?.code,
  });
}
