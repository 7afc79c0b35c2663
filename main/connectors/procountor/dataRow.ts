/**
 * One row of the data check: does an area that answers also have rows? Procountor filters rows silently
 * for users with limitations such as "Personal journal receipts only" (UNCERTAIN that every limitation
 * filters rather than refuses), so an empty 200 is where missing rights hide. The probe is the rights
 * check's own (memoised), so this costs no extra request when both run.
 */
import { z } from 'zod';
import { msg, type MatrixRow } from '../types';
import type { ProcountorArea } from './areas';
import { diagnose } from './diagnosis';
import { ProcountorParseError } from './errors';
import { readSearchPage } from './paging';
import type { UserRights } from './rights';
import { isRefusal, NOT_ENABLED_MEANING, rightsRow, type RowContext } from './rightsRow';
import type { ReadOutcome } from './session';

const ledgerAccounts = z.looseObject({ ledgerAccounts: z.array(z.unknown()) });
const fiscalYears = z.looseObject({ fiscalYears: z.array(z.unknown()) });

/** Rows in a successful probe answer. Throws ProcountorParseError when the shape is not Procountor's. */
export function countRows(area: ProcountorArea, data: unknown, httpStatus: number): number {
  const shapeError = () => new ProcountorParseError('unexpected-shape', `the /${area.path} answer is not the expected list`, httpStatus);
  switch (area.count) {
    case 'meta': {
      const page = readSearchPage(data, httpStatus);
      return page.totalCount ?? page.results.length;
    }
    case 'ledgerAccounts': {
      const parsed = ledgerAccounts.safeParse(data);
      if (!parsed.success) throw shapeError();
      return parsed.data.ledgerAccounts.length;
    }
    case 'fiscalYears': {
      const parsed = fiscalYears.safeParse(data);
      if (!parsed.success) throw shapeError();
      return parsed.data.fiscalYears.length;
    }
    case 'array':
      if (!Array.isArray(data)) throw shapeError();
      return data.length;
  }
}

/** The meaning keys of empty rows start with this; the summary tells them from refusals by it. */
export const EMPTY_MEANING = 'procountor:data.empty';
export const isEmptyRow = (row: MatrixRow): boolean => row.status === 'unavailable' && row.meaning.key.startsWith(`${EMPTY_MEANING}.`);
/** A refusal because the feature is not in the company's product: no data is expected there. */
export const isNotEnabledRow = (row: MatrixRow): boolean => row.status === 'unavailable' && row.meaning.key === NOT_ENABLED_MEANING;

export const isRestricted = (area: ProcountorArea, rights: UserRights | undefined): boolean =>
  area.restriction !== undefined && rights !== undefined && rights.limited(area.restriction);

export function dataRow(area: ProcountorArea, outcome: ReadOutcome, context: RowContext): MatrixRow {
  const base = { id: area.id, label: area.label };
  const params = { user: context.userName, rights: area.rightNames, restriction: area.restrictionName ?? '' };
  // A refusal is the rights check's story; the row says the same, so both checks agree on why.
  if (isRefusal(outcome)) return rightsRow(area, outcome, context);
  const errorRow = (failure: Parameters<typeof diagnose>[0]): MatrixRow => {
    const diagnosis = diagnose(failure, context.diagnosis);
    return { ...base, status: 'error', meaning: diagnosis.meaning, fix: diagnosis.fix, ...(diagnosis.vendor ? { vendor: diagnosis.vendor } : {}) };
  };
  if (!outcome.ok) return errorRow(outcome.error);
  let count: number;
  try {
    count = countRows(area, outcome.reply.data, outcome.reply.httpStatus);
  } catch (error) {
    if (!(error instanceof ProcountorParseError)) throw error;
    return errorRow(error);
  }
  if (count > 0) return { ...base, status: 'allowed' };
  const cause = isRestricted(area, context.rights) ? 'restricted' : 'unexplained';
  return { ...base, status: 'unavailable', meaning: msg(`${EMPTY_MEANING}.${area.id}`), fix: msg(`procountor:data.fix.${cause}`, params) };
}
