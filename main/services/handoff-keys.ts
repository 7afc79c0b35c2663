/**
 * Idempotency keys of the hand-off: derived, never random, so a repeat after a lost answer or a restart
 * sends the very same key and the backend answers the first outcome instead of acting twice.
 */
import { createHash } from 'node:crypto';
import type { DataSourceConfig } from '../connectors/types';

/** A UUID-shaped key that is the same for the same draft and configuration (secrets included, hashed). */
export function idempotencyKey(draftId: string, config: DataSourceConfig): string {
  return uuidFromHash(createHash('sha256').update(draftId).update('\0').update(JSON.stringify(config)).digest('hex'));
}

/** Formats 128 bits of a hex digest as a UUID (the shape the backend's Idempotency-Key expects). */
export const uuidFromHash = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
