/** The wizard's step machine: system → prepare → credentials → test → companies → review → handoff → status. */
import { describe, expect, it, vi } from 'vitest';
import type { CheckReport, DataSourceStatus, HandoffResult } from '../../../../preload/contract';
import * as fx from './fixtures';
import { booted, deferred, flush, signedIn, walkTo } from './harness';

describe('Choose system', () => {
  it('boots from app.info, systems.list and drafts.current onto an empty Choose system', async () => {
    const h = await booted();
    expect(h.state.boot).toEqual({ phase: 'ready', appInfo: fx.appInfo, systems: fx.systems });
    expect(h.on('system')).toMatchObject({ selected: null, session: null, busy: false, error: null });
    expect(h.state.resumed).toBe(false);
    await h.actions.confirmSystem(); // Next before a system is chosen does nothing
    expect(h.fake.calls('drafts.start')).toHaveLength(0);
  });

  it('shows a failed boot when a boot call fails', async () => {
    const h = await booted((fake) => fake.fail('systems.list', 'E_INTERNAL', 'disk on fire'));
    expect(h.state.boot).toEqual({ phase: 'failed', error: { code: 'E_INTERNAL', message: 'disk on fire' } });
  });

  it('starts a draft, is busy meanwhile, and opens Before you start with the defaults and the stored secrets', async () => {
    const start = deferred<ReturnType<typeof fx.draft>>();
    const h = await booted((fake) => {
      fake.handle('drafts.start', () => start.promise);
      fake.handle('secrets.status', () => ({ apiKey: true }));
    });
    h.actions.selectSystem('netvisor');
    const confirming = h.actions.confirmSystem();
    expect(h.on('system').busy).toBe(true);
    start.resolve(fx.draft({ id: 'draft-0042', step: 'prepare' }));
    await confirming;
    await flush();

    const prepare = h.on('prepare');
    expect(prepare.busy).toBe(false);
    expect(prepare.session).toMatchObject({
      draftId: 'draft-0042',
      fields: { customerId: '', environment: 'production', baseUrl: '' },
      secretsStored: { apiKey: true },
      report: null,
    });
    // A step change is saved at once, with the step.
    expect(h.fake.calls('drafts.save').at(-1)).toMatchObject({ id: 'draft-0042', step: 'prepare' });
  });

  it('reuses the draft after Back when the same system is chosen again', async () => {
    const h = await booted();
    await walkTo(h, 'prepare');
    const draftId = h.on('prepare').session.draftId;
    h.actions.back();
    expect(h.on('system')).toMatchObject({ selected: 'netvisor', session: { draftId } });
    await h.actions.confirmSystem();
    expect(h.on('prepare').session.draftId).toBe(draftId);
    expect(h.fake.calls('drafts.start')).toHaveLength(1);
  });

  it('discards the earlier draft before starting one for another system', async () => {
    const h = await booted();
    await walkTo(h, 'prepare');
    const first = h.on('prepare').session.draftId;
    h.actions.back();
    h.actions.selectSystem('vitec');
    await h.actions.confirmSystem();
    expect(h.fake.calls('drafts.discard')).toEqual([{ id: first }]);
    expect(h.on('prepare').session).toMatchObject({ descriptor: { id: 'vitec' } });
    expect(h.on('prepare').session.draftId).not.toBe(first);
  });

  it('forgets a draft it discarded when starting the next one failed', async () => {
    const h = await booted();
    await walkTo(h, 'prepare');
    h.actions.back();
    h.fake.fail('drafts.start', 'E_INTERNAL', 'no disk');
    h.actions.selectSystem('vitec');
    await h.actions.confirmSystem();
    expect(h.on('system')).toMatchObject({ busy: false, error: { code: 'E_INTERNAL' }, selected: 'vitec', session: null });
    // The netvisor draft is gone on disk: choosing netvisor again starts a new one instead of reopening it.
    h.fake.handle('drafts.start', ({ system }) => fx.draft({ id: 'draft-0099', system }));
    h.actions.selectSystem('netvisor');
    await h.actions.confirmSystem();
    expect(h.on('prepare').session.draftId).toBe('draft-0099');
  });

  it('fails fast when a step action is called on another step', async () => {
    const h = await booted();
    // (instanceof would compare against another copy of the class: each test imports the store afresh)
    expect(() => h.actions.continueFromPrepare()).toThrow('Wizard action for step prepare called on step system');
    expect(() => h.actions.editField('customerId', 'x')).toThrow('Wizard action for step credentials called on step system');
  });
});

describe('Before you start and Credentials', () => {
  it('ticks and unticks prerequisites, then moves to Credentials untouched', async () => {
    const h = await booted();
    await walkTo(h, 'prepare');
    h.actions.togglePrerequisite('enableApi');
    h.actions.togglePrerequisite('addUser');
    h.actions.togglePrerequisite('enableApi');
    expect(h.on('prepare').session.ticked).toEqual(['addUser']);
    h.actions.continueFromPrepare();
    expect(h.on('credentials')).toMatchObject({ typedSecrets: {}, touched: [], showAllErrors: false, externalErrors: [], busy: false });
  });

  it('Test with a required field empty only shows every error', async () => {
    const h = await booted();
    await walkTo(h, 'credentials');
    h.actions.typeSecret('apiKey', 's3cret'); // customerId is still empty
    await h.actions.startTest();
    expect(h.on('credentials')).toMatchObject({ showAllErrors: true, busy: false });
    expect(h.fake.log).not.toContain('secrets.put');
    expect(h.fake.log).not.toContain('checks.run');
  });

  it('Test stores the typed secret, saves, then runs every check; the secret does not stay in the state', async () => {
    const h = await booted();
    await walkTo(h, 'credentials');
    h.actions.editField('customerId', '1234567-8');
    h.actions.typeSecret('apiKey', 's3cret');
    await h.actions.startTest();

    const put = h.fake.log.indexOf('secrets.put');
    const save = h.fake.log.indexOf('drafts.save', put);
    expect(put).toBeGreaterThan(-1);
    expect(save).toBeGreaterThan(put);
    expect(h.fake.log.indexOf('checks.run')).toBeGreaterThan(save);
    expect(h.fake.calls('secrets.put')).toEqual([{ draftId: h.on('test').session.draftId, field: 'apiKey', value: 's3cret' }]);
    expect(h.fake.calls('checks.run').at(-1)).not.toHaveProperty('only');
    const test = h.on('test');
    expect(test.session.secretsStored).toMatchObject({ apiKey: true });
    expect(JSON.stringify(h.state)).not.toContain('s3cret');
    expect(test.run.running).toBe(false);
    expect(test.session.report?.overall).toBe('passed');
  });

  it('stays on Credentials, not busy, with the error when the secret cannot be stored', async () => {
    const h = await booted((fake) => fake.fail('secrets.put', 'E_KEYCHAIN', 'locked'));
    await walkTo(h, 'credentials');
    h.actions.editField('customerId', '1234567-8');
    h.actions.typeSecret('apiKey', 's3cret');
    await h.actions.startTest();
    expect(h.on('credentials')).toMatchObject({ busy: false, error: { code: 'E_KEYCHAIN' }, typedSecrets: { apiKey: 's3cret' } });
    expect(h.fake.log).not.toContain('checks.run');
  });

  it('field errors from the save block Test until a save of the edited field clears them', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const h = await booted();
    await walkTo(h, 'credentials');
    h.actions.editField('customerId', 'bad');
    h.actions.typeSecret('apiKey', 's3cret');
    h.fake.handle('drafts.save', ({ id }) => ({ draft: fx.draft({ id }), errors: [{ field: 'customerId', message: { key: 'e.format' } }] }));
    await h.actions.startTest();
    expect(h.on('credentials')).toMatchObject({ busy: false, showAllErrors: true, session: { fieldErrors: [{ field: 'customerId' }] } });
    expect(h.fake.log).not.toContain('checks.run');

    h.fake.handle('drafts.save', ({ id }) => ({ draft: fx.draft({ id }), errors: [] }));
    h.actions.editField('customerId', '1234567-8');
    await vi.advanceTimersByTimeAsync(400); // the autosave
    expect(h.on('credentials').session.fieldErrors).toEqual([]);
    await h.actions.startTest();
    expect(h.wizard.step).toBe('test');
  });

  it('an error of a field the form hides does not block Test', async () => {
    const h = await booted();
    await walkTo(h, 'credentials');
    h.actions.editField('customerId', '1234567-8');
    h.actions.typeSecret('apiKey', 's3cret');
    // baseUrl only shows for environment=custom, and the environment is production.
    h.fake.handle('drafts.save', ({ id }) => ({ draft: fx.draft({ id }), errors: [{ field: 'baseUrl', message: { key: 'e.required' } }] }));
    await h.actions.startTest();
    expect(h.wizard.step).toBe('test');
  });
});

describe('Test', () => {
  it('shows progress events while the run streams in, then settles on the answer', async () => {
    const answer = deferred<CheckReport>();
    const h = await booted((fake) => fake.handle('checks.run', () => answer.promise));
    await walkTo(h, 'test');
    const operationId = h.fake.calls('checks.run')[0]!.operationId;
    expect(h.on('test')).toMatchObject({ busy: true, run: { running: true, operationId } });

    h.fake.emit('checks.progress', { operationId, event: { type: 'check-started', checkId: 'connect' } });
    expect(h.on('test').run.checks['connect']?.status).toBe('running');
    h.fake.emit('checks.progress', { operationId, event: { type: 'check-finished', result: fx.passed('connect') } });
    expect(h.on('test').run.checks).toMatchObject({ connect: { status: 'passed' }, rights: { status: 'pending' } });

    answer.resolve(fx.report([fx.passed('connect'), fx.failed('rights')]));
    await flush();
    const test = h.on('test');
    expect(test).toMatchObject({ busy: false, run: { running: false, cancelled: false }, session: { report: { overall: 'failed' } } });
    expect(test.run.checks['rights']?.status).toBe('failed');
  });

  it('keeps Next closed after a failed report, and Re-test sends only what failed', async () => {
    const h = await booted((fake) => fake.handle('checks.run', () => fx.report([fx.passed('connect'), fx.failed('rights')])));
    await walkTo(h, 'test');
    h.actions.continueFromTest();
    expect(h.wizard.step).toBe('test');

    h.fake.handle('checks.run', () => fx.report([fx.passed('rights')]));
    await h.actions.runChecks('failed');
    expect(h.fake.calls('checks.run').at(-1)?.only).toEqual(['rights']);
    const test = h.on('test');
    expect(test.session.report?.overall).toBe('passed');
    expect(test.session.report?.results.map((r) => `${r.checkId}:${r.status}`)).toEqual(['connect:passed', 'rights:passed']);
    h.actions.continueFromTest();
    expect(h.wizard.step).toBe('companies');
  });

  it('shows a failed run as the step error and keeps Next closed', async () => {
    const h = await booted((fake) => fake.fail('checks.run', 'E_EXOPEN_NETWORK', 'unreachable'));
    await walkTo(h, 'test');
    expect(h.on('test')).toMatchObject({ busy: false, error: { code: 'E_EXOPEN_NETWORK' }, run: { running: false } });
    h.actions.continueFromTest();
    expect(h.wizard.step).toBe('test');
  });

  it('Cancel asks main to stop the run, which then ends as cancelled without an error', async () => {
    // Main answers a cancelled run with its report: the checks not yet run are skipped as cancelled.
    const answer = deferred<CheckReport>();
    const h = await booted((fake) => fake.handle('checks.run', () => answer.promise));
    await walkTo(h, 'test');
    const operationId = h.on('test').run.operationId;
    await h.actions.cancelChecks();
    expect(h.fake.calls('checks.cancel')).toEqual([{ operationId }]);
    expect(h.on('test').run.cancelling).toBe(true);
    answer.resolve(fx.report([fx.passed('connect'), { checkId: 'rights', status: 'skipped', summary: { key: 'netvisor:skipped.cancelled' }, durationMs: 0 }]));
    await flush();
    expect(h.on('test')).toMatchObject({ busy: false, error: null, run: { running: false, cancelled: true, cancelling: false } });
  });

  it('Back while running cancels the run and returns to Credentials showing every error', async () => {
    const h = await booted((fake) => fake.handle('checks.run', () => new Promise<CheckReport>(() => undefined)));
    await walkTo(h, 'test');
    const operationId = h.on('test').run.operationId;
    h.actions.back();
    expect(h.fake.calls('checks.cancel')).toEqual([{ operationId }]);
    expect(h.on('credentials')).toMatchObject({ showAllErrors: true, busy: false });
  });
});

describe('Companies, Review, Hand off and Status', () => {
  it('pre-selects the one active company; an inactive company cannot be picked', async () => {
    const h = await booted();
    await walkTo(h, 'companies');
    expect(h.on('companies').session.selectedCompanies).toEqual(['c1']);
    h.actions.toggleCompany('c2');
    expect(h.on('companies').session.selectedCompanies).toEqual(['c1']);
    h.actions.toggleCompany('c1');
    expect(h.on('companies').session.selectedCompanies).toEqual([]);
    h.actions.continueFromCompanies();
    expect(h.wizard.step).toBe('companies');
  });

  it('saves the selection before loading the review; Review is busy until it arrives', async () => {
    const h = await booted();
    await walkTo(h, 'companies');
    h.actions.continueFromCompanies();
    expect(h.on('review')).toMatchObject({ busy: true, review: null });
    await flush();
    const lastSave = h.fake.log.lastIndexOf('drafts.save');
    expect(lastSave).toBeLessThan(h.fake.log.indexOf('handoff.review'));
    expect(h.fake.calls('drafts.save').at(-1)).toMatchObject({ step: 'review', selectedCompanies: ['c1'] });
    expect(h.on('review')).toMatchObject({ busy: false, error: null, review: { destination: 'Acme group' } });
  });

  it('shows a failed review as the step error; Back returns to Companies with the selection', async () => {
    const h = await booted((fake) => fake.fail('handoff.review', 'E_EXOPEN_UNAVAILABLE'));
    await walkTo(h, 'review');
    expect(h.on('review')).toMatchObject({ busy: false, error: { code: 'E_EXOPEN_UNAVAILABLE' }, review: null });
    h.actions.back();
    expect(h.on('companies').session.selectedCompanies).toEqual(['c1']);
  });

  it('hands off only to a chosen domain the user administers', async () => {
    const h = await booted((fake) => fake.handle('auth.status', () => signedIn));
    await walkTo(h, 'review');
    await h.actions.submitHandoff();
    expect(h.wizard.step).toBe('review'); // no domain yet
    h.actions.chooseDomain('dom-2'); // listed, but read only
    expect(h.on('review').session.domainId).toBeNull();
    h.actions.chooseDomain('dom-1');
    await flush();
    expect(h.on('review').session.domainId).toBe('dom-1');
    expect(h.fake.calls('drafts.save').at(-1)).toMatchObject({ domainId: 'dom-1' });
    expect(h.fake.calls('handoff.submit')).toHaveLength(0);
  });

  it('is busy while handing off (no way back), then shows Status, which has no way back either', async () => {
    const submit = deferred<HandoffResult>();
    const h = await booted((fake) => {
      fake.handle('auth.status', () => signedIn);
      fake.handle('handoff.submit', () => submit.promise);
    });
    await walkTo(h, 'review');
    h.actions.chooseDomain('dom-1');
    const submitting = h.actions.submitHandoff();
    expect(h.on('handoff')).toMatchObject({ busy: true, bulk: null });
    h.actions.back();
    expect(h.wizard.step).toBe('handoff');
    submit.resolve({ dataSourceId: 'ds-9', failed: [] });
    await submitting;
    expect(h.on('status')).toMatchObject({ dataSourceId: 'ds-9', session: { dataSourceId: 'ds-9' }, status: null });
    h.actions.back();
    expect(h.wizard.step).toBe('status');
  });

  it('after a failed hand-off, Fix credentials opens Credentials on the field Exopen named', async () => {
    const h = await booted((fake) => {
      fake.handle('auth.status', () => signedIn);
      fake.fail('handoff.submit', 'E_INVALID_FIELDS', 'rejected', [{ field: 'customerId', message: { key: 'e.unknownCustomer' } }]);
    });
    await walkTo(h, 'handoff');
    expect(h.on('handoff')).toMatchObject({ busy: false, error: { code: 'E_INVALID_FIELDS' } });
    h.actions.fixCredentials();
    const credentials = h.on('credentials');
    expect(credentials).toMatchObject({ focusField: 'customerId', showAllErrors: true, externalErrors: [{ field: 'customerId' }] });
    h.actions.editField('customerId', '7654321-0');
    expect(h.on('credentials').externalErrors).toEqual([]);
  });

  it('Back from an idle failed hand-off returns to Review and reloads it', async () => {
    const h = await booted((fake) => {
      fake.handle('auth.status', () => signedIn);
      fake.fail('handoff.submit', 'E_EXOPEN_UNAVAILABLE');
    });
    await walkTo(h, 'handoff');
    const reviews = h.fake.calls('handoff.review').length;
    h.actions.back();
    await flush();
    expect(h.on('review')).toMatchObject({ busy: false, review: { destination: 'Acme group' } });
    expect(h.fake.calls('handoff.review')).toHaveLength(reviews + 1);
  });

  it('Status polls while the first run is active and stops when it is done or when told to', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const statuses: DataSourceStatus['status'][] = ['queued', 'running', 'done'];
    const h = await booted((fake) => {
      fake.handle('auth.status', () => signedIn);
      fake.handle('status.get', ({ dataSourceId }) => ({ dataSourceId, displayName: 'Acme', status: statuses.shift() ?? 'done', progress: 0, resources: [] }));
    });
    await walkTo(h, 'status');
    const stop = h.actions.startStatusPolling();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.on('status').status?.status).toBe('queued');
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.on('status').status?.status).toBe('running');
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.on('status').status?.status).toBe('done');
    await vi.advanceTimersByTimeAsync(5000);
    expect(h.fake.calls('status.get')).toHaveLength(3);
    stop();
  });

});

describe('a credential that reaches several companies (bulk hand-off)', () => {
  const vitecReport = fx.report([fx.passed('connect')], [fx.acme, fx.dormant, fx.beta], 'vitec');

  async function toVitecCompanies() {
    const h = await booted((fake) => {
      fake.handle('auth.status', () => signedIn);
      fake.handle('checks.run', () => vitecReport);
    });
    h.actions.selectSystem('vitec');
    await h.actions.confirmSystem();
    h.actions.continueFromPrepare();
    h.actions.editField('user', 'api-user');
    h.actions.typeSecret('password', 'pw');
    await h.actions.startTest();
    h.actions.continueFromTest();
    return h;
  }

  it('selects nothing up front; Select all takes the active ones, Show inactive makes the rest pickable', async () => {
    const h = await toVitecCompanies();
    expect(h.on('companies')).toMatchObject({ showInactive: false, session: { selectedCompanies: [] } });
    h.actions.selectAllCompanies(true);
    expect(h.on('companies').session.selectedCompanies).toEqual(['c1', 'c3']);
    h.actions.showInactiveCompanies(true);
    h.actions.toggleCompany('c2');
    expect(h.on('companies').session.selectedCompanies).toEqual(['c1', 'c3', 'c2']);
    // Hiding them again drops them from the selection: nothing is sent unseen.
    h.actions.showInactiveCompanies(false);
    expect(h.on('companies').session.selectedCompanies).toEqual(['c1', 'c3']);
  });

  it('follows per-company progress, keeps failed companies listed, and moves to Status once a retry connects them', async () => {
    const h = await toVitecCompanies();
    h.actions.selectAllCompanies(true);
    h.actions.continueFromCompanies();
    await flush();
    h.actions.chooseDomain('dom-1');
    const submit = deferred<HandoffResult>();
    h.fake.handle('handoff.submit', () => submit.promise);
    const submitting = h.actions.submitHandoff();
    const draftId = h.on('handoff').session.draftId;
    expect(h.on('handoff').bulk?.rows.map((r) => r.status)).toEqual(['queued', 'queued']);

    h.fake.emit('handoff.progress', { draftId, companyId: 'c1', status: 'connecting' });
    expect(h.on('handoff').bulk?.rows[0]?.status).toBe('connecting');
    submit.resolve({ dataSourceId: 'ds-7', failed: [{ companyId: 'c3', name: 'Beta Oy', reason: { key: 'r.noRights' } }] });
    await submitting;
    expect(h.on('handoff')).toMatchObject({ busy: false, bulk: { dataSourceId: 'ds-7' } });
    expect(h.on('handoff').bulk?.rows.map((r) => `${r.companyId}:${r.status}`)).toEqual(['c1:connected', 'c3:failed']);

    // A late event must not reopen a settled row.
    h.fake.emit('handoff.progress', { draftId, companyId: 'c1', status: 'connecting' });
    expect(h.on('handoff').bulk?.rows[0]?.status).toBe('connected');

    await h.actions.retryFailedCompanies();
    expect(h.fake.calls('handoff.retryCompanies')).toEqual([{ draftId, companyIds: ['c3'] }]);
    expect(h.on('status')).toMatchObject({ dataSourceId: 'ds-1' });
  });
});
