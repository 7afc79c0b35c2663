/**
 * Maps a check run onto the catalogue: which known problems it shows, and where (check, row, request).
 * Pure and synchronous, so the Diagnose view, the CLI and the bundle all agree on the same matches.
 */
import type { CheckReport, CheckResult, MatrixRow, Msg, VendorText } from '../connectors/types';
import { catalogueFor } from './catalogue';
import type { CatalogueEntry, CatalogueMatch, Signature } from './types';

/** What a signature can look at, whatever it came from (a result, a row or a recorded request). */
interface Subject {
  readonly checkId?: string;
  readonly status?: string;
  readonly meaning?: Msg;
  readonly fix?: Msg;
  readonly vendor?: VendorText;
  readonly httpStatus?: number;
}

/** Only the fields a matcher reads from a recorded request (RecordedRequest and TimelineEntry both fit). */
export interface RequestLike {
  readonly checkId?: string;
  readonly status?: number;
}

const within = <T>(allowed: ReadonlyArray<T> | undefined, value: T | undefined): boolean =>
  allowed === undefined || (value !== undefined && allowed.includes(value));

export function signatureHolds(signature: Signature, subject: Subject): boolean {
  const code = subject.vendor?.code?.toUpperCase();
  return (
    within(signature.checks, subject.checkId) &&
    within(signature.statuses, subject.status) &&
    within(signature.meanings, subject.meaning?.key) &&
    within(signature.fixes, subject.fix?.key) &&
    within(signature.httpStatuses, subject.httpStatus) &&
    within(signature.vendorCodes?.map((candidate) => candidate.toUpperCase()), code) &&
    (signature.meaningPrefix === undefined || (subject.meaning?.key.startsWith(signature.meaningPrefix) ?? false))
  );
}

const resultSubject = (result: CheckResult): Subject =>
  result.status === 'failed' || result.status === 'warning'
    ? { checkId: result.checkId, status: result.status, meaning: result.meaning, fix: result.fix, ...(result.vendor ? { vendor: result.vendor } : {}) }
    : { checkId: result.checkId, status: result.status };

const rowSubject = (checkId: string, row: MatrixRow): Subject =>
  row.status === 'allowed'
    ? { checkId, status: row.status }
    : { checkId, status: row.status, meaning: row.meaning, fix: row.fix, ...(row.vendor ? { vendor: row.vendor } : {}) };

const rowsOf = (result: CheckResult): ReadonlyArray<MatrixRow> => (result.status === 'skipped' ? [] : (result.rows ?? []));

function matchesOf(entry: CatalogueEntry, signature: Signature, report: CheckReport, requests: ReadonlyArray<RequestLike>): CatalogueMatch[] {
  const entryId = entry.id;
  switch (signature.on) {
    case 'result':
      return report.results.filter((result) => signatureHolds(signature, resultSubject(result))).map((result) => ({ entryId, checkId: result.checkId }));
    case 'row':
      return report.results.flatMap((result) =>
        rowsOf(result)
          .filter((row) => signatureHolds(signature, rowSubject(result.checkId, row)))
          .map((row) => ({ entryId, checkId: result.checkId, rowId: row.id })),
      );
    case 'request':
      return requests
        .filter((request) => signatureHolds(signature, { ...(request.checkId ? { checkId: request.checkId } : {}), ...(request.status === undefined ? {} : { httpStatus: request.status }) }))
        .map((request) => (request.checkId ? { entryId, checkId: request.checkId } : { entryId }));
  }
}

const matchKey = (match: CatalogueMatch): string => `${match.entryId}|${match.checkId ?? ''}|${match.rowId ?? ''}`;

/** Every (entry, place) the run shows, once each, in catalogue order. Requests come from the run's timeline. */
export function matchReport(report: CheckReport, requests: ReadonlyArray<RequestLike> = [], entries: ReadonlyArray<CatalogueEntry> = catalogueFor(report.system)): ReadonlyArray<CatalogueMatch> {
  const seen = new Map<string, CatalogueMatch>();
  for (const entry of entries) {
    if (entry.system !== report.system) continue;
    for (const signature of entry.signatures) {
      for (const match of matchesOf(entry, signature, report, requests)) if (!seen.has(matchKey(match))) seen.set(matchKey(match), match);
    }
  }
  return [...seen.values()];
}

/** The distinct entry ids among matches, in order. */
export const entryIdsOf = (matches: ReadonlyArray<CatalogueMatch>): ReadonlyArray<string> => [...new Set(matches.map((match) => match.entryId))];
