/**
 * The bulk hand-off of a Vitec credential through the real runtime, the Vitec simulator (with latency, so
 * requests overlap) and the sandbox backend: at most 4 companies in flight, a company the simulator fails
 * stays failed with its reason while the others connect, a retry connects it once the simulator lets it
 * through, retrying connected companies adds nothing twice, and the Data sources page lists what the
 * credential reaches with the connected companies marked.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload, HandoffProgress } from '../../../preload/contract';
import { startSandbox, type Sandbox } from '../../../main/sandbox';
import { startRuntime, tempDir, type Harness } from './support';

const DOMAIN = 'dom-demo';

function vitecScenario(sandbox: Sandbox, id: string) {
  const found = sandbox.scenarios.vitec?.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no vitec scenario ${id}`);
  return found;
}

/** A Vitec draft of the scenario, checked, with `select` (default: every company) chosen for the demo domain. */
async function checkedVitecDraft(h: Harness, id: string, select?: (ids: string[]) => string[]) {
  const chosen = vitecScenario(h.sandbox, id);
  const draft = await h.ok('drafts.start', { system: 'vitec' });
  await h.ok('secrets.put', { draftId: draft.id, field: 'password', value: chosen.secrets.password! });
  const fields = { ...chosen.fields, environment: 'sandbox' };
  await h.ok('drafts.save', { id: draft.id, step: 'credentials', fields, selectedCompanies: [] });
  const report = await h.ok('checks.run', { draftId: draft.id, operationId: crypto.randomUUID() });
  expect(report.overall).not.toBe('failed');
  const all = report.companies.map((company) => company.id);
  const selected = select ? select(all) : all;
  await h.ok('drafts.save', { id: draft.id, step: 'review', fields, selectedCompanies: selected, domainId: DOMAIN });
  return { draftId: draft.id, selected, domain: chosen.fields.domain! };
}

function recordProgress(h: Harness): { events: HandoffProgress[]; stop: () => void } {
  const events: HandoffProgress[] = [];
  const stop = h.runtime.events.subscribe((name, payload) => {
    if (name === 'handoff.progress') events.push(payload as EventPayload<'handoff.progress'>);
  });
  return { events, stop };
}

const lastStatusOf = (events: ReadonlyArray<HandoffProgress>) => {
  const last = new Map<string, HandoffProgress['status']>();
  for (const event of events) last.set(event.companyId, event.status);
  return last;
};

async function cardOf(h: Harness, dataSourceId: string) {
  const card = (await h.ok('dataSources.list', {})).find((candidate) => candidate.id === dataSourceId);
  if (!card) throw new Error(`no card ${dataSourceId}`);
  return card;
}

describe('bulk hand-off of a Vitec credential', () => {
  let sandboxDir: string;
  let sandbox: Sandbox;
  let h: Harness;
  beforeAll(async () => {
    sandboxDir = await tempDir('exopen-bulk-sandbox-');
    // 15 ms per vendor answer: enough for requests to overlap, so the bound is really tested.
    sandbox = await startSandbox({ dataDir: sandboxDir, latencyMs: 15 });
    h = await startRuntime({ sandbox });
  });
  afterAll(async () => {
    await h?.stop();
    await sandbox?.close();
    await rm(sandboxDir, { recursive: true, force: true });
  });

  it('connects 40 companies with never more than 4 vendor requests in flight, streaming each company', async () => {
    const { draftId, selected } = await checkedVitecDraft(h, 'healthy');
    expect(selected).toHaveLength(40);
    const progress = recordProgress(h);
    sandbox.vitec.resetStats();
    const result = await h.ok('handoff.submit', { draftId });
    progress.stop();

    const stats = sandbox.vitec.stats();
    expect(stats.requests).toBe(40); // one read per company, nothing else
    expect(stats.maxInFlight).toBeLessThanOrEqual(4);
    expect(stats.maxInFlight).toBeGreaterThan(1);
    expect(result.failed).toEqual([]);
    // Adds finish in any order (4 at a time): the card must hold exactly the selected companies.
    expect((await cardOf(h, result.dataSourceId)).companies.map((company) => company.id).sort()).toEqual([...selected].sort());
    // Every company went queued → connecting → connected, and only that.
    for (const id of selected) {
      expect(progress.events.filter((event) => event.companyId === id).map((event) => event.status)).toEqual(['queued', 'connecting', 'connected']);
    }
    expect(progress.events.every((event) => event.draftId === draftId)).toBe(true);
    expect((await h.ok('drafts.current', {}))).toMatchObject({ step: 'status', dataSourceId: result.dataSourceId });
  });

  it('keeps a failing company failed with its reason, connects the others, and a retry connects only it', async () => {
    const { draftId, selected, domain } = await checkedVitecDraft(h, 'company-fails');
    expect(selected).toHaveLength(12);
    const first = recordProgress(h);
    const result = await h.ok('handoff.submit', { draftId });
    first.stop();

    expect(result.failed.map((failure) => failure.companyId)).toEqual(['1005']);
    const [failure] = result.failed;
    expect(failure!.reason).toEqual({ key: 'vitec:connect.failed', params: { companyId: '1005' } });
    expect(failure!.fix?.key).toBe('vitec:diagnosis.api.companyUnavailable.fix');
    expect(failure!.vendor).toMatchObject({ code: 'company-unavailable', httpStatus: 503 });
    expect(lastStatusOf(first.events).get('1005')).toBe('failed');
    expect([...lastStatusOf(first.events).values()].filter((status) => status === 'connected')).toHaveLength(11);
    // The adds run 4 at a time, so the card lists them in the order they finished: compare as sets.
    expect((await cardOf(h, result.dataSourceId)).companies.map((company) => company.id).sort()).toEqual(selected.filter((id) => id !== '1005').sort());
    // Not finished: the draft waits at the hand-off, with its data source.
    expect(await h.ok('drafts.current', {})).toMatchObject({ step: 'handoff', dataSourceId: result.dataSourceId });

    // Still failing: a retry fails it again, the rest stays as it is.
    const again = await h.ok('handoff.retryCompanies', { draftId, companyIds: ['1005'] });
    expect(again.failed.map((item) => item.companyId)).toEqual(['1005']);

    sandbox.vitec.failCompany(domain, '1005', false);
    const retry = recordProgress(h);
    const fixed = await h.ok('handoff.retryCompanies', { draftId, companyIds: ['1005'] });
    retry.stop();
    expect(fixed).toEqual({ dataSourceId: result.dataSourceId, failed: [] });
    expect(new Set(retry.events.map((event) => event.companyId))).toEqual(new Set(['1005']));
    expect((await cardOf(h, result.dataSourceId)).companies.map((company) => company.id).sort()).toEqual([...selected].sort());
    expect(await h.ok('drafts.current', {})).toMatchObject({ step: 'status' });

    // Idempotent per company: retrying companies that are connected adds nothing twice.
    const replay = await h.ok('handoff.retryCompanies', { draftId, companyIds: ['1001', '1005', '1012'] });
    expect(replay.failed).toEqual([]);
    const companies = (await cardOf(h, result.dataSourceId)).companies.map((company) => company.id);
    expect(companies).toHaveLength(12);
    expect(new Set(companies).size).toBe(12);
    // Only companies of the setup can be retried.
    expect((await h.fail('handoff.retryCompanies', { draftId, companyIds: ['9999'] })).code).toBe('E_UNKNOWN_COMPANY');
    sandbox.vitec.reset();
    // One credential, one data source per domain: the next test connects the same credential afresh.
    await h.ok('dataSources.delete', { id: result.dataSourceId });
  });

  it('creates the data source with the first company that verifies, and with none it creates nothing until a retry', async () => {
    const { draftId, domain } = await checkedVitecDraft(h, 'company-fails', (ids) => ids.slice(0, 3));
    for (const id of ['1001', '1002', '1003']) sandbox.vitec.failCompany(domain, id, true);
    const none = await h.fail('handoff.submit', { draftId });
    expect(none.code).toBe('E_NO_COMPANY_CONNECTED');
    expect((await h.ok('drafts.current', {}))?.dataSourceId).toBeUndefined();

    sandbox.vitec.failCompany(domain, '1002', false);
    const partial = await h.ok('handoff.retryCompanies', { draftId, companyIds: ['1001', '1002', '1003'] });
    expect(partial.failed.map((failure) => failure.companyId)).toEqual(['1001', '1003']);
    expect((await cardOf(h, partial.dataSourceId)).companies.map((company) => company.id)).toEqual(['1002']);
    sandbox.vitec.reset();
  });

  it('lists the companies a connected credential reaches, the connected ones marked (asked at Exopen)', async () => {
    const { draftId, domain } = await checkedVitecDraft(h, 'integration-partial', (ids) => ids.slice(0, 5));
    const { dataSourceId } = await h.ok('handoff.submit', { draftId });
    const available = await h.ok('dataSources.companies', { id: dataSourceId });
    expect(available).toHaveLength(40);
    expect(available.filter((company) => company.connected).map((company) => company.id)).toEqual(['1001', '1002', '1003', '1004', '1005']);
    expect(available.filter((company) => !company.active)).toHaveLength(5);
    // The password never crosses the bridge, not even inside the listing.
    const password = vitecScenario(sandbox, 'integration-partial').secrets.password!;
    expect(JSON.stringify(h.answers)).not.toContain(password);
    expect(domain).toBe('demo-partial');
    expect((await h.fail('dataSources.companies', { id: 'ds_missing' })).code).toBe('E_EXOPEN_NOT_FOUND');
  });
});
