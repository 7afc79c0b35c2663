import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerSecret } from '../../../main/platform/redact';
import { createDraftStore, DraftCorruptError, salvageDraftId } from '../../../main/services/drafts';
import { canary, countFiles, findLeaks, tempDir } from './support/canary';

beforeEach(() => {
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
});

const SECRET_FIELDS = new Set(['customerKey', 'password']);
const openStore = (dataDir: string) => createDraftStore({ dataDir, secretFieldsOf: () => SECRET_FIELDS });
const draftFile = (dataDir: string) => path.join(dataDir, 'drafts', 'current.json');

describe('draft store', () => {
  it('has no draft until one is started; a started draft is at the prepare step', async () => {
    const store = openStore(await tempDir());
    expect(await store.current()).toBeNull();
    const draft = await store.start('netvisor');
    expect(draft).toMatchObject({ system: 'netvisor', step: 'prepare', fields: {}, selectedCompanies: [] });
    expect(draft.id).toMatch(/^[A-Za-z0-9-]{8,64}$/);
    expect(await store.current()).toEqual(draft);
  });

  it('survives a restart: a new store instance reads what the old one wrote', async () => {
    const dataDir = await tempDir();
    const first = openStore(dataDir);
    const draft = await first.start('netvisor');
    await first.save({ id: draft.id, step: 'companies', fields: { customerId: 'C-1', language: 'FI' }, selectedCompanies: ['a', 'b'] });
    const restored = await openStore(dataDir).current();
    expect(restored).toMatchObject({ id: draft.id, step: 'companies', fields: { customerId: 'C-1', language: 'FI' }, selectedCompanies: ['a', 'b'] });
    expect(statSync(draftFile(dataDir)).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(draftFile(dataDir))).mode & 0o777).toBe(0o700);
  });

  it('never writes the value of a secret field to disk', async () => {
    const dataDir = await tempDir();
    const store = openStore(dataDir);
    const draft = await store.start('netvisor');
    const secret = canary('customer-key');
    const saved = await store.save({ id: draft.id, step: 'credentials', fields: { customerId: 'C-1', customerKey: secret, password: canary() }, selectedCompanies: [] });
    expect(saved.fields).toEqual({ customerId: 'C-1' });
    expect(await countFiles(dataDir)).toBeGreaterThan(0);
    expect(await findLeaks(dataDir, secret)).toEqual([]);
  });

  it('drops a known secret value even from a field not declared secret', async () => {
    const dataDir = await tempDir();
    const store = openStore(dataDir);
    const draft = await store.start('netvisor');
    const secret = canary('stray');
    registerSecret(secret);
    const saved = await store.save({ id: draft.id, step: 'credentials', fields: { customerId: secret, other: 'x' }, selectedCompanies: [] });
    expect(saved.fields).toEqual({ other: 'x' });
    expect(await findLeaks(dataDir, secret)).toEqual([]);
  });

  it('drops secret fields found in a file written by something else', async () => {
    const dataDir = await tempDir();
    const store = openStore(dataDir);
    await store.start('netvisor');
    const file = JSON.parse(readFileSync(draftFile(dataDir), 'utf8')) as { draft: { fields: Record<string, string> } };
    file.draft.fields = { customerId: 'C-1', password: 'planted-secret' };
    writeFileSync(draftFile(dataDir), JSON.stringify(file));
    expect((await openStore(dataDir).current())?.fields).toEqual({ customerId: 'C-1' });
  });

  it('ignores and removes a temp file left by a crash in the middle of a write', async () => {
    const dataDir = await tempDir();
    const first = openStore(dataDir);
    const draft = await first.start('netvisor');
    await first.save({ id: draft.id, step: 'credentials', fields: { customerId: 'C-1' }, selectedCompanies: [] });
    // What a process killed between writing and renaming leaves behind: a partial temp file.
    const leftover = `${draftFile(dataDir)}.tmp-999-deadbeef`;
    writeFileSync(leftover, '{"version":1,"draft":{"id":"trunc');
    const restored = await openStore(dataDir).current();
    expect(restored).toMatchObject({ id: draft.id, step: 'credentials', fields: { customerId: 'C-1' } });
    expect(readdirSync(path.dirname(leftover))).toEqual(['current.json']);
  });

  it('quarantines a damaged draft file, returns null and says so', async () => {
    const dataDir = await tempDir();
    await openStore(dataDir).start('netvisor');
    writeFileSync(draftFile(dataDir), '{"version":1,"draft":');
    const store = openStore(dataDir);
    expect(await store.current()).toBeNull();
    expect(store.notice).toBeInstanceOf(DraftCorruptError);
    expect(store.notice?.code).toBe('E_DRAFT_CORRUPT');
    const names = readdirSync(path.join(dataDir, 'drafts'));
    expect(names).toEqual([expect.stringMatching(/^current\.json\.corrupt-/)]);
    expect(readFileSync(path.join(dataDir, 'drafts', names[0] ?? ''), 'utf8')).toBe('{"version":1,"draft":');
    // A fresh start works after the quarantine.
    expect((await store.start('netvisor')).step).toBe('prepare');
  });

  it('removes the secrets a quarantined draft named, and says what became of them', async () => {
    const dataDir = await tempDir();
    const draft = await openStore(dataDir).start('netvisor');
    const text = readFileSync(draftFile(dataDir), 'utf8');
    writeFileSync(draftFile(dataDir), text.slice(0, text.indexOf(draft.id) + draft.id.length + 2));
    const forgotten: string[] = [];
    const store = createDraftStore({ dataDir, secretFieldsOf: () => SECRET_FIELDS, forgetSecrets: async (id) => (forgotten.push(id), 2) });
    expect(await store.current()).toBeNull();
    expect(forgotten).toEqual([draft.id]);
    expect(store.notice).toMatchObject({ draftId: draft.id, secrets: 'removed' });

    // The keychain refuses: the notice says so (and names the draft, so the user can remove them by hand).
    const again = await openStore(dataDir).start('netvisor');
    writeFileSync(draftFile(dataDir), JSON.stringify({ version: 1, draft: { id: again.id, system: 'unknown-system' } }));
    const failing = createDraftStore({
      dataDir,
      secretFieldsOf: () => SECRET_FIELDS,
      forgetSecrets: async () => {
        throw new Error('Cannot create an item in a locked collection');
      },
    });
    expect(await failing.current()).toBeNull();
    expect(failing.notice).toMatchObject({ draftId: again.id, secrets: 'failed' });

    // Garbage: no id, nothing removed, said as unknown.
    writeFileSync(draftFile(dataDir), '\u0000garbage');
    const blind = createDraftStore({ dataDir, secretFieldsOf: () => SECRET_FIELDS, forgetSecrets: async () => expect.unreachable() });
    expect(await blind.current()).toBeNull();
    expect(blind.notice).toMatchObject({ draftId: undefined, secrets: 'unknown' });
  });

  it('salvages only an id the contract accepts (no "/" that could widen the account prefix)', () => {
    expect(salvageDraftId('{"version":1,"draft":{"id":"0123abcd-ef"')).toBe('0123abcd-ef');
    expect(salvageDraftId('{"version":1,"draft":{"id":"../../x/yyyyyyyy"}}')).toBeUndefined();
    expect(salvageDraftId('{"draft":{"id":"short"}}')).toBeUndefined();
    expect(salvageDraftId('{"draft":{"id":"abcdefgh/"')).toBeUndefined();
  });

  it('treats a file that parses but breaks the schema as damaged too', async () => {
    const dataDir = await tempDir();
    await openStore(dataDir).start('netvisor');
    writeFileSync(draftFile(dataDir), JSON.stringify({ version: 1, draft: { id: 'x', system: 'unknown-system' } }));
    const store = openStore(dataDir);
    expect(await store.current()).toBeNull();
    expect(store.notice?.code).toBe('E_DRAFT_CORRUPT');
  });

  it('refuses to save another draft than the current one', async () => {
    const store = openStore(await tempDir());
    await store.start('netvisor');
    await expect(store.save({ id: 'not-the-current-one', step: 'test', fields: {}, selectedCompanies: [] })).rejects.toMatchObject({ code: 'E_NO_DRAFT' });
  });

  it('refuses to write what it could not read back, keeping the previous draft', async () => {
    const dataDir = await tempDir();
    const store = openStore(dataDir);
    const draft = await store.start('netvisor');
    await expect(store.save({ id: draft.id, step: 'test', fields: { 'bad field id!': 'x' }, selectedCompanies: [] })).rejects.toMatchObject({ code: 'E_DRAFT_INVALID' });
    expect(await openStore(dataDir).current()).toEqual(draft);
  });

  it('keeps the data source id once recorded', async () => {
    const store = openStore(await tempDir());
    const draft = await store.start('netvisor');
    await store.save({ id: draft.id, step: 'status', fields: {}, selectedCompanies: [], dataSourceId: 'ds-1' });
    const later = await store.save({ id: draft.id, step: 'status', fields: {}, selectedCompanies: [] });
    expect(later.dataSourceId).toBe('ds-1');
  });

  it('discards only the current draft', async () => {
    const dataDir = await tempDir();
    const store = openStore(dataDir);
    const draft = await store.start('netvisor');
    expect(await store.discard('some-other-id')).toBe(false);
    expect(await store.discard(draft.id)).toBe(true);
    expect(await store.current()).toBeNull();
    expect(await openStore(dataDir).current()).toBeNull();
  });

  it('serialises concurrent saves: the file always holds one complete draft', async () => {
    const dataDir = await tempDir();
    const store = openStore(dataDir);
    const draft = await store.start('netvisor');
    const steps = ['credentials', 'test', 'companies', 'review'] as const;
    await Promise.all(steps.map((step, i) => store.save({ id: draft.id, step, fields: { n: String(i) }, selectedCompanies: [] })));
    expect(await openStore(dataDir).current()).toMatchObject({ step: 'review', fields: { n: '3' } });
  });
});
