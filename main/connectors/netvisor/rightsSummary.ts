/**
 * The rights check's verdict from its rows. Everything refused at once is its own story: either nothing
 * has been allowed yet (Netvisor blocks every resource by default) or the plan has no API at all.
 */
import { msg, type MatrixRow } from '../types';
import type { CheckOutcome } from '../shared/outcome';
import { PARTNER_SEARCH_KEY } from './partnerKey';
import { NETVISOR_RESOURCES } from './resources';

type FailingRow = Extract<MatrixRow, { status: 'blocked' | 'unavailable' | 'error' }>;

/** The meaning of a row refused because the plan has no API: the summary recognises such rows by it. */
export const NO_API_MEANING = 'netvisor:rights.noApi.meaning';

const nameOf = (row: MatrixRow): string => NETVISOR_RESOURCES.find((resource) => resource.path === row.id)?.rightsName ?? row.id;
const names = (rows: ReadonlyArray<MatrixRow>): string => rows.map(nameOf).join(', ');

export function summariseRights(rows: ReadonlyArray<MatrixRow>): CheckOutcome {
  const total = rows.length;
  const failing = rows.filter((row): row is FailingRow => row.status !== 'allowed');
  if (failing.length === 0) return { status: 'passed', summary: msg('netvisor:checks.rights.passed', { total }), rows };
  const blocked = failing.filter((row) => row.status === 'blocked');
  const unavailable = failing.filter((row) => row.status === 'unavailable');
  const errors = failing.filter((row) => row.status === 'error');
  const vendor = failing.find((row) => row.vendor)?.vendor;
  const verdict = (status: 'failed' | 'warning', kind: 'customer-action' | 'unreachable', key: string, params: Record<string, string | number>) => ({
    status,
    summary: msg(`netvisor:checks.rights.${key}.summary`, params),
    diagnosis: {
      kind,
      meaning: msg(`netvisor:checks.rights.${key}.meaning`, params),
      fix: msg(`netvisor:checks.rights.${key}.fix`, params),
      ...(vendor ? { vendor } : {}),
    },
    rows,
  });
  const params = { total, partnerKey: PARTNER_SEARCH_KEY };

  if (errors.length === 0 && failing.length === total) {
    if (failing.some((row) => row.meaning.key === NO_API_MEANING)) return verdict('failed', 'customer-action', 'noApi', params);
    if (blocked.length === total) return verdict('failed', 'customer-action', 'nothingAllowed', params);
  }
  if (blocked.length > 0) return verdict('failed', 'customer-action', 'someBlocked', { ...params, count: blocked.length, names: names(blocked) });
  if (errors.length > 0) {
    const first = errors[0]!;
    return { status: 'failed', summary: msg('netvisor:checks.rights.errors.summary', { count: errors.length, total }), diagnosis: { kind: 'unreachable', meaning: first.meaning, fix: first.fix, ...(first.vendor ? { vendor: first.vendor } : {}) }, rows };
  }
  return verdict('warning', 'customer-action', 'unavailable', { ...params, count: unavailable.length, names: names(unavailable) });
}
