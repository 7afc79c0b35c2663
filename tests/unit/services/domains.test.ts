/**
 * Company domains through the runtime as the sandbox's demo admin (admin of dom-demo, member of
 * dom-nordic): what the list says about administering, creating a domain once however often asked, and a
 * hand-off into a domain where the user is only a member.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { assistantAs, handOffNetvisor, verifiedNetvisor, VIEWER } from './flows';
import { startRuntime, type Harness } from './support';

describe('company domains through the runtime', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('lists the admin domain as administrable and the member domain as not', async () => {
    h = await startRuntime();
    const domains = await h.ok('domains.list', {});
    expect(domains).toContainEqual({ id: 'dom-demo', name: 'Demo Group', canAdminister: true });
    expect(domains).toContainEqual({ id: 'dom-nordic', name: 'Nordic Holding', canAdminister: false });
  });

  it('creates a domain with the user as admin; asking again answers the same domain, and no duplicate appears', async () => {
    h = await startRuntime();
    const created = await h.ok('domains.create', { name: 'Acme Group' });
    expect(created).toMatchObject({ name: 'Acme Group', canAdminister: true });
    // The same request again (a double click, a retry after a lost answer) carries the same idempotency key.
    expect(await h.ok('domains.create', { name: 'Acme Group' })).toEqual(created);
    // Another spelling of the same name is a different request: refused, with the field named.
    const clash = await h.fail('domains.create', { name: 'acme group' });
    expect(clash.code).toBe('E_EXOPEN_EXISTS');
    expect(clash.fieldErrors?.map((fieldError) => fieldError.field)).toEqual(['name']);

    const named = (await h.ok('domains.list', {})).filter((domain) => domain.name.toLowerCase() === 'acme group');
    expect(named).toEqual([created]);
  });

  it('refuses a one-letter name before any request, naming the field', async () => {
    h = await startRuntime();
    const error = await h.fail('domains.create', { name: ' A ' });
    expect(error.code).toBe('E_BAD_INPUT');
    expect(error.message).toContain('name');
  });

  it('a hand-off into a domain where the user is only a member answers E_EXOPEN_FORBIDDEN', async () => {
    h = await startRuntime();
    const { draft } = await verifiedNetvisor(h, 'healthy', 'dom-nordic');
    expect((await h.fail('handoff.submit', { draftId: draft.id })).code).toBe('E_EXOPEN_FORBIDDEN');
    expect(await h.ok('dataSources.list', {})).toEqual([]);
  });

  it('a member of the domain sees its data sources but may not remove, delete or recreate them', async () => {
    h = await startRuntime();
    const { dataSourceId, company, scenario } = await handOffNetvisor(h);
    const viewer = await assistantAs(h.sandbox, VIEWER);
    try {
      expect(await viewer.ok('auth.status', {})).toMatchObject({ signedIn: true, user: { email: VIEWER.email } });
      expect(await viewer.ok('domains.list', {})).toEqual([{ id: 'dom-demo', name: 'Demo Group', canAdminister: false }]);
      expect((await viewer.ok('dataSources.list', {})).map((card) => card.id)).toEqual([dataSourceId]);
      expect((await viewer.fail('dataSources.removeCompanies', { id: dataSourceId, companyIds: [company.id] })).code).toBe('E_EXOPEN_FORBIDDEN');
      expect((await viewer.fail('dataSources.delete', { id: dataSourceId })).code).toBe('E_EXOPEN_FORBIDDEN');
      // Reading it for a recreate is allowed; replacing its credential is not.
      const draft = await viewer.ok('drafts.recreate', { dataSourceId });
      await viewer.ok('secrets.put', { draftId: draft.id, field: 'customerKey', value: scenario.secrets.customerKey! });
      expect((await viewer.ok('checks.run', { draftId: draft.id, operationId: crypto.randomUUID() })).overall).toBe('passed');
      expect((await viewer.fail('handoff.submit', { draftId: draft.id })).code).toBe('E_EXOPEN_FORBIDDEN');
    } finally {
      await viewer.close();
    }
    expect((await h.ok('dataSources.list', {})).map((card) => card.id)).toEqual([dataSourceId]);
  });
});
