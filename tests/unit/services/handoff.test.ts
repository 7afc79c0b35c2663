/**
 * Checks and hand-off through the real runtime handlers against the Netvisor simulator and the sandbox
 * backend: invalid fields are refused before any request, a healthy setup passes, the review masks the
 * secret, submitting twice creates one data source, and its initial run finishes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DataSourceStatus } from '../../../preload/contract';
import { filesContaining, fillScenario, startRuntime, type Harness } from './support';

/** Polls status.get a bounded number of times until the run settles. */
async function settled(h: Harness, dataSourceId: string): Promise<DataSourceStatus> {
  let status = await h.ok('status.get', { dataSourceId });
  for (let attempt = 0; attempt < 400 && (status.status === 'queued' || status.status === 'running'); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    status = await h.ok('status.get', { dataSourceId });
  }
  return status;
}

describe('checks and hand-off through the runtime', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('checks.run refuses while fields are invalid, with field errors naming them', async () => {
    h = await startRuntime();
    const draft = await h.ok('drafts.start', { system: 'netvisor' });
    await h.ok('drafts.save', { id: draft.id, step: 'credentials', fields: { companyName: 'X Oy', businessId: '1618033-4', customerId: 'u' }, selectedCompanies: [] });
    const error = await h.fail('checks.run', { draftId: draft.id, operationId: crypto.randomUUID() });
    expect(error.code).toBe('E_INVALID_FIELDS');
    expect(error.fieldErrors?.map((fieldError) => fieldError.field).sort()).toEqual(['businessId', 'customerKey']);
  });

  it('handoff before a check run answers E_NOT_VERIFIED', async () => {
    h = await startRuntime();
    const { draft } = await fillScenario(h, 'healthy');
    expect((await h.fail('handoff.review', { draftId: draft.id })).code).toBe('E_NOT_VERIFIED');
    expect((await h.fail('handoff.submit', { draftId: draft.id })).code).toBe('E_NOT_VERIFIED');
  });

  it('a healthy setup passes, reviews masked, hands off once however often submitted, and its run finishes', async () => {
    h = await startRuntime();
    const { draft, errors, scenario } = await fillScenario(h, 'healthy');
    expect(errors).toEqual([]);
    const secret = scenario.secrets.customerKey!;

    const report = await h.ok('checks.run', { draftId: draft.id, operationId: crypto.randomUUID() });
    expect(report.overall).toBe('passed');
    expect(report.results.every((result) => result.status === 'passed')).toBe(true);
    const company = report.companies.find((candidate) => candidate.active);
    expect(company).toBeDefined();
    await h.ok('drafts.save', { id: draft.id, step: 'review', fields: draft.fields, selectedCompanies: [company!.id], domainId: 'dom-demo' });

    const review = await h.ok('handoff.review', { draftId: draft.id });
    const key = review.items.find((item) => item.field === 'customerKey');
    expect(key).toMatchObject({ masked: true });
    expect(key!.value).not.toContain(secret);
    expect(JSON.stringify(review)).not.toContain(secret);
    expect(review.items.find((item) => item.field === 'businessId')).toMatchObject({ value: '1618033-3', masked: false });
    expect(review.companies.map((listed) => listed.id)).toEqual([company!.id]);
    expect(review.destination).toBe('sandbox');

    const first = await h.ok('handoff.submit', { draftId: draft.id });
    const second = await h.ok('handoff.submit', { draftId: draft.id });
    expect(second.dataSourceId).toBe(first.dataSourceId);
    const listed = await h.ok('dataSources.list', {});
    expect(listed.map((card) => card.id)).toEqual([first.dataSourceId]);
    expect((await h.ok('drafts.current', {}))?.dataSourceId).toBe(first.dataSourceId);

    const status = await settled(h, first.dataSourceId);
    expect(status).toMatchObject({ dataSourceId: first.dataSourceId, status: 'done' });
    expect(status.resources.length).toBeGreaterThan(0);
    expect(status.resources.every((resource) => resource.status === 'done')).toBe(true);
    expect(JSON.stringify(h.answers)).not.toContain(secret);
    // Drafts, logs and the sandbox backend's store all live under the data dir: none holds the key.
    expect(await filesContaining(h.dataDir, secret)).toEqual([]);
  });

  it('handoff.review with no company picked answers E_NO_COMPANIES', async () => {
    h = await startRuntime();
    const { draft } = await fillScenario(h, 'healthy');
    await h.ok('checks.run', { draftId: draft.id, operationId: crypto.randomUUID() });
    expect((await h.fail('handoff.review', { draftId: draft.id })).code).toBe('E_NO_COMPANIES');
  });

  // Regression: 'not-found' once became E_EXOPEN_NOT-FOUND, which dispatch refuses as a typed code.
  it('status.get for an unknown data source answers E_EXOPEN_NOT_FOUND, not E_INTERNAL', async () => {
    h = await startRuntime();
    const error = await h.fail('status.get', { dataSourceId: 'no-such-data-source' });
    expect(error.code).toBe('E_EXOPEN_NOT_FOUND');
  });
});
