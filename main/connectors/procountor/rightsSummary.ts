/** The rights check's verdict from its rows: what is refused, in the words of Procountor's rights screen. */
import { msg, type MatrixRow } from '../types';
import { PROCOUNTOR_AREAS } from './areas';
import type { CheckOutcome } from '../shared/outcome';

type FailingRow = Extract<MatrixRow, { status: 'blocked' | 'unavailable' | 'error' }>;

const rightsOf = (rows: ReadonlyArray<MatrixRow>): string =>
  rows.map((row) => PROCOUNTOR_AREAS.find((area) => area.id === row.id)?.rightNames ?? row.id).join('; ');

export function summariseRights(rows: ReadonlyArray<MatrixRow>, userName: string): CheckOutcome {
  const total = rows.length;
  const failing = rows.filter((row): row is FailingRow => row.status !== 'allowed');
  if (failing.length === 0) return { status: 'passed', summary: msg('procountor:checks.rights.passed', { total, user: userName }), rows };
  const blocked = failing.filter((row) => row.status === 'blocked');
  const unavailable = failing.filter((row) => row.status === 'unavailable');
  const errors = failing.filter((row) => row.status === 'error');
  const vendor = failing.find((row) => row.vendor)?.vendor;
  const verdict = (status: 'failed' | 'warning', key: string, params: Record<string, string | number>): CheckOutcome => ({
    status,
    summary: msg(`procountor:checks.rights.${key}.summary`, params),
    diagnosis: {
      kind: 'customer-action',
      meaning: msg(`procountor:checks.rights.${key}.meaning`, params),
      fix: msg(`procountor:checks.rights.${key}.fix`, params),
      ...(vendor ? { vendor } : {}),
    },
    rows,
  });
  const params = { total, user: userName };
  if (blocked.length === total) return verdict('failed', 'nothingAllowed', params);
  if (blocked.length > 0) return verdict('failed', 'someBlocked', { ...params, count: blocked.length, rights: rightsOf(blocked) });
  if (errors.length > 0) {
    const first = errors[0]!;
    return {
      status: 'failed',
      summary: msg('procountor:checks.rights.errors.summary', { count: errors.length, total }),
      diagnosis: { kind: 'unreachable', meaning: first.meaning, fix: first.fix, ...(first.vendor ? { vendor: first.vendor } : {}) },
      rows,
    };
  }
  return verdict('warning', 'notEnabled', { ...params, count: unavailable.length, rights: rightsOf(unavailable) });
}
