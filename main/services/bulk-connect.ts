/**
 * Connects the companies of one credential to Exopen one by one, for systems whose credential reaches many
 * (Vitec Ekonomi: an accounting firm may pick 500). Each company is first verified with the vendor, at most
 * `concurrency` at a time; the first verified company in the selection's order creates the data source, and
 * every further verified company is added to it with its own idempotency key. A company that fails is
 * reported with its reason and never holds the others back; a retry names only the failed ones, and adding a
 * company again is a replay at the backend, so nothing is ever connected twice or undone.
 *
 * Why "first in order" rather than "first to answer": the create request (and so its idempotency key) must be
 * the same when a hand-off is repeated after a lost answer or a restart.
 */
import { createHash } from 'node:crypto';
import type { CompanyFailure, HandoffProgress } from '../../preload/contract';
import { msg, type Company, type CompanyProbe, type DataSourceConfig, type Msg } from '../connectors/types';
import { ExopenError, type ExopenClient } from '../exopen';
import { forEachBounded } from './bounded';
import { idempotencyKey, uuidFromHash } from './handoff-keys';

export const BULK_CONCURRENCY = 4;

export type BulkProgress = Omit<HandoffProgress, 'draftId'>;

export interface BulkConnectDeps {
  readonly exopen: Pick<ExopenClient, 'createDataSource' | 'addCompanies'>;
  /** Verifies one company with the vendor (the connector's probeCompany, the credential bound). */
  readonly probe: (companyId: string, signal?: AbortSignal) => Promise<CompanyProbe>;
  readonly onProgress: (progress: BulkProgress) => void;
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
}

export interface BulkPlan {
  /** Scopes the idempotency keys to this setup. */
  readonly draftId: string;
  readonly domainId: string;
  /** In the order they were selected; the first verified one creates the data source. */
  readonly companies: ReadonlyArray<Company>;
  /** Set when the data source exists already (a retry): every verified company is added to it. */
  readonly dataSourceId?: string;
  /** The create request's configuration for a data source with `companies`. */
  readonly configFor: (companies: ReadonlyArray<Company>) => DataSourceConfig;
  /** Told once the data source exists, before any other company is added (the draft records it). */
  readonly onCreated?: (dataSourceId: string) => Promise<void>;
}

export interface BulkOutcome {
  /** Absent only when no company could be verified and no data source existed. */
  readonly dataSourceId?: string;
  readonly connected: ReadonlyArray<string>;
  readonly failed: ReadonlyArray<CompanyFailure>;
}

/** The key of "add this company to this data source in this setup": the same on every retry of it. */
export const addCompanyKey = (draftId: string, dataSourceId: string, company: { id: string; name: string }): string =>
  uuidFromHash(createHash('sha256').update(`addCompany\0${draftId}\0${dataSourceId}\0${company.id}\0${company.name}`).digest('hex'));

interface Verdict {
  readonly promise: Promise<boolean>;
  settle(verified: boolean): void;
}

function verdict(): Verdict {
  let settle: (verified: boolean) => void = () => undefined;
  const promise = new Promise<boolean>((resolve) => {
    settle = resolve;
  });
  return { promise, settle };
}

export async function bulkConnect(deps: BulkConnectDeps, plan: BulkPlan): Promise<BulkOutcome> {
  const { companies } = plan;
  const verdicts = companies.map(() => verdict());
  const connected: string[] = [];
  const failed = new Map<string, CompanyFailure>();
  const settled = new Set<string>();

  const fail = (company: Company, reason: Msg, details: Pick<CompanyFailure, 'fix' | 'vendor'> = {}): void => {
    settled.add(company.id);
    failed.set(company.id, { companyId: company.id, name: company.name, reason, ...details });
    deps.onProgress({ companyId: company.id, status: 'failed', reason, ...details });
  };
  const succeed = (company: Company): void => {
    settled.add(company.id);
    connected.push(company.id);
    deps.onProgress({ companyId: company.id, status: 'connected' });
  };

  /** The data source and the index of the company that created it (-1: it existed), or undefined if none verified. */
  async function createWithFirstVerified(): Promise<{ id: string; creator: number } | undefined> {
    if (plan.dataSourceId) return { id: plan.dataSourceId, creator: -1 };
    for (let index = 0; index < companies.length; index++) {
      if (!(await verdicts[index]!.promise)) continue;
      const config = plan.configFor([companies[index]!]);
      const created = await deps.exopen.createDataSource(plan.domainId, config, idempotencyKey(plan.draftId, config), withSignal(deps.signal));
      await plan.onCreated?.(created.id);
      return { id: created.id, creator: index };
    }
    return undefined;
  }
  const dataSource = createWithFirstVerified();
  // Every verified worker awaits this; the guard only keeps a rejection nobody awaited from going unhandled.
  dataSource.catch(() => undefined);

  async function connectOne(company: Company, index: number): Promise<void> {
    deps.onProgress({ companyId: company.id, status: 'connecting' });
    let probe: CompanyProbe;
    try {
      probe = await deps.probe(company.id, deps.signal);
    } catch (error) {
      // A probe that threw (a bug, not a vendor answer) must not leave the create waiting for its verdict.
      verdicts[index]!.settle(false);
      throw error;
    }
    verdicts[index]!.settle(probe.ok);
    if (!probe.ok) {
      const { fix, vendor } = probe.diagnosis;
      return fail(company, probe.summary, { fix, ...(vendor ? { vendor } : {}) });
    }
    const target = await dataSource;
    if (!target) throw new Error('a verified company found no data source'); // cannot happen: it is itself the first
    if (target.creator === index) return succeed(company);
    try {
      await deps.exopen.addCompanies(target.id, [{ id: company.id, name: company.name }], addCompanyKey(plan.draftId, target.id, company), withSignal(deps.signal));
      succeed(company);
    } catch (error) {
      if (!(error instanceof ExopenError)) throw error;
      fail(company, error.msg);
    }
  }

  for (const company of companies) deps.onProgress({ companyId: company.id, status: 'queued' });
  try {
    await forEachBounded(companies, deps.concurrency ?? BULK_CONCURRENCY, connectOne);
  } catch (error) {
    // The data source could not be created (or a bug): every company not yet settled is left unconnected.
    const reason = error instanceof ExopenError ? error.msg : msg('app:handoff.bulk.notAttempted');
    for (const company of companies) if (!settled.has(company.id)) fail(company, reason);
    throw error;
  }
  const target = await dataSource;
  const order = new Map(companies.map((company, index) => [company.id, index]));
  const byOrder = (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
  return {
    ...(target ? { dataSourceId: target.id } : {}),
    connected: connected.sort(byOrder),
    failed: [...failed.values()].sort((a, b) => byOrder(a.companyId, b.companyId)),
  };
}

const withSignal = (signal: AbortSignal | undefined) => (signal ? { signal } : undefined);
