/**
 * The broker's outgoing calls to a vendor. Redirects are not followed (a form with Exopen's client secret
 * goes to the configured host only), every call has a deadline, and every text that comes back is scrubbed
 * of the secrets that went out before it can reach a response.
 */
import { problem, type Answer } from './http-io';

export const UPSTREAM_TIMEOUT_MS = 15_000;

export interface UpstreamReply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

export type UpstreamResult = { readonly ok: true; readonly reply: UpstreamReply } | { readonly ok: false; readonly answer: Answer };

export function scrubberOf(secrets: ReadonlyArray<string | undefined>): (text: string) => string {
  const values = secrets.filter((value): value is string => value !== undefined && value.length > 0).sort((a, b) => b.length - a.length);
  return (text) => values.reduce((out, value) => out.split(value).join('[redacted]'), text);
}

export const upstreamUnavailable = (vendor: string, why: string): Answer =>
  problem({ status: 502, code: 'upstream-unavailable', detail: `${vendor} did not give a usable answer (${why}); retry in a while.` });

export const notConfigured = (vendor: string): Answer =>
  problem(
    { status: 503, code: 'broker-not-configured', detail: `This Exopen backend holds no ${vendor} partner credentials; ask Exopen to configure them.` },
    // Configuration takes an operator, not a moment: a client gives up at once rather than wait this out.
    { 'Retry-After': '3600' },
  );

/** One request to the vendor; a network failure or timeout becomes a 502 problem naming only its kind. */
export async function callUpstream(vendor: string, url: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<UpstreamResult> {
  try {
    const response = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS) });
    return { ok: true, reply: { status: response.status, headers: response.headers, text: await response.text() } };
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    const why = name === 'TimeoutError' ? 'no answer in time' : 'the connection failed';
    return { ok: false, answer: upstreamUnavailable(vendor, why) };
  }
}

/** An OAuth 2.0 token endpoint's JSON, or undefined when the body is not a JSON object. */
export function oauthJson(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A token endpoint refused (4xx): the vendor's own `error` and `error_description`, scrubbed, for Diagnose. */
export function upstreamRefused(vendor: string, reply: UpstreamReply, scrub: (text: string) => string): Answer {
  const body = oauthJson(reply.text);
  const text = (key: string): string | undefined => (typeof body?.[key] === 'string' ? scrub(body[key]) : undefined);
  const error = text('error');
  const errorDescription = text('error_description');
  return problem({
    status: 422,
    code: 'upstream-refused',
    detail: `${vendor} refused the exchange (HTTP ${reply.status}${error ? `, ${error}` : ''}).`,
    extra: { upstream: { status: reply.status, ...(error ? { error } : {}), ...(errorDescription ? { errorDescription } : {}) } },
  });
}

/** Seconds from a token response's `expires_in`, which Exact sends as a string and others as a number. */
export function seconds(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= 0 ? number : undefined;
}
