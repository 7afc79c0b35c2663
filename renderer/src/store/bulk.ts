/**
 * Pure helpers of the bulk hand-off (a credential that reaches several companies, connected company by
 * company): its rows, a progress event or an answer applied to them, and the companies the Companies step
 * lists and lets the user pick.
 */
import type { Company, CompanyFailure, HandoffProgress } from '../../../preload/contract';
import type { BulkHandoff, BulkRow, Session } from './types';

export const reachesSeveralCompanies = (session: Session): boolean => session.descriptor.reachesSeveralCompanies;

/** Fresh rows for every selected company, in the report's order (the order the hand-off connects them). */
export function bulkRowsOf(session: Session): BulkHandoff | null {
  if (!reachesSeveralCompanies(session) || session.recreateOf) return null;
  const selected = new Set(session.selectedCompanies);
  const rows = (session.report?.companies ?? [])
    .filter((company) => selected.has(company.id))
    .map((company): BulkRow => ({ companyId: company.id, name: company.name, status: 'queued' }));
  return { rows, dataSourceId: session.dataSourceId };
}

export function applyProgress(bulk: BulkHandoff, event: HandoffProgress): BulkHandoff {
  const rows = bulk.rows.map((row): BulkRow => {
    if (row.companyId !== event.companyId) return row;
    const { reason, fix, vendor } = event;
    return { companyId: row.companyId, name: row.name, status: event.status, ...(reason ? { reason } : {}), ...(fix ? { fix } : {}), ...(vendor ? { vendor } : {}) };
  });
  return { ...bulk, rows };
}

/**
 * The answer of a run over `attempted` is the final word on those rows (an event still on its way must not
 * leave one "connecting"): the failed ones with their reasons, the rest connected.
 */
export function applyResult(bulk: BulkHandoff, attempted: ReadonlyArray<string>, dataSourceId: string, failed: ReadonlyArray<CompanyFailure>): BulkHandoff {
  const tried = new Set(attempted);
  const failures = new Map(failed.map((failure) => [failure.companyId, failure]));
  const rows = bulk.rows.map((row): BulkRow => {
    if (!tried.has(row.companyId)) return row;
    const failure = failures.get(row.companyId);
    if (!failure) return { companyId: row.companyId, name: row.name, status: 'connected' };
    const { reason, fix, vendor } = failure;
    return { companyId: row.companyId, name: row.name, status: 'failed', reason, ...(fix ? { fix } : {}), ...(vendor ? { vendor } : {}) };
  });
  return { rows, dataSourceId };
}

export const failedIds = (bulk: BulkHandoff): string[] => bulk.rows.filter((row) => row.status === 'failed').map((row) => row.companyId);

export const allConnected = (bulk: BulkHandoff): boolean => bulk.rows.length > 0 && bulk.rows.every((row) => row.status === 'connected');

/**
 * The companies the Companies step lists. A one-company system shows every company (inactive ones cannot be
 * picked); a system that reaches several hides inactive ones until Show inactive, and then they can be picked.
 */
export function listedCompanies(session: Session, showInactive: boolean): ReadonlyArray<Company> {
  const companies = session.report?.companies ?? [];
  return reachesSeveralCompanies(session) && !showInactive ? companies.filter((company) => company.active) : companies;
}

export function pickableIds(session: Session, showInactive: boolean): ReadonlyArray<string> {
  const listed = listedCompanies(session, showInactive);
  return (reachesSeveralCompanies(session) ? listed : listed.filter((company) => company.active)).map((company) => company.id);
}

/** The selection holds an inactive company (then Show inactive starts on, so it is not picked unseen). */
export function selectsInactive(session: Session): boolean {
  const inactive = new Set((session.report?.companies ?? []).filter((company) => !company.active).map((company) => company.id));
  return session.selectedCompanies.some((id) => inactive.has(id));
}
