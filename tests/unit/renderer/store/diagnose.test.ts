/** The Diagnose page: choosing a system and source, the typed form and its validation, Run, Reproduce, downloads. */
import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../../../preload/contract';
import * as fx from './fixtures';
import { booted, deferred, flush } from './harness';

async function onDiagnose(setup?: Parameters<typeof booted>[0]) {
  const h = await booted(setup);
  h.actions.showView('diagnose');
  await h.actions.loadDiagnose();
  return h;
}

describe('the form', () => {
  it('loads the catalogue once', async () => {
    const h = await onDiagnose();
    await h.actions.loadDiagnose();
    expect(h.state.diagnose.catalogue).toEqual({ phase: 'ready', entries: [fx.catalogueEntry, fx.vitecEntry] });
    expect(h.fake.calls('diagnose.catalogue')).toHaveLength(1);
  });

  it('shows a catalogue that cannot be loaded as failed', async () => {
    const h = await onDiagnose((fake) => fake.fail('diagnose.catalogue', 'E_INTERNAL'));
    expect(h.state.diagnose.catalogue).toMatchObject({ phase: 'failed', error: { code: 'E_INTERNAL' } });
  });

  it('offers the setup in progress for its own system only', async () => {
    const h = await onDiagnose((fake) => fake.handle('drafts.current', () => fx.draft({ id: 'draft-0007', system: 'netvisor' })));
    h.actions.chooseDiagnoseSystem('netvisor');
    expect(h.state.diagnose).toMatchObject({ system: 'netvisor', source: 'draft', draft: { id: 'draft-0007' } });
    h.actions.chooseDiagnoseSystem('vitec');
    expect(h.state.diagnose).toMatchObject({ system: 'vitec', source: 'typed', fields: { user: '' } });
  });

  it('starts a newly chosen system from its defaults; choosing the same one again keeps what was typed', async () => {
    const h = await onDiagnose();
    h.actions.chooseDiagnoseSystem('netvisor');
    expect(h.state.diagnose.fields).toEqual({ customerId: '', environment: 'production', baseUrl: '' });
    h.actions.editDiagnoseField('customerId', '123');
    h.actions.typeDiagnoseSecret('apiKey', 'k');
    h.actions.chooseDiagnoseSystem('netvisor');
    expect(h.state.diagnose).toMatchObject({ fields: { customerId: '123' }, typedSecrets: { apiKey: 'k' } });
    h.actions.chooseDiagnoseSystem('vitec');
    h.actions.chooseDiagnoseSystem('netvisor');
    expect(h.state.diagnose).toMatchObject({ fields: { customerId: '' }, typedSecrets: {} });
  });

  it('Run with a required field empty only shows every error', async () => {
    const h = await onDiagnose();
    h.actions.chooseDiagnoseSystem('netvisor');
    h.actions.editDiagnoseField('customerId', '   ');
    h.actions.typeDiagnoseSecret('apiKey', 'k');
    await h.actions.runDiagnosis();
    expect(h.state.diagnose).toMatchObject({ showAllErrors: true, running: false, result: null });
    expect(h.fake.calls('diagnose.run')).toHaveLength(0);
  });

  it('requires and sends a field only while it is shown', async () => {
    const h = await onDiagnose();
    h.actions.chooseDiagnoseSystem('netvisor');
    h.actions.editDiagnoseField('customerId', ' 1234567-8 ');
    h.actions.typeDiagnoseSecret('apiKey', 'k');
    h.actions.editDiagnoseField('environment', 'custom');
    await h.actions.runDiagnosis();
    expect(h.fake.calls('diagnose.run')).toHaveLength(0); // baseUrl shows now, and is empty

    h.actions.editDiagnoseField('baseUrl', 'https://vendor.test');
    h.actions.editDiagnoseField('environment', 'production'); // hides it again
    await h.actions.runDiagnosis();
    const [input] = h.fake.calls('diagnose.run');
    expect(input).toMatchObject({ system: 'netvisor', fields: { customerId: '1234567-8', environment: 'production' }, secrets: { apiKey: 'k' } });
    expect(input?.fields).not.toHaveProperty('baseUrl');
    expect(input).not.toHaveProperty('draftId');
  });

  it('sends the setup in progress by its draft id, with no fields or secrets', async () => {
    const h = await onDiagnose((fake) => fake.handle('drafts.current', () => fx.draft({ id: 'draft-0007', system: 'netvisor' })));
    h.actions.chooseDiagnoseSystem('netvisor');
    await h.actions.runDiagnosis(); // nothing typed: the draft needs nothing
    const [input] = h.fake.calls('diagnose.run');
    expect(input).toEqual({ operationId: expect.any(String), system: 'netvisor', draftId: 'draft-0007' });

    h.actions.chooseDiagnoseSource('typed');
    await h.actions.runDiagnosis();
    expect(h.state.diagnose.showAllErrors).toBe(true); // the typed form is empty
    expect(h.fake.calls('diagnose.run')).toHaveLength(1);
  });
});

describe('Run', () => {
  async function typedForm() {
    const answer = deferred<Diagnosis>();
    const h = await onDiagnose((fake) => fake.handle('diagnose.run', () => answer.promise));
    h.actions.chooseDiagnoseSystem('netvisor');
    h.actions.editDiagnoseField('customerId', '1234567-8');
    h.actions.typeDiagnoseSecret('apiKey', 'k3y');
    return { h, answer };
  }

  it('forgets the typed secret as the run starts, shows live progress, then the diagnosis', async () => {
    const { h, answer } = await typedForm();
    const running = h.actions.runDiagnosis();
    await h.actions.runDiagnosis(); // one at a time
    expect(h.fake.calls('diagnose.run')).toHaveLength(1);
    const { operationId } = h.fake.calls('diagnose.run')[0]!;
    expect(h.state.diagnose).toMatchObject({ running: true, typedSecrets: {}, result: null, run: { operationId, running: true } });
    expect(JSON.stringify(h.state)).not.toContain('k3y');

    h.fake.emit('checks.progress', { operationId, event: { type: 'check-finished', result: fx.passed('connect') } });
    h.fake.emit('checks.progress', { operationId: '00000000-0000-4000-8000-000000000000', event: { type: 'check-finished', result: fx.failed('rights') } });
    expect(h.state.diagnose.run?.checks).toMatchObject({ connect: { status: 'passed' }, rights: { status: 'pending' } });

    answer.resolve(fx.diagnosis('netvisor'));
    await running;
    expect(h.state.diagnose).toMatchObject({ running: false, error: null, result: { operationId, diagnosis: { system: 'netvisor' } }, run: { running: false } });
    expect(h.fake.subscribers('checks.progress')).toBe(1); // the wizard's own; the run's is gone
  });

  it('shows a failure on the form and marks the fields main named; editing a field clears its mark', async () => {
    const { h, answer } = await typedForm();
    const running = h.actions.runDiagnosis();
    answer.reject({ name: 'BridgeCallError', code: 'E_INVALID_FIELDS', message: 'check the fields', fieldErrors: [{ field: 'customerId', message: { key: 'e.format' } }] });
    await running;
    expect(h.state.diagnose).toMatchObject({
      running: false,
      showAllErrors: true,
      result: null,
      error: { code: 'E_INVALID_FIELDS' },
      fieldErrors: [{ field: 'customerId' }],
      fields: { customerId: '1234567-8' },
    });
    h.actions.editDiagnoseField('customerId', '7654321-0');
    expect(h.state.diagnose.fieldErrors).toEqual([]);
    h.actions.dismissDiagnoseError();
    expect(h.state.diagnose.error).toBeNull();
  });
});

describe('Reproduce', () => {
  it('runs a known problem’s scenario, replacing another system’s form', async () => {
    const h = await onDiagnose();
    h.actions.chooseDiagnoseSystem('vitec');
    h.actions.editDiagnoseField('user', 'someone');
    expect(await h.actions.reproduceKnownProblem('netvisor.no-such-problem')).toBe(false); // not in the catalogue
    expect(h.fake.calls('diagnose.reproduce')).toHaveLength(0);
    expect(await h.actions.reproduceKnownProblem('netvisor.blocked-resource')).toBe(true);
    expect(h.fake.calls('diagnose.reproduce')).toEqual([{ operationId: expect.any(String), entryId: 'netvisor.blocked-resource' }]);
    expect(h.state.diagnose).toMatchObject({ system: 'netvisor', fields: { customerId: '', environment: 'production' }, result: { diagnosis: { system: 'netvisor' } } });
  });

  it('leaves the same system’s form alone: the typed secret is kept, a failure marks nothing', async () => {
    const h = await onDiagnose((fake) => fake.fail('diagnose.reproduce', 'E_NOT_SANDBOX', 'sandbox only'));
    h.actions.chooseDiagnoseSystem('netvisor');
    h.actions.editDiagnoseField('customerId', '123');
    h.actions.typeDiagnoseSecret('apiKey', 'k');
    expect(await h.actions.reproduceKnownProblem('netvisor.blocked-resource')).toBe(false);
    expect(h.state.diagnose).toMatchObject({
      fields: { customerId: '123' },
      typedSecrets: { apiKey: 'k' },
      showAllErrors: false,
      fieldErrors: [],
      error: { code: 'E_NOT_SANDBOX' },
    });
  });

});

describe('downloads', () => {
  it('sends the run with the task pack only when the run is of the chosen system', async () => {
    const h = await onDiagnose();
    expect(await h.actions.reproduceKnownProblem('netvisor.blocked-resource')).toBe(true);
    const { operationId } = h.fake.calls('diagnose.reproduce')[0]!;
    expect(await h.actions.downloadTaskPack()).toEqual({ fileName: 'netvisor-tasks.html', text: '<h1>Tasks</h1>', mime: 'text/html' });
    expect(h.fake.calls('diagnose.taskPack').at(-1)).toEqual({ system: 'netvisor', operationId });
    h.actions.chooseDiagnoseSystem('vitec');
    await h.actions.downloadTaskPack();
    expect(h.fake.calls('diagnose.taskPack').at(-1)).toEqual({ system: 'vitec' });
  });

  it('keeps a failed PDF in its own slot', async () => {
    const h = await onDiagnose((fake) => fake.fail('diagnose.taskPackPdf', 'E_PDF_UNAVAILABLE'));
    h.actions.chooseDiagnoseSystem('netvisor');
    expect(await h.actions.downloadTaskPackPdf()).toBeNull();
    expect(h.state.diagnose).toMatchObject({ taskPackPdf: { busy: false, error: { code: 'E_PDF_UNAVAILABLE' } }, taskPack: { error: null }, error: null });
  });

  it('previews the support bundle before saving it', async () => {
    const h = await onDiagnose();
    await h.actions.reproduceKnownProblem('netvisor.blocked-resource');
    await h.actions.openBundlePreview();
    expect(h.state.diagnose.bundle).toEqual({ json: '{"bundle":true}', loading: false, saving: false, error: null });
    expect(await h.actions.saveBundle()).toEqual({ fileName: 'bundle.zip', base64: 'UEsFBg==', mime: 'application/zip' });
    await flush();
    expect(h.state.diagnose.bundle).toMatchObject({ saving: false, error: null });
  });
});
