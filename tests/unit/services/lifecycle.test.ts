/**
 * The Data sources page through the runtime against the sandbox backend: a handed-off credential shows as
 * one card; a second assistant handing off the same credential is told it exists; removing the last
 * company deletes the data source; deleting works once and is harmless again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { handOffNetvisor, verifiedNetvisor } from './flows';
import { startRuntime, type Harness } from './support';

describe('data-source lifecycle through the runtime', () => {
  const started: Harness[] = [];
  const start = async (options: Parameters<typeof startRuntime>[0] = {}) => {
    const harness = await startRuntime(options);
    started.push(harness);
    return harness;
  };
  // The second assistant shares the first one's sandbox: stop it first.
  afterEach(async () => {
    for (const harness of started.reverse()) await harness.stop();
    started.length = 0;
  });

  it('a hand-off shows as one card; the same credential from a second assistant answers E_EXOPEN_EXISTS', async () => {
    const h = await start();
    const { dataSourceId, company, scenario } = await handOffNetvisor(h);
    const cards = await h.ok('dataSources.list', {});
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ id: dataSourceId, system: 'netvisor', domainId: 'dom-demo', companies: [{ id: company.id, name: company.name }] });
    expect(cards[0]!.credentialLabel).toContain(scenario.fields.customerId!);
    expect(['queued', 'running', 'done']).toContain(cards[0]!.status);

    // Another install (its own data dir, drafts and idempotency keys), the same Exopen account and credential.
    const other = await start({ sandbox: h.sandbox });
    const { draft } = await verifiedNetvisor(other);
    expect((await other.fail('handoff.submit', { draftId: draft.id })).code).toBe('E_EXOPEN_EXISTS');
    expect((await h.ok('dataSources.list', {})).map((card) => card.id)).toEqual([dataSourceId]);
  });

  it('removing the only company deletes the data source', async () => {
    const h = await start();
    const { dataSourceId, company } = await handOffNetvisor(h);
    expect(await h.ok('dataSources.removeCompanies', { id: dataSourceId, companyIds: [company.id] })).toEqual({ deleted: true });
    expect(await h.ok('dataSources.list', {})).toEqual([]);
    expect((await h.fail('status.get', { dataSourceId })).code).toBe('E_EXOPEN_NOT_FOUND');
  });

  it('removing one of two companies keeps the card with the other', async () => {
    const h = await start();
    const { dataSourceId, company } = await handOffNetvisor(h);
    const extra = { id: 'extra-company', name: 'Lisäyhtiö Oy' };
    const added = await h.ok('dataSources.addCompanies', { id: dataSourceId, companies: [extra] });
    expect(added.companies.map((listed) => listed.id)).toEqual([company.id, extra.id]);
    const removal = await h.ok('dataSources.removeCompanies', { id: dataSourceId, companyIds: [extra.id] });
    expect(removal).toMatchObject({ deleted: false, card: { id: dataSourceId, companies: [{ id: company.id }] } });
  });

  // Regression: the idempotency key once hashed only the request, so add-remove-add replayed the first add.
  it('a company removed and added again is connected again, and removed again is gone again', async () => {
    const h = await start();
    const { dataSourceId, company } = await handOffNetvisor(h);
    const extra = { id: 'extra-company', name: 'Lisäyhtiö Oy' };
    await h.ok('dataSources.addCompanies', { id: dataSourceId, companies: [extra] });
    await h.ok('dataSources.removeCompanies', { id: dataSourceId, companyIds: [extra.id] });
    const readded = await h.ok('dataSources.addCompanies', { id: dataSourceId, companies: [extra] });
    expect(readded.companies.map((listed) => listed.id)).toEqual([company.id, extra.id]);
    const removedAgain = await h.ok('dataSources.removeCompanies', { id: dataSourceId, companyIds: [extra.id] });
    expect(removedAgain).toMatchObject({ deleted: false, card: { companies: [{ id: company.id }] } });
  });

  it('a data source can be handed off again after it was deleted, deleted, and deleting again is harmless', async () => {
    const h = await start();
    const first = await handOffNetvisor(h);
    await h.ok('dataSources.removeCompanies', { id: first.dataSourceId, companyIds: [first.company.id] });

    // A new setup of the same credential: the old data source is gone, so nothing holds it any more.
    const again = await handOffNetvisor(h);
    expect(again.dataSourceId).not.toBe(first.dataSourceId);
    expect((await h.ok('dataSources.list', {})).map((card) => card.id)).toEqual([again.dataSourceId]);

    expect(await h.ok('dataSources.delete', { id: again.dataSourceId })).toEqual({ deleted: true });
    expect(await h.ok('dataSources.list', {})).toEqual([]);
    const repeat = await h.call('dataSources.delete', { id: again.dataSourceId });
    if (repeat.ok) expect(repeat.value).toEqual({ deleted: true });
    else expect(repeat.error.code).toBe('E_EXOPEN_NOT_FOUND');
    expect(await h.ok('dataSources.list', {})).toEqual([]);
  });
});
