/**
 * The sandbox's stand-in for the backend's real data pull: walks a list of resources per system, one every
 * `stepMs`, and reports invented row counts. Row counts are derived from the data source id, so a run is
 * reproducible. The lead replaces this with a runner that pulls from the vendor simulators.
 */
import { createHash } from 'node:crypto';
import type { ExopenSystemId } from '../../exopen/schemas';
import type { InitialRunRunner } from './types';

/**
 * What the backend would fetch per system. Names follow each vendor's API where the reference names them
 * (Netvisor `.nv` resources, Procountor paths, Exact endpoints, e-conomic paths); the Vitec list is
 * UNCERTAIN (its API reference is not public) and only illustrative.
 */
export const defaultResources: Readonly<Record<ExopenSystemId, ReadonlyArray<string>>> = {
  netvisor: ['accountlist', 'dimensionlist', 'accountingperiodlist', 'accountingledger', 'salesinvoicelist', 'purchaseinvoicelist'],
  procountor: ['coa', 'dimensions', 'fiscalyears', 'ledgerreceipts', 'invoices'],
  vitec: ['accounts', 'dimensions', 'transactions', 'budgets'],
  exact: ['financial/GLAccounts', 'financial/ReportingBalance', 'sync/Financial/TransactionLines', 'budget/Budgets'],
  economic: ['accounts', 'accounting-years', 'entries', 'departments'],
};

/** Between 20 and ~5000 rows per company, fixed for a given data source and resource. */
export function inventedRows(dataSourceId: string, resource: string, companies: number): number {
  const seed = createHash('sha256').update(`${dataSourceId}/${resource}`).digest().readUInt32BE(0);
  return Math.max(1, companies) * (20 + (seed % 5000));
}

const delay = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });

export function createDefaultRunner(options: { readonly stepMs?: number } = {}): InitialRunRunner {
  const stepMs = options.stepMs ?? 400;
  return async (dataSource, _secrets, report, signal) => {
    const resources = defaultResources[dataSource.system];
    for (const resource of resources) report({ resource, status: 'queued' });
    for (const resource of resources) {
      report({ resource, status: 'running' });
      await delay(stepMs, signal);
      report({ resource, status: 'done', rows: inventedRows(dataSource.id, resource, dataSource.companies.length) });
    }
  };
}
