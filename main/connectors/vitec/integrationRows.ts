/**
 * The integration check's matrix: one row per company, and the verdict. A company without the partner
 * integration still imports once, then silently stops updating; the row and the verdict say exactly that.
 */
import { msg, type MatrixRow } from '../types';
import type { CompanyBody } from './assumedApi';
import type { CheckOutcome } from '../shared/outcome';

/** Names quoted in a summary before it says "and N more" (500-company lists must stay readable). */
const NAMED = 5;

export function integrationRow(company: CompanyBody, enabled: boolean): MatrixRow {
  const params = { name: company.name, companyId: company.companyId };
  const label = msg(company.active ? 'vitec:integration.row.label' : 'vitec:integration.row.labelInactive', params);
  if (enabled) return { id: company.companyId, label, status: 'allowed' };
  return { id: company.companyId, label, status: 'error', meaning: msg('vitec:integration.row.meaning', params), fix: msg('vitec:integration.row.fix', params) };
}

export const missingRows = (rows: ReadonlyArray<MatrixRow>): ReadonlyArray<MatrixRow> => rows.filter((row) => row.status !== 'allowed');

export function summariseIntegration(rows: ReadonlyArray<MatrixRow>, companies: ReadonlyArray<CompanyBody>, integrationId: string): CheckOutcome {
  const total = rows.length;
  const missing = new Set(missingRows(rows).map((row) => row.id));
  if (missing.size === 0) return { status: 'passed', summary: msg('vitec:checks.integration.passed', { total, integrationId }), rows };
  const lacking = companies.filter((company) => missing.has(company.companyId));
  const names = lacking.slice(0, NAMED).map((company) => company.name).join(', ');
  const params = { count: lacking.length, total, names, more: Math.max(0, lacking.length - NAMED), integrationId };
  const base = lacking.length === total ? 'vitec:checks.integration.noneEnabled' : 'vitec:checks.integration.someMissing';
  const fix = lacking.length > NAMED ? `${base}.fixMore` : `${base}.fix`;
  return {
    // Some companies only: the user may not mean to connect those, so warn and mark them on the Companies step.
    status: lacking.length === total ? 'failed' : 'warning',
    summary: msg(`${base}.summary`, params),
    diagnosis: { kind: 'customer-action', meaning: msg(`${base}.meaning`, params), fix: msg(fix, params) },
    rows,
  };
}
