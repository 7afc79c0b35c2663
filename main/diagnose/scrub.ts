/**
 * Value-based scrubbing of whole structures with the process-wide redactor (platform/redact.ts), counting
 * what it replaced. Deliberately not redactObject: that also drops values under secret-looking keys, and a
 * Msg's params use keys like `partnerKey` for Exopen's public partner *search* key, which a fix must keep.
 * The same redactor serves our texts and the vendor's: its auth-scheme pattern reads "Basic accounting
 * info" (a Procountor right) as English, not as HTTP credentials. The bundle's final scan does not depend
 * on any of this.
 */
import { REDACTED, redactText } from '../platform/redact';

export interface ScrubCount {
  values: number;
}

const markers = (text: string): number => text.split(REDACTED).length - 1;

function walk(value: unknown, count: ScrubCount): unknown {
  if (typeof value === 'string') {
    const out = redactText(value);
    count.values += Math.max(0, markers(out) - markers(value));
    return out;
  }
  if (Array.isArray(value)) return value.map((item) => walk(item, count));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item, count)]));
  return value;
}

/** A copy of `value` (plain JSON-like data) with every registered secret and token-looking text replaced. */
export function scrubStrings<T>(value: T, count: ScrubCount): T {
  return walk(value, count) as T;
}
