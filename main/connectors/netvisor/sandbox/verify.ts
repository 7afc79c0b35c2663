/**
 * Verifies a request the way Netvisor does: required headers, partner, API user, timestamp window, MAC
 * over the raw URL as received, TransactionId uniqueness, and access to the company in Organisation-ID.
 * Written independently of the client's signer on purpose, so a shared mistake cannot pass unnoticed.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { CompanyState, CustomerState, SimulatorState } from './state';
import { TEXTS, type Language } from './texts';

export interface Partner {
  readonly partnerId: string;
  readonly partnerKey: string;
}

export type Verdict =
  | { readonly ok: true; readonly customer: CustomerState; readonly company: CompanyState; readonly language: Language }
  | { readonly ok: false; readonly code: string; readonly text: string; readonly language: Language; readonly customer?: CustomerState };

// UNCERTAIN: Netvisor's tolerance is not published; ±5 minutes is an assumption.
export const TIMESTAMP_WINDOW_MS = 5 * 60_000;

const H = 'x-netvisor-';
const REQUIRED = ['authentication-sender', 'authentication-customerid', 'authentication-partnerid', 'authentication-timestamp', 'authentication-transactionid', 'interface-language', 'organisation-id', 'authentication-mac'];

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[`${H}${name}`];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
};

const sameHex = (a: string, b: string): boolean => {
  const left = Buffer.from(a.toLowerCase());
  const right = Buffer.from(b.toLowerCase());
  return left.length === right.length && timingSafeEqual(left, right);
};

/** `yyyy-MM-dd HH:mm:ss[.fff]` UTC → ms. */
function parseTimestamp(value: string): number | undefined {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(\.\d{1,3})?$/.exec(value);
  if (!match) return undefined;
  const ms = Date.parse(`${match[1]}T${match[2]}${match[3] ?? ''}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

interface MacParts {
  readonly url: string;
  readonly fields: ReadonlyArray<string>;
  readonly timestampUnix?: string;
  readonly customerKey: string;
  readonly partnerKey: string;
}

type Algorithm = 'HMACSHA256' | 'SHA256' | 'MD5';

/**
 * The MAC each scheme expects. HMACSHA256 (current): HMAC-SHA256 keyed `CustomerKey&PartnerKey` over the
 * fields, TimestampUnix and both keys. The legacy schemes SHA256 and MD5 hash the same `&`-joined message
 * without TimestampUnix and without a key (public clients: the official VB client and others for SHA256, a
 * Python client's `md5_hash` and its test for MD5). All are lower-case hex; comparison ignores case.
 */
function expectedMac(algorithm: Algorithm, parts: MacParts): string {
  const base = [parts.url, ...parts.fields];
  if (algorithm !== 'HMACSHA256') {
    const legacy = Buffer.from([...base, parts.customerKey, parts.partnerKey].join('&'), 'latin1');
    return createHash(algorithm === 'MD5' ? 'md5' : 'sha256').update(legacy).digest('hex');
  }
  const message = [...base, parts.timestampUnix ?? '', parts.customerKey, parts.partnerKey].join('&');
  return createHmac('sha256', Buffer.from(`${parts.customerKey}&${parts.partnerKey}`, 'latin1')).update(Buffer.from(message, 'latin1')).digest('hex');
}

/**
 * The algorithm a request names. Without the header: UNCERTAIN what Netvisor assumes; the oldest clients sent
 * none and signed with MD5, later ones with SHA256, so the MAC's length decides (32 hex digits = MD5).
 */
function algorithmOf(headers: IncomingHttpHeaders): Algorithm | undefined {
  const named = header(headers, 'authentication-machashcalculationalgorithm')?.toUpperCase();
  if (named === undefined) return header(headers, 'authentication-mac')?.length === 32 ? 'MD5' : 'SHA256';
  return named === 'HMACSHA256' || named === 'SHA256' || named === 'MD5' ? named : undefined;
}

/** URLs a confused client may have signed instead of the one it sent (proxy rewrites, encoding). */
function urlVariants(url: string): string[] {
  const parsed = new URL(url);
  const withoutQuery = `${parsed.origin}${parsed.pathname}`;
  const otherScheme = url.replace(/^http:/, 'https:');
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch (error) {
    if (!(error instanceof URIError)) throw error;
  }
  return [withoutQuery, otherScheme, decoded].filter((variant) => variant !== url);
}

export function verify(headers: IncomingHttpHeaders, rawUrl: string, state: SimulatorState, partner: Partner, now: () => number): Verdict {
  const languageHeader = header(headers, 'interface-language')?.toUpperCase();
  const language: Language = languageHeader === 'EN' || languageHeader === 'SE' ? languageHeader : 'FI';
  const fail = (code: string, text: string, customer?: CustomerState): Verdict => ({ ok: false, code, text, language, ...(customer ? { customer } : {}) });

  const missing = REQUIRED.find((name) => header(headers, name) === undefined);
  if (missing) return fail('AUTHENTICATION_FAILED', TEXTS.missingHeader(language, `X-Netvisor-${missing}`));
  if (!['FI', 'EN', 'SE'].includes(languageHeader ?? '')) return fail('AUTHENTICATION_FAILED', TEXTS.missingHeader(language, 'X-Netvisor-Interface-Language'));
  const algorithm = algorithmOf(headers);
  if (!algorithm) return fail('AUTHENTICATION_FAILED', TEXTS.missingHeader(language, 'X-Netvisor-Authentication-MACHashCalculationAlgorithm'));
  const timestampUnix = header(headers, 'authentication-timestampunix');
  if (algorithm === 'HMACSHA256' && !/^\d{9,11}$/.test(timestampUnix ?? '')) return fail('AUTHENTICATION_FAILED', TEXTS.missingHeader(language, 'X-Netvisor-Authentication-TimestampUnix'));

  const customerId = header(headers, 'authentication-customerid')!;
  const customer = state.customers.get(customerId);
  if (header(headers, 'authentication-partnerid') !== partner.partnerId || customer?.partnerKnown === false) {
    return fail('AUTHENTICATION_FAILED', TEXTS.unknownPartner(), customer);
  }
  if (!customer) return fail('AUTHENTICATION_FAILED', TEXTS.wrongKeys(language));

  // Every time stamp the request carries must be fresh: Timestamp always, TimestampUnix too with HMACSHA256.
  // Checking only one would let a replay keep a stale Timestamp (it is signed, but never looked at).
  const timestamp = header(headers, 'authentication-timestamp')!;
  const stamps = [parseTimestamp(timestamp), ...(algorithm === 'HMACSHA256' ? [Number(timestampUnix) * 1000] : [])];
  const serverNow = now() + customer.clockOffsetMs;
  if (stamps.some((sentAt) => sentAt === undefined || Math.abs(serverNow - sentAt) > TIMESTAMP_WINDOW_MS)) {
    return fail('AUTHENTICATION_FAILED', TEXTS.timestamp(language), customer);
  }

  const transactionId = header(headers, 'authentication-transactionid')!;
  const organisationId = header(headers, 'organisation-id')!;
  const fields = [header(headers, 'authentication-sender')!, customerId, timestamp, languageHeader!, organisationId, transactionId];
  const parts = { url: rawUrl, fields, ...(timestampUnix ? { timestampUnix } : {}), customerKey: customer.customerKey, partnerKey: partner.partnerKey };
  const mac = header(headers, 'authentication-mac')!;
  if (!sameHex(mac, expectedMac(algorithm, parts))) {
    const signedOtherUrl = urlVariants(rawUrl).some((url) => sameHex(mac, expectedMac(algorithm, { ...parts, url })));
    if (!signedOtherUrl) return fail('AUTHENTICATION_FAILED', TEXTS.wrongKeys(language), customer);
    const echoed = [rawUrl, ...fields, 'YOUR_PRIVATE_KEY_HERE'].join('&');
    return fail('AUTHENTICATION_FAILED', TEXTS.uriMismatch(language, echoed, expectedMac(algorithm, parts).toUpperCase()), customer);
  }
  if (!state.rememberTransaction(partner.partnerId, transactionId)) return fail('REQUEST_NOT_UNIQUE', TEXTS.notUnique(language), customer);

  const company = customer.companies.get(organisationId.trim());
  if (!company) return fail('AUTHENTICATION_FAILED', TEXTS.noCompany(language, organisationId), customer);
  return { ok: true, customer, company, language };
}
