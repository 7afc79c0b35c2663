/**
 * The SecretStore against a real Secret Service: gnome-keyring in the private D-Bus session that
 * scripts/with-keyring.sh starts. Proves keytar is built for this Node, the probe passes, and values come
 * back exactly as stored.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SecretStore } from '../../main/platform/ports';
import { openSecretStore, SERVICE_NAME } from '../../main/platform/secrets';
import { canary } from '../unit/platform/support/canary';
import { requireTestKeyring } from './support/keyring-session';

// One prefix per run, so reruns in the same keyring never see each other's entries.
const prefix = `it-${randomBytes(4).toString('hex')}:`;
let store: SecretStore;

beforeAll(async () => {
  requireTestKeyring();
  store = await openSecretStore({ service: SERVICE_NAME });
});

afterAll(async () => {
  if (!store) return;
  for (const account of await store.list(prefix)) await store.delete(account);
});

describe('keychain secret store', () => {
  it('is backed by the keychain', () => {
    expect(store.backend).toEqual({ kind: 'keychain' });
  });

  it('round-trips and overwrites a value', async () => {
    const first = canary();
    await store.set(`${prefix}draft:1:customerKey`, first);
    expect(await store.get(`${prefix}draft:1:customerKey`)).toBe(first);
    const second = canary();
    await store.set(`${prefix}draft:1:customerKey`, second);
    expect(await store.get(`${prefix}draft:1:customerKey`)).toBe(second);
    expect(await store.get(`${prefix}draft:1:never-set`)).toBeUndefined();
  });

  it('lists account names by prefix, and only names', async () => {
    await store.set(`${prefix}draft:2:a`, canary());
    await store.set(`${prefix}draft:2:b`, canary());
    await store.set(`${prefix}draft:3:a`, canary());
    expect(await store.list(`${prefix}draft:2:`)).toEqual([`${prefix}draft:2:a`, `${prefix}draft:2:b`]);
    expect(await store.list(`${prefix}draft:9:`)).toEqual([]);
  });

  it('deletes', async () => {
    await store.set(`${prefix}draft:4:a`, canary());
    expect(await store.delete(`${prefix}draft:4:a`)).toBe(true);
    expect(await store.get(`${prefix}draft:4:a`)).toBeUndefined();
    expect(await store.delete(`${prefix}draft:4:a`)).toBe(false);
    expect(await store.list(`${prefix}draft:4:`)).toEqual([]);
  });

  it('keeps unicode and long values intact', async () => {
    const values = {
      unicode: 'pässwörd-🔑-密码-ключ-\u200b-"quoted"\\back',
      contractMax: randomBytes(3072).toString('base64'),
      large: 'x'.repeat(65_536),
      unicodeAccount: canary(),
    };
    await store.set(`${prefix}unicode`, values.unicode);
    await store.set(`${prefix}contract-max`, values.contractMax);
    await store.set(`${prefix}large`, values.large);
    await store.set(`${prefix}tili-ä-🔑`, values.unicodeAccount);
    expect(values.contractMax).toHaveLength(4096);
    expect(await store.get(`${prefix}unicode`)).toBe(values.unicode);
    expect(await store.get(`${prefix}contract-max`)).toBe(values.contractMax);
    expect(await store.get(`${prefix}large`)).toBe(values.large);
    expect(await store.get(`${prefix}tili-ä-🔑`)).toBe(values.unicodeAccount);
  });

  it('refuses a value with a NUL instead of letting libsecret truncate it', async () => {
    await expect(store.set(`${prefix}nul`, 'before\u0000after')).rejects.toMatchObject({ code: 'E_SECRET_VALUE' });
    expect(await store.get(`${prefix}nul`)).toBeUndefined();
  });

  it('is the same keychain for a second store instance (a restart)', async () => {
    const value = canary();
    await store.set(`${prefix}restart`, value);
    const reopened = await openSecretStore({ service: SERVICE_NAME });
    expect(reopened.backend.kind).toBe('keychain');
    expect(await reopened.get(`${prefix}restart`)).toBe(value);
  });
});
