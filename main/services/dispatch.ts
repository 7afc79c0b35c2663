/**
 * The one call path behind every host's bridge: look the call up in the contract, validate the payload
 * with the contract's zod schema, run the handler and wrap the outcome in an Envelope. Electron IPC
 * (ipc.ts) and the web host both go through `dispatchCall`, so a call is validated and answered the same
 * way whichever transport carried it. Every answer, value and error alike, passes the value redactor
 * (platform/redact.ts) on its way out. Electron-free on purpose.
 */
import type { z } from 'zod';
import { contract, isErrorCode, type BridgeError, type Envelope, type FieldError, type Handlers, type InvokeName } from '../../preload/contract';
import { redactStrings } from '../platform/redact';

/** The slice of the logger the dispatcher needs; the platform logger (which redacts) satisfies it. */
export interface DispatchLog {
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const MAX_MESSAGE = 500;
const GENERIC_MESSAGE = 'Something went wrong inside the assistant. The details are in the log.';

export function isInvokeName(name: string): name is InvokeName {
  return Object.hasOwn(contract.invoke, name);
}

export async function dispatchCall(handlers: Handlers, name: string, payload: unknown, log: DispatchLog): Promise<Envelope<unknown>> {
  if (!isInvokeName(name)) {
    log.warn('bridge call to an unknown name refused', { call: name.slice(0, 100) });
    return failure({ code: 'E_UNKNOWN_CALL', message: 'The assistant has no such call.' });
  }
  const schema: z.ZodType = contract.invoke[name].input;
  const parsed = schema.safeParse(payload ?? {});
  if (!parsed.success) {
    // Paths and zod's own wording only: the rejected values may be secrets (secrets.put carries one).
    const fields = describeIssues(parsed.error.issues);
    log.warn('bridge call with invalid input refused', { call: name, fields });
    return failure({ code: 'E_BAD_INPUT', message: `Invalid input for ${name}: ${fields.join('; ')}` });
  }
  const handler = handlers[name] as (input: unknown) => Promise<unknown>;
  try {
    // Every text the renderer gets is value-redacted (a vendor's echo of a secret in a check result).
    return { ok: true, value: redactStrings(await handler(parsed.data)) };
  } catch (error) {
    const bridgeError = toBridgeError(error);
    if (bridgeError.code === 'E_INTERNAL') log.error('bridge call failed', { call: name, error });
    else log.warn('bridge call answered with an error', { call: name, code: bridgeError.code });
    return failure(bridgeError);
  }
}

/** "fields.x: Invalid input: expected string" — one entry per issue, named by its path. */
export function describeIssues(issues: ReadonlyArray<{ readonly path: ReadonlyArray<PropertyKey>; readonly message: string }>): string[] {
  return issues.map((issue) => `${issue.path.length ? issue.path.map(String).join('.') : '(input)'}: ${issue.message}`);
}

/**
 * What the renderer may learn about a thrown value: a typed error's code, message and field errors; else
 * nothing. Only codes of the contract's ERROR_CODES pass through (AppError and the other typed errors of
 * main). Any other string `code` (Node's ENOENT, axios' ERR_BAD_REQUEST, a vendor code, or one of
 * INTERNAL_ERROR_CODES such as a connector's E_VENDOR_API) is an internal failure: its message may hold
 * paths, URLs or a vendor's words, so it is logged in main and never shown to the renderer.
 */
export function toBridgeError(error: unknown): BridgeError {
  const candidate = error as { code?: unknown; message?: unknown; fieldErrors?: unknown } | null | undefined;
  const code = candidate?.code;
  if (!(error instanceof Error) || !isErrorCode(code)) {
    return { code: 'E_INTERNAL', message: GENERIC_MESSAGE };
  }
  const fieldErrors = toFieldErrors(candidate?.fieldErrors);
  return {
    code,
    message: error.message.slice(0, MAX_MESSAGE),
    ...(fieldErrors.length ? { fieldErrors } : {}),
  };
}

/** Copies only well-formed field errors, field by field, so nothing else rides along to the renderer. */
function toFieldErrors(raw: unknown): FieldError[] {
  if (!Array.isArray(raw)) return [];
  const result: FieldError[] = [];
  for (const item of raw as unknown[]) {
    const entry = item as { field?: unknown; message?: { key?: unknown; params?: unknown } } | null;
    if (typeof entry?.field !== 'string' || typeof entry.message?.key !== 'string') continue;
    const params = toParams(entry.message.params);
    result.push({ field: entry.field, message: params ? { key: entry.message.key, params } : { key: entry.message.key } });
  }
  return result;
}

function toParams(raw: unknown): Record<string, string | number> | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(raw)) if (typeof value === 'string' || typeof value === 'number') params[key] = value;
  return params;
}

const failure = (error: BridgeError): Envelope<unknown> => ({ ok: false, error: redactStrings(error) });
