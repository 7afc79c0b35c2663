/**
 * After a whole signed-in lifecycle (hand-offs through the broker, a recreate, removal, deletion, sign-out
 * and sign-in), nothing under the data dir (drafts, settings, logs, the sandbox backend's store) holds a
 * customer key, one of Exopen's partner secrets, or an Exopen token (a JWT).
 */
import { relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { filesMatching, handOffNetvisor, JWT, runChecks, settled, verifiedProcountor } from './flows';
import { filesContaining, startRuntime, type Harness } from './support';

describe('no secret on disk after the lifecycle', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('leaves no customer key, partner secret or JWT in any file under the data dir', async () => {
    h = await startRuntime();
    const netvisor = await handOffNetvisor(h);
    expect(await settled(h, netvisor.dataSourceId)).toMatchObject({ status: 'done' });

    const procountor = await verifiedProcountor(h);
    const { dataSourceId } = await h.ok('handoff.submit', { draftId: procountor.draft.id });
    await settled(h, dataSourceId);
    const recreate = await h.ok('drafts.recreate', { dataSourceId });
    await h.ok('secrets.put', { draftId: recreate.id, field: 'apiKey', value: procountor.scenario.secrets.apiKey! });
    await runChecks(h, recreate.id);
    await h.ok('handoff.submit', { draftId: recreate.id });
    await settled(h, dataSourceId);

    await h.ok('dataSources.removeCompanies', { id: netvisor.dataSourceId, companyIds: [netvisor.company.id] });
    await h.ok('dataSources.delete', { id: dataSourceId });
    await h.ok('auth.signOut', {});
    await h.ok('auth.signIn', {});
    expect(await h.ok('dataSources.list', {})).toEqual([]);

    const partnerSecrets = Object.values(h.sandbox.partnerCredentials).flatMap((credentials) =>
      Object.entries(credentials)
        .filter(([name]) => /key|secret/i.test(name))
        .map(([, value]) => value),
    );
    expect(partnerSecrets.length).toBeGreaterThanOrEqual(2);
    const secrets = [netvisor.scenario.secrets.customerKey!, procountor.scenario.secrets.apiKey!, ...partnerSecrets];
    // The scan covers what the run wrote: the log, the draft and the sandbox backend's store.
    const dataDir = h.dataDir;
    const written = (await filesMatching(dataDir, /[\s\S]*/)).map((file) => relative(dataDir, file));
    for (const place of [/^logs\//, /^drafts\//, /^exopen-sandbox\//]) expect(written.some((file) => place.test(file)), String(place)).toBe(true);
    for (const secret of secrets) expect(await filesContaining(h.dataDir, secret), 'a file holds a secret').toEqual([]);
    expect(await filesMatching(h.dataDir, JWT)).toEqual([]);
    for (const secret of secrets) expect(JSON.stringify(h.answers)).not.toContain(secret);
  });
});
