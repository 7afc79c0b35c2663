/**
 * Value-based scrubbing of whole structures with the process-wide redactor (platform/redact.ts), counting
 * what it replaced. Deliberately not redactObject: that also drops values under secret-looking keys, and a
 * Msg's params use keys like `partnerKey` for Exopen's public partner *search* key, which a fix must keep.
 *
 * Two strengths. Text that came from outside (the vendor's words, recorded URLs) gets everything redactText
 * does. Our own texts and their params get the same minus the auth-scheme pattern: that pattern reads any
 * "Basic <word of 8+ letters>" as HTTP credentials, and Procountor's right "Management › Basic accounting
 * info" or Netvisor's "the company's basic information" would come out as "Basic [REDACTED]". Registered
 * secret values, JWTs and credentials in URLs are still replaced everywhere, and the bundle's final scan
 * does not depend on either.
 */
import { REDACTED, redactText } from '../platform/redact';

export interface ScrubCount {
  values: number;
}

const SCHEME_WORD = /\b(Bearer|Basic|Digest)(?=\s)/gi;
// A private-use character never found in our texts: it splits "Basic" from the following space for the
// duration of one redactText call, so only the auth-scheme pattern stops matching.
const GUARD = '\uE000';

/** redactText for our own texts: registered secrets, JWTs and URL credentials, not the auth-scheme pattern. */
export function redactOwnText(text: string): string {
  if (!SCHEME_WORD.test(text)) return redactText(text);
  SCHEME_WORD.lastIndex = 0;
  return redactText(text.replace(SCHEME_WORD, `$1${GUARD}`)).split(GUARD).join('');
}

/** Keys whose whole subtree is text from outside: the vendor's words and the recorded requests. */
const FOREIGN = new Set(['vendor', 'timeline']);

const markers = (text: string): number => text.split(REDACTED).length - 1;

function walk(value: unknown, count: ScrubCount, foreign: boolean): unknown {
  if (typeof value === 'string') {
    const out = foreign ? redactText(value) : redactOwnText(value);
    count.values += Math.max(0, markers(out) - markers(value));
    return out;
  }
  if (Array.isArray(value)) return value.map((item) => walk(item, count, foreign));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item, count, foreign || FOREIGN.has(key))]));
  return value;
}

/** A copy of `value` (plain JSON-like data) with every registered secret and token-looking text replaced. */
export function scrubStrings<T>(value: T, count: ScrubCount): T {
  return walk(value, count, false) as T;
}
