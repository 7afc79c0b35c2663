/**
 * The authentication headers of one Netvisor request. Built when the request actually leaves the queue, so
 * the timestamp is fresh even after waiting behind another request of the same customer.
 */
import { randomBytes } from 'node:crypto';
import type { Signer } from './signer';

/** Identifies this integration to Netvisor support (X-Netvisor-Authentication-Sender). */
export const SENDER = 'Exopen Connect';
/** Language of Netvisor's error texts. */
export const LANGUAGE = 'EN';

export interface Identity {
  readonly customerId: string;
  readonly customerKey: string;
  /** The company's Business ID in NNNNNNN-N form. */
  readonly organisationId: string;
  readonly signer: Signer;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** `yyyy-MM-dd HH:mm:ss.fff` in UTC, the format Netvisor calls ANSI. */
export function formatTimestamp(ms: number): string {
  const d = new Date(ms);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`
  );
}

/** 128 random bits as hex: Netvisor rejects a TransactionId it has seen before (REQUEST_NOT_UNIQUE). */
export const newTransactionId = (): string => randomBytes(16).toString('hex');

export async function authHeaders(
  url: string,
  identity: Identity,
  nowMs: number,
  transactionId: string = newTransactionId(),
): Promise<Record<string, string>> {
  const timestamp = formatTimestamp(nowMs);
  const timestampUnix = String(Math.floor(nowMs / 1000));
  const mac = await identity.signer.sign({
    url,
    sender: SENDER,
    customerId: identity.customerId,
    timestamp,
    language: LANGUAGE,
    organisationId: identity.organisationId,
    transactionId,
    timestampUnix,
    customerKey: identity.customerKey,
  });
  return {
    'X-Netvisor-Authentication-Sender': SENDER,
    'X-Netvisor-Authentication-CustomerId': identity.customerId,
    'X-Netvisor-Authentication-PartnerId': identity.signer.partnerId,
    'X-Netvisor-Authentication-Timestamp': timestamp,
    'X-Netvisor-Authentication-TimestampUnix': timestampUnix,
    'X-Netvisor-Authentication-TransactionId': transactionId,
    'X-Netvisor-Interface-Language': LANGUAGE,
    'X-Netvisor-Organisation-ID': identity.organisationId,
    'X-Netvisor-Authentication-MAC': mac,
    'X-Netvisor-Authentication-MACHashCalculationAlgorithm': 'HMACSHA256',
    'X-Netvisor-Authentication-UseHTTPResponseStatusCodes': '1',
  };
}
