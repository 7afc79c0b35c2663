/**
 * Drafts through the real runtime handlers: field errors name the field, discarding a setup drops its
 * secrets too, and a draft outlives the runtime while its secret never reaches a file under the data dir.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canary, filesContaining, startRuntime, tempDir, type Harness } from './support';

describe('drafts through the runtime', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('drafts.save names businessId for a bad Business ID and reports nothing for a good one', async () => {
    h = await startRuntime();
    const draft = await h.ok('drafts.start', { system: 'netvisor' });
    await h.ok('secrets.put', { draftId: draft.id, field: 'customerKey', value: canary('key') });
    const base = { companyName: 'Esimerkki Oy', customerId: 'api-user', environment: 'sandbox' };

    const bad = await h.ok('drafts.save', { id: draft.id, step: 'credentials', fields: { ...base, businessId: '1618033-4' }, selectedCompanies: [] });
    expect(bad.errors.map((error) => error.field)).toEqual(['businessId']);
    expect(bad.errors[0]!.message.key).toMatch(/businessId/);
    expect(bad.draft.fields.businessId).toBe('1618033-4');

    const good = await h.ok('drafts.save', { id: draft.id, step: 'credentials', fields: { ...base, businessId: '1618033-3' }, selectedCompanies: [] });
    expect(good.errors).toEqual([]);
    expect(good.draft.step).toBe('credentials');
  });

  it('drafts.save for a draft that is not current answers E_NO_DRAFT', async () => {
    h = await startRuntime();
    const first = await h.ok('drafts.start', { system: 'netvisor' });
    await h.ok('drafts.start', { system: 'netvisor' });
    const error = await h.fail('drafts.save', { id: first.id, step: 'credentials', fields: {}, selectedCompanies: [] });
    expect(error.code).toBe('E_NO_DRAFT');
  });

  it('drafts.discard removes the draft and its secrets', async () => {
    h = await startRuntime();
    const draft = await h.ok('drafts.start', { system: 'netvisor' });
    await h.ok('secrets.put', { draftId: draft.id, field: 'customerKey', value: canary('key') });
    expect(await h.ok('secrets.status', { draftId: draft.id })).toEqual({ customerKey: true });

    expect(await h.ok('drafts.discard', { id: draft.id })).toEqual({ discarded: true });
    expect(await h.ok('drafts.current', {})).toBeNull();
    expect((await h.fail('secrets.status', { draftId: draft.id })).code).toBe('E_NO_DRAFT');
    const next = await h.ok('drafts.start', { system: 'netvisor' });
    expect(await h.ok('secrets.status', { draftId: next.id })).toEqual({ customerKey: false });
  });

  it('drafts.start replaces an earlier setup and forgets its secrets', async () => {
    h = await startRuntime();
    const first = await h.ok('drafts.start', { system: 'netvisor' });
    await h.ok('secrets.put', { draftId: first.id, field: 'customerKey', value: canary('key') });
    const second = await h.ok('drafts.start', { system: 'netvisor' });
    expect(second.id).not.toBe(first.id);
    expect(await h.ok('secrets.status', { draftId: second.id })).toEqual({ customerKey: false });
  });

  it('the on-disk scanner finds a planted canary (so an empty scan means something)', async () => {
    const dir = await tempDir();
    const secret = canary('planted');
    await mkdir(join(dir, 'nested'));
    await writeFile(join(dir, 'nested', 'log.txt'), `prefix ${Buffer.from(secret).toString('base64')} suffix`);
    try {
      expect(await filesContaining(dir, secret)).toEqual([join(dir, 'nested', 'log.txt')]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a draft survives a new runtime on the same data dir; the secret reaches no file there', async () => {
    h = await startRuntime();
    const secret = canary('survivor');
    const draft = await h.ok('drafts.start', { system: 'netvisor' });
    await h.ok('secrets.put', { draftId: draft.id, field: 'customerKey', value: secret });
    // Even if the renderer wrongly sent the secret as a plain field, the draft file must not keep it.
    const saved = await h.ok('drafts.save', {
      id: draft.id,
      step: 'credentials',
      fields: { companyName: 'Säilyvä Oy', businessId: '1618033-3', customerId: 'api-user', environment: 'sandbox', customerKey: secret },
      selectedCompanies: [],
    });
    expect(saved.draft.fields).not.toHaveProperty('customerKey');
    await h.ok('checks.run', { draftId: draft.id, operationId: crypto.randomUUID() });

    await h.closeRuntime();
    const again = await startRuntime({ dataDir: h.dataDir, sandbox: h.sandbox });
    try {
      const restored = await again.ok('drafts.current', {});
      expect(restored).toMatchObject({ id: draft.id, step: 'credentials', fields: { companyName: 'Säilyvä Oy', businessId: '1618033-3' } });
      expect(restored!.fields).not.toHaveProperty('customerKey');
      // Session-memory secrets end with the process that held them; a keychain would keep them.
      const info = await again.ok('app.info', {});
      const status = await again.ok('secrets.status', { draftId: draft.id });
      expect(status).toEqual({ customerKey: info.secretBackend.kind === 'keychain' });
    } finally {
      await again.closeRuntime();
    }
    expect(await filesContaining(h.dataDir, secret)).toEqual([]);
    expect(JSON.stringify(h.answers)).not.toContain(secret);
  });
});
