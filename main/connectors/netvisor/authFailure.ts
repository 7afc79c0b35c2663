/**
 * AUTHENTICATION_FAILED covers wrong keys, an unknown partner, a bad MAC, a rejected timestamp and (probably)
 * a user without rights to the company. The code alone cannot tell them apart; the server's Date header and
 * the free text can. UNCERTAIN: the texts below are the ones seen in public fixtures (the Finnish partner
 * message, the test server's URI/MAC echo) plus the simulator's own; the fallback is "wrong keys".
 */
import type { NetvisorApiError } from './errors';

export type AuthFailure =
  | { readonly kind: 'unknown-partner' }
  | { readonly kind: 'clock-skew'; readonly minutes: number; readonly direction: 'behind' | 'ahead' }
  /** The server blamed the timestamp but sent no usable Date header to measure the skew. */
  | { readonly kind: 'timestamp' }
  | { readonly kind: 'mac-url' }
  | { readonly kind: 'no-company' }
  | { readonly kind: 'wrong-keys' };

/** Beyond this the timestamp, not the keys, is the likely culprit (Netvisor's own window is unpublished). */
export const CLOCK_SKEW_LIMIT_MS = 2 * 60_000;

const UNKNOWN_PARTNER = /integraatiokumppan|partner (?:was )?not found|unknown partner/i;
const MAC_OR_URL = /URI-metodi|\bURI\b|MAC-tiiviste|\bMAC\b|laskentaan merkkijonoa|calculation/i;
const TIMESTAMP = /timestamp|aikaleima|tidsstämpel/i;
const NO_COMPANY = /organi[sz]ation|yritykseen|yritystä|company/i;

/** Our clock minus the server's, from the answer's Date header; undefined when the header was missing. */
export function clockSkewMs(error: NetvisorApiError): number | undefined {
  return error.serverTime ? error.serverTime.localMs - error.serverTime.serverMs : undefined;
}

export function classifyAuthFailure(error: NetvisorApiError): AuthFailure {
  if (UNKNOWN_PARTNER.test(error.text)) return { kind: 'unknown-partner' };
  const skew = clockSkewMs(error);
  if (skew !== undefined && Math.abs(skew) >= CLOCK_SKEW_LIMIT_MS) {
    return { kind: 'clock-skew', minutes: Math.round(Math.abs(skew) / 60_000), direction: skew < 0 ? 'behind' : 'ahead' };
  }
  if (TIMESTAMP.test(error.text)) return { kind: 'timestamp' };
  if (MAC_OR_URL.test(error.text)) return { kind: 'mac-url' };
  if (NO_COMPANY.test(error.text)) return { kind: 'no-company' };
  return { kind: 'wrong-keys' };
}
