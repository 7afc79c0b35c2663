/** The hand-off's idempotency key: stable for the same draft and configuration, new when a secret changes. */
import { describe, expect, it } from 'vitest';
import type { DataSourceConfig } from '../../../main/connectors/types';
import { idempotencyKey } from '../../../main/services/handoff';

const config: DataSourceConfig = {
  system: 'netvisor',
  displayName: 'Esimerkki Oy',
  settings: { businessId: '1618033-3', customerId: 'api-user', environment: 'sandbox', baseUrl: 'http://127.0.0.1:1' },
  secrets: { customerKey: 'key-one-abcdef' },
  companies: [{ id: '1618033-3', name: 'Esimerkki Oy' }],
};

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('idempotencyKey', () => {
  it('is the same for the same draft and configuration', () => {
    expect(idempotencyKey('draft-1234', config)).toBe(idempotencyKey('draft-1234', structuredClone(config)));
  });

  it('is UUID-shaped', () => {
    expect(idempotencyKey('draft-1234', config)).toMatch(UUID_SHAPE);
  });

  it('changes when a secret, a setting, the companies or the draft change', () => {
    const base = idempotencyKey('draft-1234', config);
    const variants = [
      idempotencyKey('draft-1234', { ...config, secrets: { customerKey: 'key-two-abcdef' } }),
      idempotencyKey('draft-1234', { ...config, settings: { ...config.settings, customerId: 'other' } }),
      idempotencyKey('draft-1234', { ...config, companies: [] }),
      idempotencyKey('draft-5678', config),
    ];
    for (const variant of variants) expect(variant).not.toBe(base);
    expect(new Set(variants).size).toBe(variants.length);
  });

  it('does not contain the secret', () => {
    expect(idempotencyKey('draft-1234', config)).not.toContain('key-one');
  });
});
