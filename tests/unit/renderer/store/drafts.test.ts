/** Drafts: resuming at start, autosave (draftSync.ts), discarding. */
import { describe, expect, it, vi } from 'vitest';
import type { Draft, WizardStep } from '../../../../preload/contract';
import * as fx from './fixtures';
import { booted, walkTo } from './harness';

describe('resume', () => {
  it('reopens a saved draft at its step with its fields, defaults and stored secrets, and says so', async () => {
    const h = await booted((fake) => {
      fake.handle('drafts.current', () => fx.draft({ id: 'draft-0005', step: 'credentials', fields: { customerId: '1234567-8' } }));
      fake.handle('secrets.status', () => ({ apiKey: true }));
    });
    expect(h.fake.calls('secrets.status')).toEqual([{ draftId: 'draft-0005' }]);
    expect(h.state.resumed).toBe(true);
    expect(h.on('credentials').session).toMatchObject({
      draftId: 'draft-0005',
      fields: { customerId: '1234567-8', environment: 'production', baseUrl: '' },
      secretsStored: { apiKey: true },
    });
    h.actions.dismissResumed();
    expect(h.state.resumed).toBe(false);
    expect(h.wizard.step).toBe('credentials');
  });

  it.each<[WizardStep, Partial<Draft>, WizardStep]>([
    ['companies', { selectedCompanies: ['c1'] }, 'test'], // check results are not saved: back to Test
    ['handoff', { domainId: 'dom-1' }, 'review'], // not handed off yet: the review loads again
    ['handoff', { dataSourceId: 'ds-3' }, 'status'],
  ])('a draft saved at %s (%j) reopens at %s', async (step, patch, expected) => {
    const h = await booted((fake) => fake.handle('drafts.current', () => fx.draft({ step, ...patch })));
    expect(h.wizard.step).toBe(expected);
    if (expected === 'review') expect(h.on('review')).toMatchObject({ busy: false, review: { destination: 'Acme group' } });
    if (expected === 'status') expect(h.on('status').dataSourceId).toBe('ds-3');
  });

  it('opens an empty Choose system for a draft of a system this version does not offer', async () => {
    const h = await booted((fake) => {
      fake.handle('systems.list', () => [fx.several]);
      fake.handle('drafts.current', () => fx.draft({ system: 'netvisor', step: 'credentials' }));
    });
    expect(h.on('system')).toMatchObject({ session: null });
    expect(h.state.resumed).toBe(false);
  });

  it('moving on answers the resumed notice', async () => {
    const h = await booted((fake) => fake.handle('drafts.current', () => fx.draft({ step: 'prepare' })));
    expect(h.state.resumed).toBe(true);
    h.actions.continueFromPrepare();
    expect(h.state.resumed).toBe(false);
  });
});

describe('autosave', () => {
  it('saves field edits once, after a pause, with the latest values and the step', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const h = await booted();
    await walkTo(h, 'credentials');
    const before = h.fake.calls('drafts.save').length;
    h.actions.editField('customerId', '1');
    h.actions.editField('customerId', '12');
    await vi.advanceTimersByTimeAsync(399);
    h.actions.editField('environment', 'custom');
    await vi.advanceTimersByTimeAsync(399);
    expect(h.fake.calls('drafts.save')).toHaveLength(before);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.fake.calls('drafts.save')).toHaveLength(before + 1);
    expect(h.fake.calls('drafts.save').at(-1)).toEqual({
      id: h.on('credentials').session.draftId,
      step: 'credentials',
      fields: { customerId: '12', environment: 'custom', baseUrl: '' },
      selectedCompanies: [],
    });
  });

  it('never puts a secret in the draft', async () => {
    const h = await booted();
    await walkTo(h, 'credentials');
    h.actions.typeSecret('apiKey', 's3cret');
    await h.actions.storeSecret('apiKey');
    expect(h.fake.calls('secrets.put')).toEqual([{ draftId: h.on('credentials').session.draftId, field: 'apiKey', value: 's3cret' }]);
    expect(JSON.stringify(h.fake.calls('drafts.save'))).not.toContain('s3cret');
    expect(h.on('credentials')).toMatchObject({ typedSecrets: {}, touched: ['apiKey'], session: { secretsStored: { apiKey: true } } });
  });

  it('takes field errors from the save answer, and shows a failed save on the current step', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const h = await booted();
    await walkTo(h, 'credentials');
    h.fake.handle('drafts.save', ({ id }) => ({ draft: fx.draft({ id }), errors: [{ field: 'customerId', message: { key: 'e.required' } }] }));
    h.actions.editField('customerId', '');
    await vi.advanceTimersByTimeAsync(400);
    expect(h.on('credentials').session.fieldErrors).toEqual([{ field: 'customerId', message: { key: 'e.required' } }]);

    h.fake.fail('drafts.save', 'E_DRAFT_INVALID', 'could not be saved');
    h.actions.editField('customerId', '1');
    await vi.advanceTimersByTimeAsync(400);
    expect(h.on('credentials').error).toEqual({ code: 'E_DRAFT_INVALID', message: 'could not be saved' });
  });

});

describe('discard', () => {
  it('discards the draft and returns to an empty Choose system, forgetting a pending autosave', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const h = await booted();
    await walkTo(h, 'credentials');
    const draftId = h.on('credentials').session.draftId;
    h.actions.editField('customerId', '1');
    const saves = h.fake.calls('drafts.save').length;
    await h.actions.discardDraft();
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.fake.calls('drafts.discard')).toEqual([{ id: draftId }]);
    expect(h.fake.calls('drafts.save')).toHaveLength(saves);
    expect(h.on('system')).toMatchObject({ session: null, selected: null, error: null });
    expect(h.state).toMatchObject({ toast: 'discarded', resumed: false });
  });

  it('cancels a running Test before discarding', async () => {
    const h = await booted((fake) => fake.handle('checks.run', () => new Promise(() => undefined)));
    await walkTo(h, 'test');
    const operationId = h.on('test').run.operationId;
    await h.actions.discardDraft();
    expect(h.fake.calls('checks.cancel')).toEqual([{ operationId }]);
    expect(h.fake.calls('drafts.discard')).toHaveLength(1);
    expect(h.wizard.step).toBe('system');
  });

  it('shows a failed discard on Choose system', async () => {
    const h = await booted((fake) => fake.fail('drafts.discard', 'E_INTERNAL', 'locked file'));
    await walkTo(h, 'prepare');
    await h.actions.discardDraft();
    expect(h.on('system')).toMatchObject({ session: null, error: { code: 'E_INTERNAL' } });
    expect(h.state.toast).toBeNull();
  });
});
