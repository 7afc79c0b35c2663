import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeytarSecretStore, SecretStoreError, type KeytarApi } from '../../../main/platform/keytar';
import { isRegisteredSecret } from '../../../main/platform/redact';
import {
  MemorySecretStore,
  openSecretStore,
  REASON_KEYCHAIN_LOCKED,
  REASON_KEYCHAIN_NOT_ANSWERING,
  REASON_NO_KEYCHAIN,
  REASON_NO_KEYCHAIN_MODULE,
} from '../../../main/platform/secrets';
import { canary } from './support/canary';

// The logger is not configured here, so its warnings go to stderr; capture them instead of printing.
let stderr: string[] = [];
beforeEach(() => {
  stderr = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** An in-memory keytar with switches for the ways the real one fails. */
function fakeKeytar(behaviour: { fail?: Error; hang?: boolean; readBack?: string } = {}) {
  const entries = new Map<string, string>();
  const calls: string[] = [];
  const key = (service: string, account: string) => `${service}\u0000${account}`;
  const gate = async () => {
    if (behaviour.hang) await new Promise<never>(() => undefined);
    if (behaviour.fail) throw behaviour.fail;
  };
  const api: KeytarApi = {
    async getPassword(service, account) {
      calls.push(`get ${account}`);
      await gate();
      return behaviour.readBack ?? entries.get(key(service, account)) ?? null;
    },
    async setPassword(service, account, password) {
      calls.push(`set ${account}`);
      await gate();
      entries.set(key(service, account), password);
    },
    async deletePassword(service, account) {
      calls.push(`delete ${account}`);
      await gate();
      return entries.delete(key(service, account));
    },
    async findCredentials(service) {
      calls.push('find');
      await gate();
      return [...entries].filter(([k]) => k.startsWith(`${service}\u0000`)).map(([k, password]) => ({ account: k.split('\u0000')[1] ?? '', password }));
    },
  };
  return { api, entries, calls };
}

const open = (keytar: KeytarApi | Error, extra: { probe?: boolean } = {}) =>
  openSecretStore({
    service: 'exopen-connect-test',
    probeTimeoutMs: 50,
    loadKeytar: async () => {
      if (keytar instanceof Error) throw new SecretStoreError('E_KEYCHAIN_UNAVAILABLE', 'no module', { cause: keytar });
      return keytar;
    },
    ...extra,
  });

describe('openSecretStore', () => {
  it('uses the keychain when the probe round-trips, and leaves no probe entry behind', async () => {
    const keytar = fakeKeytar();
    const store = await open(keytar.api);
    expect(store.backend).toEqual({ kind: 'keychain' });
    expect(keytar.calls.map((call) => call.split(' ')[0])).toEqual(['set', 'get', 'delete']);
    expect(keytar.entries.size).toBe(0);
  });

  it('falls back to session memory when the native module does not load', async () => {
    const store = await open(new Error('Cannot find module keytar.node'));
    expect(store.backend).toEqual({ kind: 'memory', reason: REASON_NO_KEYCHAIN_MODULE });
  });

  it('falls back to session memory when there is no Secret Service (keytar throws)', async () => {
    const store = await open(fakeKeytar({ fail: new Error('Cannot autolaunch D-Bus without X11 $DISPLAY') }).api);
    expect(store.backend).toEqual({ kind: 'memory', reason: REASON_NO_KEYCHAIN });
  });

  it('says a locked keyring is locked, with the fix, not "no keychain" (libsecret\'s own text)', async () => {
    // The text gnome-keyring 42 / libsecret 0.20 give keytar when the login collection is locked and no
    // unlock prompt can open (seen for real in tests/integration/damaged-disk.test.ts).
    const store = await open(fakeKeytar({ fail: new Error('Cannot create an item in a locked collection') }).api);
    expect(store.backend).toEqual({ kind: 'memory', reason: REASON_KEYCHAIN_LOCKED, locked: true });
    expect(REASON_KEYCHAIN_LOCKED).toContain('unlock it (log out and in again');
  });

  it('a keyring locked after start: the call fails with E_KEYCHAIN_LOCKED and the fix', async () => {
    const store = new KeytarSecretStore(fakeKeytar({ fail: new Error('Cannot create an item in a locked collection') }).api, 'svc');
    await expect(store.set('draft/x/customerKey', canary())).rejects.toMatchObject({ code: 'E_KEYCHAIN_LOCKED', message: expect.stringContaining('The keyring is locked: unlock your keyring') });
  });

  it('falls back to session memory when the keychain never answers (locked, waiting for a prompt)', async () => {
    const store = await open(fakeKeytar({ hang: true }).api);
    expect(store.backend).toEqual({ kind: 'memory', reason: REASON_KEYCHAIN_NOT_ANSWERING });
    expect(stderr.join('')).toContain('E_KEYCHAIN_TIMEOUT');
  });

  it('falls back when the keychain returns something other than what was stored', async () => {
    const store = await open(fakeKeytar({ readBack: 'something-else' }).api);
    expect(store.backend.kind).toBe('memory');
  });

  it('skips the probe when asked', async () => {
    const keytar = fakeKeytar();
    const store = await open(keytar.api, { probe: false });
    expect(store.backend.kind).toBe('keychain');
    expect(keytar.calls).toEqual([]);
  });

  it('memory fallback works for the session', async () => {
    const store = await open(new Error('no module'));
    const secret = canary();
    await store.set('draft:1:apiKey', secret);
    expect(await store.get('draft:1:apiKey')).toBe(secret);
    expect(await store.list('draft:1:')).toEqual(['draft:1:apiKey']);
    expect(isRegisteredSecret(secret)).toBe(true);
  });
});

describe('KeytarSecretStore', () => {
  it('round-trips, lists names by prefix (never values, never probe entries) and deletes', async () => {
    const keytar = fakeKeytar();
    keytar.entries.set('svc\u0000__probe__:left-over', 'x'.repeat(10));
    const store = new KeytarSecretStore(keytar.api, 'svc');
    const secret = canary();
    await store.set('draft:a:apiKey', secret);
    await store.set('draft:a:password', canary());
    await store.set('draft:b:apiKey', canary());
    expect(await store.get('draft:a:apiKey')).toBe(secret);
    expect(await store.get('draft:a:missing')).toBeUndefined();
    expect(await store.list('draft:a:')).toEqual(['draft:a:apiKey', 'draft:a:password']);
    expect(await store.list('')).toEqual(['draft:a:apiKey', 'draft:a:password', 'draft:b:apiKey']);
    expect(await store.delete('draft:a:apiKey')).toBe(true);
    expect(await store.delete('draft:a:apiKey')).toBe(false);
  });

  it('registers values it reads, so logs can scrub secrets stored by an earlier session', async () => {
    const keytar = fakeKeytar();
    const stored = canary('earlier');
    const listed = canary('listed');
    keytar.entries.set('svc\u0000old', stored);
    keytar.entries.set('svc\u0000other', listed);
    const store = new KeytarSecretStore(keytar.api, 'svc');
    await store.get('old');
    expect(isRegisteredSecret(stored)).toBe(true);
    await store.list('');
    expect(isRegisteredSecret(listed)).toBe(true);
  });

  it('wraps keychain failures in typed errors', async () => {
    const failing = new KeytarSecretStore(fakeKeytar({ fail: new Error('Object does not exist') }).api, 'svc');
    await expect(failing.get('a')).rejects.toMatchObject({ name: 'SecretStoreError', code: 'E_KEYCHAIN' });
    const hanging = new KeytarSecretStore(fakeKeytar({ hang: true }).api, 'svc', 20);
    await expect(hanging.set('a', canary())).rejects.toMatchObject({ code: 'E_KEYCHAIN_TIMEOUT' });
  });

  it('refuses values the keychain would truncate or reject, in both stores alike', async () => {
    const keytar = fakeKeytar();
    for (const store of [new KeytarSecretStore(keytar.api, 'svc'), new MemorySecretStore('test')]) {
      await expect(store.set('a', 'before\u0000after')).rejects.toMatchObject({ code: 'E_SECRET_VALUE' });
      await expect(store.set('a', '')).rejects.toMatchObject({ code: 'E_SECRET_VALUE' });
    }
    expect(keytar.calls).toEqual([]);
  });
});

describe('MemorySecretStore', () => {
  it('keeps values in this process only and says why', async () => {
    const store = new MemorySecretStore('no keychain here');
    expect(store.backend).toEqual({ kind: 'memory', reason: 'no keychain here' });
    await store.set('x:1', 'value-one');
    expect(await store.get('x:1')).toBe('value-one');
    expect(await store.delete('x:1')).toBe(true);
    expect(await store.get('x:1')).toBeUndefined();
  });
});
