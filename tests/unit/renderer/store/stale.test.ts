/**
 * Stale answers: an answer that arrives after a newer request (or after the user moved on) must not
 * overwrite the state. Check runs are told apart by their operationId; review, saves, domains, the Data
 * sources dialog and Diagnose's draft lookup by tickets (store/api.ts takeTicket / isCurrentTicket).
 */
import { describe, expect, it, vi } from 'vitest';
import type { AvailableCompany, CheckReport, DataSourceCard, DataSourceStatus, Domain, Draft, FieldError, Review } from '../../../../preload/contract';
import { bridgeError } from './fakeBridge';
import * as fx from './fixtures';
import { booted, deferred, flush, signedIn, walkTo, type Deferred } from './harness';

/** Each call of a bridge method gets its own answer, given by the test. */
function queue<T>(): { answers: Deferred<T>[]; next: () => Promise<T> } {
  const answers: Deferred<T>[] = [];
  return {
    answers,
    next: () => {
      const answer = deferred<T>();
      answers.push(answer);
      return answer.promise;
    },
  };
}

describe('check runs (operationId)', () => {
  async function twoRuns() {
    const runs = queue<CheckReport>();
    const h = await booted((fake) => fake.handle('checks.run', runs.next));
    await walkTo(h, 'test'); // run A, unanswered
    h.actions.back(); // leaves A behind (and asks main to cancel it)
    const testing = h.actions.startTest(); // run B
    await flush();
    const [a, b] = h.fake.calls('checks.run').map((input) => input.operationId);
    expect(a).not.toBe(b);
    expect(h.on('test').run).toMatchObject({ operationId: b, running: true });
    return { h, runs, a: a!, b: b!, testing };
  }

  it('drops the older run’s answer and events while the newer run is under way', async () => {
    const { h, runs, a, b, testing } = await twoRuns();
    h.fake.emit('checks.progress', { operationId: a, event: { type: 'check-finished', result: fx.failed('rights') } });
    runs.answers[0]!.resolve(fx.report([fx.passed('connect'), fx.failed('rights')]));
    await flush();
    expect(h.on('test')).toMatchObject({ busy: true, session: { report: null }, run: { operationId: b, running: true } });
    expect(h.on('test').run.checks['rights']?.status).toBe('pending');

    runs.answers[1]!.resolve(fx.report([fx.passed('connect'), fx.passed('rights')]));
    await testing;
    expect(h.on('test')).toMatchObject({ busy: false, session: { report: { overall: 'passed' } }, run: { running: false } });
  });

  it('drops the older run’s failure arriving after the newer run finished', async () => {
    const { h, runs, testing } = await twoRuns();
    runs.answers[1]!.resolve(fx.report([fx.passed('connect'), fx.passed('rights')]));
    await testing;
    runs.answers[0]!.reject(bridgeError('E_EXOPEN_NETWORK', 'late'));
    await flush();
    expect(h.on('test')).toMatchObject({ error: null, session: { report: { overall: 'passed' } }, run: { cancelled: false } });
  });

  it('drops an answer for a Test step the user has left', async () => {
    const runs = queue<CheckReport>();
    const h = await booted((fake) => fake.handle('checks.run', runs.next));
    await walkTo(h, 'test');
    h.actions.back();
    runs.answers[0]!.resolve(fx.report([fx.failed('connect')]));
    await flush();
    expect(h.on('credentials')).toMatchObject({ error: null, session: { report: null } });
  });

  it('ignores a progress event arriving after the run’s answer', async () => {
    const h = await booted();
    await walkTo(h, 'test');
    const { run } = h.on('test');
    h.fake.emit('checks.progress', { operationId: run.operationId!, event: { type: 'check-started', checkId: 'connect' } });
    expect(h.on('test').run).toEqual(run);
  });
});

describe('tickets', () => {
  it('keeps the newest review when an older handoff.review answers last', async () => {
    const reviews = queue<Review>();
    const h = await booted((fake) => fake.handle('handoff.review', reviews.next));
    await walkTo(h, 'review'); // review #1, unanswered
    const second = h.actions.loadReview();
    reviews.answers[1]!.resolve({ items: [], companies: [fx.acme], destination: 'newer' });
    await second;
    reviews.answers[0]!.resolve({ items: [], companies: [], destination: 'older' });
    await flush();
    expect(h.on('review')).toMatchObject({ busy: false, review: { destination: 'newer' } });
  });

  it('keeps the field errors of the newest drafts.save when an older save answers last', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const saves = queue<{ draft: Draft; errors: ReadonlyArray<FieldError> }>();
    const h = await booted();
    await walkTo(h, 'credentials');
    h.fake.handle('drafts.save', saves.next);
    h.actions.editField('customerId', 'x');
    await vi.advanceTimersByTimeAsync(400); // autosave #1
    h.actions.editField('customerId', '1234567-8');
    await vi.advanceTimersByTimeAsync(400); // autosave #2
    expect(h.fake.calls('drafts.save').slice(-2).map((input) => input.fields['customerId'])).toEqual(['x', '1234567-8']);

    saves.answers[1]!.resolve({ draft: fx.draft(), errors: [] });
    saves.answers[0]!.resolve({ draft: fx.draft(), errors: [{ field: 'customerId', message: { key: 'e.format' } }] });
    await flush();
    expect(h.on('credentials').session.fieldErrors).toEqual([]);
  });

  it('keeps the newest domain list when an older domains.list answers last', async () => {
    const lists = queue<ReadonlyArray<Domain>>();
    const h = await booted((fake) => fake.handle('domains.list', lists.next));
    const first = h.actions.loadDomains();
    const second = h.actions.loadDomains();
    lists.answers[1]!.resolve([{ id: 'dom-new', name: 'Newer', canAdminister: true }]);
    lists.answers[0]!.resolve([]);
    await Promise.all([first, second]);
    expect(h.state.domains.list).toEqual({ phase: 'ready', list: [{ id: 'dom-new', name: 'Newer', canAdminister: true }] });
  });

  it('drops a status answer that arrives after polling stopped', async () => {
    const statuses = queue<DataSourceStatus>();
    const h = await booted((fake) => fake.handle('auth.status', () => signedIn));
    await walkTo(h, 'status');
    h.fake.handle('status.get', statuses.next);
    const stop = h.actions.startStatusPolling();
    stop();
    statuses.answers[0]!.resolve({ dataSourceId: 'ds-1', displayName: 'Acme', status: 'running', progress: 10, resources: [] });
    await flush();
    expect(h.on('status').status).toBeNull();
  });

  it('keeps the newest setup in progress on Diagnose when an older drafts.current answers last', async () => {
    const currents = queue<Draft | null>();
    const h = await booted();
    h.fake.handle('drafts.current', currents.next);
    h.actions.chooseDiagnoseSystem('netvisor');
    const first = h.actions.loadDiagnose();
    const second = h.actions.loadDiagnose();
    currents.answers[1]!.resolve(fx.draft({ id: 'draft-newer', system: 'vitec' }));
    currents.answers[0]!.resolve(fx.draft({ id: 'draft-older', system: 'netvisor' }));
    await Promise.all([first, second]);
    expect(h.state.diagnose).toMatchObject({ draft: { id: 'draft-newer', system: 'vitec' }, source: 'typed' });
  });
});

describe('the Add companies dialog (dataSources.companies)', () => {
  const card = (id: string): DataSourceCard => ({
    id,
    system: 'vitec',
    displayName: id,
    domainId: 'dom-1',
    credentialLabel: 'api-user',
    companies: [{ id: 'c1', name: 'Acme Oy' }],
    status: 'done',
  });
  const available = (...ids: string[]): ReadonlyArray<AvailableCompany> => ids.map((id) => ({ id, name: id, active: true, connected: id === 'c1' }));

  async function withCards() {
    const companies = queue<ReadonlyArray<AvailableCompany>>();
    const h = await booted((fake) => {
      fake.handle('auth.status', () => signedIn);
      fake.handle('dataSources.list', () => [card('ds-a'), card('ds-b')]);
      fake.handle('dataSources.companies', companies.next);
    });
    await h.actions.loadDataSources();
    return { h, companies };
  }

  it('keeps the list of the dialog opened last when the earlier dialog’s answer arrives after it', async () => {
    const { h, companies } = await withCards();
    h.actions.openCardDialog('add', 'ds-a');
    h.actions.closeCardDialog();
    h.actions.openCardDialog('add', 'ds-a');
    companies.answers[1]!.resolve(available('c1', 'c3'));
    await flush();
    companies.answers[0]!.resolve(available('c1'));
    await flush();
    expect(h.state.dataSources.dialog).toMatchObject({ kind: 'add', busy: false, available: available('c1', 'c3') });
  });

  it('does not show a closed Add dialog’s failure on the dialog open now', async () => {
    const { h, companies } = await withCards();
    h.actions.openCardDialog('add', 'ds-a');
    h.actions.closeCardDialog();
    h.actions.openCardDialog('delete', 'ds-b');
    companies.answers[0]!.reject(bridgeError('E_EXOPEN_UNAVAILABLE', 'vendor timed out'));
    await flush();
    expect(h.state.dataSources.dialog).toEqual({ kind: 'delete', cardId: 'ds-b', busy: false, error: null });
  });
});
