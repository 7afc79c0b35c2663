/**
 * Finnish Business ID (Y-tunnus): seven digits, a hyphen and a modulo-11 check digit. Netvisor selects the
 * company by this value (X-Netvisor-Organisation-ID), so a typo here looks like "no such company" later;
 * catching it while the user types saves a confusing round trip.
 */
import { msg, type Msg } from '../types';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2] as const;

export type BusinessIdResult =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly problem: 'format'; readonly input: string }
  | { readonly ok: false; readonly problem: 'check-digit'; readonly digits: string; readonly given: number; readonly expected: number }
  /** r = 1 gives no valid check digit, so no ID with these seven digits was ever issued. */
  | { readonly ok: false; readonly problem: 'never-issued'; readonly digits: string };

/** The check digit for seven digits, or null when the digits can never carry one (remainder 1). */
export function checkDigitFor(digits: string): number | null {
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) sum += Number(digits[i]) * (WEIGHTS[i] ?? 0);
  const remainder = sum % 11;
  if (remainder === 0) return 0;
  if (remainder === 1) return null;
  return 11 - remainder;
}

/**
 * Accepts `1234567-8`, `12345678`, `FI12345678` (the VAT form) and the legacy six-digit `123456-7`
 * (left-padded with 0). Whitespace anywhere is ignored because IDs are often pasted with spaces.
 */
export function parseBusinessId(raw: string): BusinessIdResult {
  const compact = raw.replace(/\s+/g, '');
  const match = /^(?:FI)?(\d{7})-?(\d)$/i.exec(compact) ?? /^(\d{6})-(\d)$/.exec(compact);
  if (!match || !match[1] || !match[2]) return { ok: false, problem: 'format', input: raw.trim() };
  const digits = match[1].padStart(7, '0');
  const given = Number(match[2]);
  const expected = checkDigitFor(digits);
  if (expected === null) return { ok: false, problem: 'never-issued', digits };
  if (expected !== given) return { ok: false, problem: 'check-digit', digits, given, expected };
  return { ok: true, value: `${digits}-${given}` };
}

/** Explains exactly what is wrong, e.g. "the check digit should be 8 for 1967543". */
export function businessIdProblem(result: Exclude<BusinessIdResult, { ok: true }>): Msg {
  switch (result.problem) {
    case 'format':
      return msg('netvisor:businessId.format', { value: result.input });
    case 'check-digit':
      return msg('netvisor:businessId.checkDigit', { digits: result.digits, expected: result.expected, given: result.given });
    case 'never-issued':
      return msg('netvisor:businessId.neverIssued', { digits: result.digits });
  }
}
