import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExopenError } from '../../../main/exopen';
import { authenticateFromTable, contractViolations, DOMAIN, MEMBER_DOMAIN, sampleConfig, startHarness, type Harness } from './support/harness';

const failureOf = (promise: Promise<unknown>): Promise<unknown> => promise.then(
  () => {
    throw new Error('expected the call to fail');
  },
  (error: unknown) => error,
);

describe('sign-in identity and company domains', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness({ authenticate: authenticateFromTable, runner: async () => undefined });
  });
  afterEach(async () => {
    await harness.close();
  });

  it('answers who the token belongs to, and each user their own domains with their role, by name', async () => {
    expect(await harness.clientAs('token-admin-0001').me()).toEqual({ sub: 'user-admin', email: 'admin@demo.exopen.test', name: 'Demo Admin' });
    expect(await harness.clientAs('token-admin-0001').listDomains()).toEqual([
      { id: DOMAIN, name: 'Demo Group', role: 'admin' },
      { id: MEMBER_DOMAIN, name: 'Nordic Holding', role: 'member' },
    ]);
    expect(await harness.clientAs('token-viewer-001').listDomains()).toEqual([{ id: DOMAIN, name: 'Demo Group', role: 'member' }]);
    expect(await harness.clientAs('token-outsider-1').listDomains()).toEqual([]);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('refuses a token the authenticate port does not accept, the fixed dev token included, as unauthorized', async () => {
    for (const token of ['not-a-known-token', harness.sandbox.token]) {
      const failure = await failureOf(harness.clientWith({ token: async () => token }).me());
      expect(failure).toBeInstanceOf(ExopenError);
      expect(failure).toMatchObject({ code: 'unauthorized', httpStatus: 401, problemCode: 'unauthorized' });
      expect((failure as ExopenError).msg).toEqual({ key: 'exopen:errors.unauthorized' });
    }
    // A missing header is the same answer, and nothing is retried.
    const bare = await fetch(`${harness.proxy.url}/v1/domains`);
    expect(bare.status).toBe(401);
    expect(harness.proxy.exchanges).toHaveLength(3);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('creates a domain with its creator as admin; a lost answer is replayed; a duplicate name is refused naming the field', async () => {
    const admin = harness.clientAs('token-admin-0001');
    harness.sandbox.faults.dropAfterCommit();
    const created = await admin.createDomain('Acme Group', 'key-domain-00001');
    expect(created).toMatchObject({ name: 'Acme Group', role: 'admin' });
    const posts = harness.proxy.exchanges.filter((exchange) => exchange.method === 'POST');
    expect(posts.map((exchange) => (exchange.dropped ? 'dropped' : exchange.status))).toEqual(['dropped', 200]);
    expect(posts[1]?.responseHeaders?.['idempotent-replayed']).toBe('true');
    expect((await admin.listDomains()).map((domain) => domain.name)).toEqual(['Acme Group', 'Demo Group', 'Nordic Holding']);

    const duplicate = await failureOf(admin.createDomain('  acme GROUP ', 'key-domain-00002'));
    expect(duplicate).toMatchObject({ code: 'exists', httpStatus: 409, problemCode: 'domain-exists', dataSourceId: undefined });
    expect((duplicate as ExopenError).fieldErrors.map((item) => item.field)).toEqual(['name']);
    expect((duplicate as ExopenError).msg).toEqual({ key: 'exopen:errors.existsDomain' });

    // Names are unique per user: another user may have an "Acme Group" of their own.
    expect(await harness.clientAs('token-viewer-001').createDomain('Acme Group', 'key-domain-00003')).toMatchObject({ role: 'admin' });
    const invalid = await failureOf(admin.createDomain(' x ', 'key-domain-00004'));
    expect(invalid).toMatchObject({ code: 'validation', httpStatus: 422 });
    expect((invalid as ExopenError).fieldErrors.map((item) => item.field)).toEqual(['name']);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('keeps created domains and their admins across a restart', async () => {
    const created = await harness.clientAs('token-admin-0001').createDomain('Kept Group', 'key-domain-keep1');
    await harness.restart();
    expect(await harness.clientAs('token-admin-0001').listDomains()).toContainEqual(created);
    expect(await harness.clientAs('token-viewer-001').listDomains()).not.toContainEqual(expect.objectContaining({ id: created.id }));
  });

  it('lets only admins change a domain\'s data sources: members get forbidden, outsiders not-found', async () => {
    const admin = harness.clientAs('token-admin-0001');
    const viewer = harness.clientAs('token-viewer-001');
    const outsider = harness.clientAs('token-outsider-1');

    const asMember = await failureOf(viewer.createDataSource(DOMAIN, sampleConfig(), 'key-viewer-00001'));
    expect(asMember).toBeInstanceOf(ExopenError);
    expect(asMember).toMatchObject({ code: 'forbidden', httpStatus: 403, problemCode: 'not-domain-admin' });
    expect((asMember as ExopenError).msg).toEqual({ key: 'exopen:errors.forbidden' });
    expect(await failureOf(admin.createDataSource(MEMBER_DOMAIN, sampleConfig(), 'key-admin-nordic1'))).toMatchObject({ code: 'forbidden' });
    expect(await failureOf(outsider.createDataSource(DOMAIN, sampleConfig(), 'key-outsider-001'))).toMatchObject({ code: 'not-found', httpStatus: 404 });
    expect(await failureOf(admin.createDataSource('dom-unknown', sampleConfig(), 'key-unknown-0001'))).toMatchObject({ code: 'not-found' });
    expect(await admin.listDataSources()).toEqual([]);

    const created = await admin.createDataSource(DOMAIN, sampleConfig(), 'key-admin-demo01');
    expect((await viewer.listDataSources(DOMAIN)).map((item) => item.id)).toEqual([created.id]);
    expect((await viewer.getDataSource(created.id)).domainId).toBe(DOMAIN);
    expect(await failureOf(viewer.addCompanies(created.id, [{ id: 'X1', name: 'X Oy' }], 'key-viewer-add01'))).toMatchObject({ code: 'forbidden' });
    expect(await failureOf(viewer.deleteDataSource(created.id, 'key-viewer-del01'))).toMatchObject({ code: 'forbidden' });
    expect(await failureOf(viewer.recreateDataSource(created.id, sampleConfig(), 'key-viewer-rec01'))).toMatchObject({ code: 'forbidden' });
    expect(await failureOf(outsider.getDataSource(created.id))).toMatchObject({ code: 'not-found' });
    expect(await failureOf(outsider.listDataSources(DOMAIN))).toMatchObject({ code: 'not-found' });
    expect(await outsider.listDataSources()).toEqual([]);
    expect(await viewer.listDataSources(MEMBER_DOMAIN).catch((error: unknown) => error)).toMatchObject({ code: 'not-found' });
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });
});

describe('without an authenticate port', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness({ runner: async () => undefined });
  });
  afterEach(async () => {
    await harness.close();
  });

  it('accepts the fixed development token as the demo admin, with the seeded domains', async () => {
    expect((await harness.client.me()).email).toBe('admin@demo.exopen.test');
    expect((await harness.client.listDomains()).map((domain) => [domain.id, domain.role])).toEqual([
      [DOMAIN, 'admin'],
      [MEMBER_DOMAIN, 'member'],
    ]);
  });

  it('takes membership seeds per email, replacing the defaults', async () => {
    await harness.restart({ memberships: { 'ADMIN@demo.exopen.test': [{ id: 'dom-solo', name: 'Solo Oy', role: 'admin' }] } });
    expect(await harness.client.listDomains()).toEqual([{ id: 'dom-solo', name: 'Solo Oy', role: 'admin' }]);
  });
});
