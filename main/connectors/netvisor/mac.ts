/**
 * Netvisor request signatures. The customer key and the partner key are never sent; they only enter the MAC,
 * which the server recomputes from the headers and the exact URL it received.
 */
import { createHash, createHmac } from 'node:crypto';

export interface MacInput {
  /** The full URL as sent: scheme, host, path and query string. */
  readonly url: string;
  readonly sender: string;
  readonly customerId: string;
  /** The Timestamp header, `yyyy-MM-dd HH:mm:ss.fff` UTC. */
  readonly timestamp: string;
  readonly language: string;
  readonly organisationId: string;
  readonly transactionId: string;
  /** The TimestampUnix header (epoch seconds). */
  readonly timestampUnix: string;
  readonly customerKey: string;
  readonly partnerKey: string;
}

/** What a signer receives: the partner key stays with the signer (locally or at the Exopen broker). */
export type MacInputWithoutPartnerKey = Omit<MacInput, 'partnerKey'>;

// Both schemes hash latin1 bytes (the clients we follow agree); ISO-8859-15 differs only in a handful of
// characters such as €, which never occur in IDs, keys or our URLs. UNCERTAIN which one Netvisor uses.
const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');

/** HMACSHA256, the current scheme: key `CustomerKey&PartnerKey`, lowercase hex. */
export function hmacSha256Mac(input: MacInput): string {
  const message = [
    input.url,
    input.sender,
    input.customerId,
    input.timestamp,
    input.language,
    input.organisationId,
    input.transactionId,
    input.timestampUnix,
    input.customerKey,
    input.partnerKey,
  ].join('&');
  return createHmac('sha256', latin1(`${input.customerKey}&${input.partnerKey}`)).update(latin1(message)).digest('hex');
}

/** The legacy plain SHA256 scheme (no TimestampUnix, no HMAC key), still accepted by older setups. */
export function legacySha256Mac(input: Omit<MacInput, 'timestampUnix'>): string {
  const message = [
    input.url,
    input.sender,
    input.customerId,
    input.timestamp,
    input.language,
    input.organisationId,
    input.transactionId,
    input.customerKey,
    input.partnerKey,
  ].join('&');
  return createHash('sha256').update(latin1(message)).digest('hex');
}
