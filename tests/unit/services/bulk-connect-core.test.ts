/**
 * The bulk-connect algorithm on its own, with a recording backend and a probe whose answers the test times:
 * the data source is created with the first company *in order* that verifies (not the first to answer), at
 * most `concurrency` probes run at once, and a create the backend refuses leaves no company "connecting".
 */
import { describe, expect, it } from 'vitest';
import { msg, type Company, type CompanyProbe, type DataSourceConfig } from '../../../main/connectors/types';
import { ExopenError, type DataSource, type ExopenClient } from '../../../main/exopen';
import { forEachBounded } from '../../../main/services/bounded';
import { addCompanyKey, bulkConnect, type BulkProgress } from '../../../main/services/bulk-connect';

const companies: Company[] = Array.from({ length: 10 }, (_, i) => ({ id: String(2001 + i), name: `Company ${i + 1} AB`, active: true }));

const configFor = (chosen: ReadonlyArray<Company>): DataSourceConfig => ({
  system: 'vitec',
  displayName: 'acme.vitec.net',
  settings: { domain: 'acme' },
  secrets: { password: 'pw' },
  companies: chosen.map(({ id, name }) => ({ id, name })),
});

const dataSource = (id: string, list: ReadonlyArray<{ id: string; name: string }>): DataSource => ({
  id,
  domainId: 'dom-demo',
  system: 'vitec',
  displayName: 'acme.vitec.net',
  credentialLabel: 'acme.vitec.net',
  settings: {},
  secretFields: ['password'],
  companies: [...list],
  createdAt: '2026-11-22T00:00:00Z',
  initialRun: { status: 'queued', progress: 0, resources: [] },
});

function recordingBackend(options: { failCreate?: ExopenError } = {}) {
  const calls: Array<{ op: 'create' | 'add'; companies: string[]; key: string }> = [];
  const backend: Pick<ExopenClient, 'createDataSource' | 'addCompanies'> = {
    async createDataSource(_domainId, config, key) {
      calls.push({ op: 'create', companies: config.companies.map((c) => c.id), key });
      if (options.failCreate) throw options.failCreate;
      return dataSource('ds_1', config.companies);
    },
    async addCompanies(id, list, key) {
      calls.push({ op: 'add', companies: list.map((c) => c.id), key });
      return dataSource(id, list);
    },
  };
  return { backend, calls };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A probe that answers after `delayOf(id)` ms, failing the ids in `failing`, and counts how many run at once. */
function timedProbe(delayOf: (id: string) => number, failing: ReadonlySet<string> = new Set()) {
  const seen = { inFlight: 0, max: 0 };
  const probe = async (companyId: string): Promise<CompanyProbe> => {
    seen.max = Math.max(seen.max, ++seen.inFlight);
    await wait(delayOf(companyId));
    seen.inFlight--;
    const company = companies.find((c) => c.id === companyId)!;
    if (failing.has(companyId)) return { ok: false, summary: msg('vitec:connect.failed', { companyId }), diagnosis: { kind: 'unreachable', meaning: msg('m'), fix: msg('f') } };
    return { ok: true, company };
  };
  return { probe, seen };
}

describe('bulkConnect', () => {
  it('creates with the first company in order that verifies, even when a later one answers first', async () => {
    const { backend, calls } = recordingBackend();
    // 2001 fails slowly, 2002 verifies slowly, everything after answers at once.
    const { probe, seen } = timedProbe((id) => (id === '2001' || id === '2002' ? 40 : 1), new Set(['2001']));
    const events: BulkProgress[] = [];
    const outcome = await bulkConnect({ exopen: backend, probe, onProgress: (event) => events.push(event) }, { draftId: 'd1', domainId: 'dom-demo', companies, configFor });

    expect(calls[0]).toMatchObject({ op: 'create', companies: ['2002'] });
    expect(calls.slice(1).every((call) => call.op === 'add' && call.companies.length === 1)).toBe(true);
    expect(calls.slice(1).map((call) => call.companies[0]).sort()).toEqual(companies.slice(2).map((c) => c.id));
    expect(calls.find((call) => call.companies[0] === '2005')!.key).toBe(addCompanyKey('d1', 'ds_1', companies[4]!));
    expect(outcome.connected).toEqual(companies.slice(1).map((c) => c.id));
    expect(outcome.failed.map((failure) => failure.companyId)).toEqual(['2001']);
    expect(seen.max).toBeLessThanOrEqual(4);
    expect(events.filter((event) => event.status === 'queued')).toHaveLength(10);
  });

  it('never runs more probes at once than asked', async () => {
    for (const concurrency of [1, 2, 4]) {
      const { backend } = recordingBackend();
      const { probe, seen } = timedProbe(() => 3);
      await bulkConnect({ exopen: backend, probe, onProgress: () => undefined, concurrency }, { draftId: 'd2', domainId: 'dom-demo', companies, configFor });
      expect(seen.max).toBe(concurrency);
    }
  });

  it('adds every verified company to an existing data source on a retry, creating nothing', async () => {
    const { backend, calls } = recordingBackend();
    const { probe } = timedProbe(() => 1);
    const outcome = await bulkConnect(
      { exopen: backend, probe, onProgress: () => undefined },
      { draftId: 'd3', domainId: 'dom-demo', companies: companies.slice(0, 2), configFor, dataSourceId: 'ds_9' },
    );
    expect(calls.map((call) => call.op)).toEqual(['add', 'add']);
    expect(outcome).toEqual({ dataSourceId: 'ds_9', connected: ['2001', '2002'], failed: [] });
  });

  it('fails every unsettled company with the reason when the backend refuses the create, and throws', async () => {
    const refused = new ExopenError('unavailable', 'Exopen is down');
    const { backend } = recordingBackend({ failCreate: refused });
    const { probe } = timedProbe(() => 2);
    const events: BulkProgress[] = [];
    await expect(bulkConnect({ exopen: backend, probe, onProgress: (event) => events.push(event) }, { draftId: 'd4', domainId: 'dom-demo', companies, configFor })).rejects.toBe(refused);
    const last = new Map(events.map((event) => [event.companyId, event]));
    expect([...last.values()].every((event) => event.status === 'failed')).toBe(true);
    expect(last.get('2001')!.reason).toEqual(refused.msg);
  });
});

describe('forEachBounded', () => {
  it('stops starting new items after an error and throws it once the running ones finish', async () => {
    const started: number[] = [];
    const boom = new Error('boom');
    await expect(
      forEachBounded([0, 1, 2, 3, 4, 5], 2, async (item) => {
        started.push(item);
        await wait(2);
        if (item === 1) throw boom;
      }),
    ).rejects.toBe(boom);
    expect(started.length).toBeLessThan(6);
    await expect(forEachBounded([1], 0, async () => undefined)).rejects.toThrow(RangeError);
  });
});
