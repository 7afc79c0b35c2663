/**
 * Value-based redaction: a process-wide registry of secret values that are known right now (typed by the
 * admin, read from the keychain), and scrubbers that remove them, in the encodings they commonly travel
 * in, from anything about to leave the process as text (log lines, support bundles, crash output).
 *
 * Path- or key-based redaction alone misses a secret echoed inside a string (a vendor error body, a URL
 * query, a serialised request); matching by value catches those. Key-based dropping (redactObject) and a
 * few well-known token patterns are the other two layers.
 */
import { encodingsOf } from './redact-encodings';

export const REDACTED = '[REDACTED]';

/**
 * Values shorter than this are not registered: a 4-character PIN or "true"/"admin" would match inside
 * ordinary words, numbers and ids, blanking log lines without protecting anything (a secret that short
 * is guessable anyway). Key-based redaction still hides such values under secret-looking keys.
 */
export const MIN_SECRET_LENGTH = 6;

const registered = new Set<string>();

/**
 * Needles (every encoding of every registered secret) bucketed by their first PREFIX characters, each bucket
 * longest first. Scanning the text once and looking up only the bucket for the current position keeps
 * redaction cost proportional to the text, not to the number of secrets; a regex alternation of thousands
 * of needles was orders of magnitude slower.
 */
const PREFIX = 3;
const buckets = new Map<string, string[]>();

function index(needle: string): void {
  const key = needle.slice(0, PREFIX);
  const bucket = buckets.get(key);
  if (!bucket) buckets.set(key, [needle]);
  else if (!bucket.includes(needle)) {
    bucket.push(needle);
    bucket.sort((a, b) => b.length - a.length);
  }
}

/** Remembers `value` as a secret for the rest of the process. Returns false when it is too short to track. */
export function registerSecret(value: string): boolean {
  if (value.length < MIN_SECRET_LENGTH) return false;
  if (!registered.has(value)) {
    registered.add(value);
    for (const needle of encodingsOf(value)) index(needle);
  }
  return true;
}

export function isRegisteredSecret(value: string): boolean {
  return registered.has(value);
}

/**
 * One left-to-right pass: at each position the longest needle starting there is replaced and the scan
 * continues after it. The output is never rescanned, so "[REDACTED]" plus the text after it cannot form
 * a new match (a loop of replaceAll calls could, and could even fail to terminate).
 */
function replaceKnownSecrets(text: string): string {
  if (buckets.size === 0) return text;
  let out = '';
  let copiedUpTo = 0;
  let i = 0;
  while (i <= text.length - MIN_SECRET_LENGTH) {
    const match = buckets.get(text.slice(i, i + PREFIX))?.find((needle) => text.startsWith(needle, i));
    if (match) {
      out += text.slice(copiedUpTo, i) + REDACTED;
      i += match.length;
      copiedUpTo = i;
    } else i++;
  }
  return out + text.slice(copiedUpTo);
}

/**
 * An HTTP auth scheme and what follows it, when that looks like a credential rather than a word: 16 or more
 * token characters, or at least 8 with a digit, `+`, `/`, `=`, or a `.`/`_`/`~`/`-` inside it (a JWT, base64,
 * user:secret). So "Basic accounting info" (a Procountor right) and "basic information." stay English, while
 * a letters-only token shorter than 16 would pass: secrets we were told about are replaced by value anyway.
 */
const AUTH_SCHEME = /\b(Bearer|Basic|Digest)\s+(?=[A-Za-z0-9._~+/=-]{16}|[A-Za-z0-9._~+/=-]*(?:[0-9+/=]|[._~-][A-Za-z0-9]))[A-Za-z0-9._~+/=-]{8,}/gi;

/** Last-resort patterns for credentials we were never told about. */
const PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [AUTH_SCHEME, `$1 ${REDACTED}`],
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi, `$1${REDACTED}@`],
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, REDACTED],
];

/**
 * Replaces every registered secret (raw, URL, base64, hex, JSON-escaped) only, without the token patterns:
 * for output that may rightly carry token-shaped text that is not a secret of this process (the sandbox's
 * own demo credentials, printed by `exopen-connect sandbox`).
 */
export function redactKnownSecrets(text: string): string {
  return replaceKnownSecrets(text);
}

/** Replaces every registered secret (raw, URL, base64, hex, JSON-escaped) and token-looking text. */
export function redactText(text: string): string {
  let out = replaceKnownSecrets(text);
  for (const [regex, replacement] of PATTERNS) out = out.replace(regex, replacement);
  return out;
}

/**
 * A copy of plain data (arrays, plain objects, primitives) with every string value-redacted; keys and
 * structure are kept, nothing is dropped by key name (a Msg's `partnerKey` param is Exopen's public search
 * key). What every text main hands out passes through: bridge answers and events to the renderer, the CLI's
 * JSON. Other objects (a Date, a class instance) are returned as they are.
 */
export function redactStrings<T>(value: T): T {
  return redactStringsIn(value, new WeakSet()) as T;
}

function redactStringsIn(value: unknown, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return value;
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  const out = Array.isArray(value)
    ? value.map((item) => redactStringsIn(item, seen))
    : Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactStringsIn(item, seen)]));
  seen.delete(value);
  return out;
}

/** Normalised key names whose values are dropped whatever they contain. */
const SECRET_KEY_PARTS = [
  'password', 'passwd', 'secret', 'token', 'apikey', 'customerkey', 'partnerkey', 'privatekey',
  'authorization', 'cookie', 'signature', 'sessionid',
];

/**
 * Suffixes that make a key name describe secrets rather than hold one: `secretBackend` is where secrets live
 * ('keychain' or 'memory'), `tokenKind` a kind, `secretCount` a number. Without these the part rule above
 * blanked such fields in every log line (`"secretBackend":"[REDACTED]"`), hiding what support needs to see.
 * Only whole suffixes, and the value is still value-redacted like every string.
 */
const DESCRIPTIVE_SUFFIXES = ['backend', 'kind', 'count'];

/** True for keys like `password`, `clientSecret`, `api_key`, `X-Netvisor-Authentication-MAC`, `set-cookie`. */
export function isSecretKey(key: string): boolean {
  const normalised = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (DESCRIPTIVE_SUFFIXES.some((suffix) => normalised.endsWith(suffix) && normalised.length > suffix.length)) return false;
  // `mac` only as a whole word or suffix: `machine` or `macAddress` are not signatures.
  if (normalised === 'mac' || normalised.endsWith('mac')) return true;
  return SECRET_KEY_PARTS.some((part) => normalised.includes(part));
}

const MAX_DEPTH = 8;

export interface RedactedError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly status?: number;
  readonly stack?: string;
  readonly cause?: unknown;
}

/**
 * An error reduced to what is safe and useful: name, code, message, stack (all scrubbed), HTTP status and
 * cause. Deliberately not its other properties: an AxiosError carries `config.headers.Authorization`.
 */
export function redactError(error: Error, depth = 0): RedactedError {
  const withExtras = error as Error & { code?: unknown; status?: unknown };
  const out: { -readonly [K in keyof RedactedError]: RedactedError[K] } = {
    name: error.name,
    message: redactText(error.message),
  };
  if (typeof withExtras.code === 'string' || typeof withExtras.code === 'number') out.code = String(withExtras.code);
  if (typeof withExtras.status === 'number') out.status = withExtras.status;
  if (error.stack) out.stack = redactText(error.stack);
  if (error.cause !== undefined) out.cause = walk(error.cause, depth + 1, new WeakSet());
  return out;
}

/** A JSON-safe copy of `value` with secret-keyed values replaced and every string scrubbed. */
export function redactObject(value: unknown): unknown {
  return walk(value, 0, new WeakSet());
}

function walk(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'symbol' || typeof value === 'function') return `[${typeof value}]`;
  if (depth >= MAX_DEPTH) return '[Truncated]';
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  if (value instanceof Error) return redactError(value, depth);
  if (value instanceof URL) return redactText(value.href);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (ArrayBuffer.isView(value)) return `[binary ${value.byteLength} bytes]`;
  if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1, seen));
  if (value instanceof Map) return walk(Object.fromEntries(value), depth, seen);
  if (value instanceof Set) return walk([...value], depth, seen);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[redactText(key)] = isSecretKey(key) ? REDACTED : walk(item, depth + 1, seen);
  }
  return out;
}
