/**
 * What every route gets: the request, the authenticated user, the body as read, the path parameters and the
 * sandbox's parts. Also the two readings every changing route shares: its JSON body and its checks.
 */
import type { IncomingMessage } from 'node:http';
import type { ExopenSystemId } from '../../exopen/schemas';
import type { SandboxUser } from './auth';
import type { Directory } from './directory';
import type { FaultPlan } from './faults';
import { headerValue, problem, type Answer, type Body } from './http-io';
import type { Keyed } from './keyed';
import type { RunScheduler } from './runs';
import type { SandboxStore } from './store';
import type { Upstreams, Partners } from './upstream-config';
import { checkBody, checkKeyed, type BodyRule, type WireFieldError } from './validation';
import type { CompanyLister } from './types';
import type { SecretVault } from './vault';

export interface SandboxParts {
  readonly store: SandboxStore;
  readonly directory: Directory;
  readonly keyed: Keyed;
  readonly runs: RunScheduler;
  readonly vault: SecretVault;
  readonly faults: FaultPlan;
  readonly partners: Partners;
  readonly upstreams: Upstreams;
  /** Per system: how to ask the vendor which companies a credential reaches. */
  readonly listers: Readonly<Partial<Record<ExopenSystemId, CompanyLister>>>;
}

export interface RouteContext {
  readonly request: IncomingMessage;
  readonly user: SandboxUser;
  readonly body: Body;
  /** Path parameters, %-decoded ('' for a malformed escape, which names nothing). */
  readonly params: ReadonlyArray<string>;
  readonly parts: SandboxParts;
}

export type Route = (context: RouteContext) => Promise<Answer>;

const isJsonContent = (type: string | undefined): boolean => (type ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';

/** The parsed JSON body, or the problem answer for a body that is too large, not JSON-typed or not JSON. */
export function jsonBody(context: RouteContext): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly answer: Answer } {
  const { body, request } = context;
  if (body.kind === 'too-large') return { ok: false, answer: problem({ status: 413, code: 'payload-too-large', detail: 'The body is larger than 1 MiB.' }) };
  if (!isJsonContent(headerValue(request, 'content-type')))
    return { ok: false, answer: problem({ status: 415, code: 'unsupported-media-type', detail: 'Send the body as application/json.' }) };
  try {
    return { ok: true, value: JSON.parse(body.text) as unknown };
  } catch {
    return { ok: false, answer: problem({ status: 400, code: 'malformed-body', detail: 'The body is not valid JSON.' }) };
  }
}

export const invalid = (errors: ReadonlyArray<WireFieldError>): Answer =>
  problem({ status: 422, code: 'validation-failed', detail: `${errors.length} field(s) need fixing; see errors.`, errors });

/** The body checked against a rule: its value, or the answer that refuses it. */
export function parseBody<T>(context: RouteContext, rule: BodyRule<T>): { readonly ok: true; readonly value: T } | { readonly ok: false; readonly answer: Answer } {
  const parsed = jsonBody(context);
  if (!parsed.ok) return parsed;
  const checked = checkBody(rule, parsed.value);
  return checked.ok ? checked : { ok: false, answer: invalid(checked.errors) };
}

/** The body and its Idempotency-Key checked together, so one answer lists every problem. */
export function parseKeyedBody<T>(
  context: RouteContext,
  rule: BodyRule<T>,
): { readonly ok: true; readonly key: string; readonly value: T } | { readonly ok: false; readonly answer: Answer } {
  const parsed = jsonBody(context);
  if (!parsed.ok) return parsed;
  const checked = checkKeyed(rule, parsed.value, headerValue(context.request, 'idempotency-key'));
  return checked.ok ? checked : { ok: false, answer: invalid(checked.errors) };
}
