/**
 * secrets.put / secrets.status through the real runtime handlers: only declared secret fields are stored,
 * status names fields only, and no answer ever carries the value back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { canary, startRuntime, type Harness } from './support';

describe('secrets through the runtime', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('secrets.put refuses a non-secret field with E_NOT_SECRET, without echoing the value', async () => {
    h = await startRuntime();
    const value = canary('not-secret');
    const draft = await h.ok('drafts.start', { system: 'netvisor' });
    const error = await h.fail('secrets.put', { draftId: draft.id, field: 'businessId', value });
    expect(error.code).toBe('E_NOT_SECRET');
    expect(error.message).toContain('businessId');
    expect(await h.ok('secrets.status', { draftId: draft.id })).toEqual({ customerKey: false });
    expect(JSON.stringify(h.answers)).not.toContain(value);
  });

  it('secrets.status reports the stored field by name, and no answer carries the value', async () => {
    h = await startRuntime();
    const value = canary('customer-key');
    const draft = await h.ok('drafts.start', { system: 'netvisor' });
    expect(await h.ok('secrets.status', { draftId: draft.id })).toEqual({ customerKey: false });

    const stored = await h.ok('secrets.put', { draftId: draft.id, field: 'customerKey', value });
    const info = await h.ok('app.info', {});
    expect(stored).toEqual({ stored: true, backend: info.secretBackend.kind });
    expect(await h.ok('secrets.status', { draftId: draft.id })).toEqual({ customerKey: true });

    // Every other way a value might come back: the draft, a save, a rejected call carrying the value.
    await h.ok('drafts.current', {});
    await h.ok('drafts.save', { id: draft.id, step: 'credentials', fields: { customerKey: value }, selectedCompanies: [] });
    expect((await h.fail('secrets.put', { draftId: 'not a draft id!', field: 'customerKey', value })).code).toBe('E_BAD_INPUT');
    expect((await h.fail('secrets.put', { draftId: draft.id, field: '1bad', value })).code).toBe('E_BAD_INPUT');
    expect((await h.fail('checks.run', { draftId: draft.id, operationId: crypto.randomUUID() })).code).toBe('E_INVALID_FIELDS');
    expect(JSON.stringify(h.answers)).not.toContain(value);
  });

  it('secrets.put for a draft that is not current answers E_NO_DRAFT', async () => {
    h = await startRuntime();
    const error = await h.fail('secrets.put', { draftId: crypto.randomUUID(), field: 'customerKey', value: canary() });
    expect(error.code).toBe('E_NO_DRAFT');
  });
});
