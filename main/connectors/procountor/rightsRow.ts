/**
 * One row of the rights matrix: the area's probe decides (a 200 is access, whatever the rights say), and
 * the user rights explain a refusal: a right at NO_ACCESS is the admin's to give, NOT_ENABLED means the
 * company's Procountor product does not have that feature at all.
 * UNCERTAIN: the user-management menu path quoted in the fixes (Management › Users) follows Procountor's
 * "Users and user rights" management right; the exact UI labels are not published.
 */
import { msg, type MatrixRow } from '../types';
import type { ProcountorArea } from './areas';
import { diagnose, vendorText, type DiagnosisContext } from './diagnosis';
import { ProcountorApiError } from './errors';
import { areaAccess, type UserRights } from './rights';
import type { ReadOutcome } from './session';

export interface RowContext {
  readonly userName: string;
  readonly rights?: UserRights;
  readonly diagnosis: DiagnosisContext;
}

/** The meaning of a row refused because the feature is not in the company's product. */
export const NOT_ENABLED_MEANING = 'procountor:rights.notEnabled.meaning';

export const isRefusal = (outcome: ReadOutcome): outcome is { ok: false; error: ProcountorApiError } =>
  !outcome.ok && outcome.error instanceof ProcountorApiError && outcome.error.httpStatus === 403;

export function rightsRow(area: ProcountorArea, outcome: ReadOutcome, context: RowContext): MatrixRow {
  const base = { id: area.id, label: area.label };
  if (outcome.ok) return { ...base, status: 'allowed' };
  const params = { user: context.userName, rights: area.rightNames };
  if (isRefusal(outcome)) {
    const vendor = vendorText(outcome.error);
    if (context.rights && areaAccess(area, context.rights) === 'not-enabled') {
      return { ...base, status: 'unavailable', vendor, meaning: msg(NOT_ENABLED_MEANING, params), fix: msg('procountor:rights.notEnabled.fix', params) };
    }
    return { ...base, status: 'blocked', vendor, meaning: msg('procountor:rights.blocked.meaning', params), fix: msg('procountor:rights.blocked.fix', params) };
  }
  const diagnosis = diagnose(outcome.error, context.diagnosis);
  return { ...base, status: 'error', meaning: diagnosis.meaning, fix: diagnosis.fix, ...(diagnosis.vendor ? { vendor: diagnosis.vendor } : {}) };
}
