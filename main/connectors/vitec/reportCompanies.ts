/**
 * The report's company list: every company the user reaches (inactive ones flagged), each company without
 * the Exopen integration carrying a note that says so, which the Companies step shows under its name.
 */
import { msg, type CheckResult, type Company } from '../types';
import type { CompanyBody } from './assumedApi';
import { missingRows } from './integrationRows';

export interface CompanySources {
  readonly companies: CheckResult;
  readonly integration: CheckResult;
  /** The list fetched in this run, when the companies check ran. */
  readonly fresh?: ReadonlyArray<CompanyBody>;
  /** The previous report's list, kept when the companies check did not run this time. */
  readonly previous?: ReadonlyArray<Company>;
}

const toCompany = (company: CompanyBody): Company => ({
  id: company.companyId,
  name: company.name,
  ...(company.orgNumber ? { businessId: company.orgNumber } : {}),
  active: company.active,
});

export function reportCompanies(sources: CompanySources): ReadonlyArray<Company> {
  if (sources.companies.status === 'failed' || sources.companies.status === 'skipped') return [];
  const base = sources.fresh?.map(toCompany) ?? (sources.previous ?? []).map(({ note: _note, ...company }) => company);
  const rows = sources.integration.status === 'skipped' ? [] : (sources.integration.rows ?? []);
  const missing = new Set(missingRows(rows).map((row) => row.id));
  return base.map((company) => (missing.has(company.id) ? { ...company, note: msg('vitec:companies.integrationMissing', { name: company.name }) } : company));
}
