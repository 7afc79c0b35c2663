/**
 * The matcher on hand-made reports: it tells apart what one vendor code covers (Netvisor's
 * SERVICE_ACCESS_ERROR: blocked, module missing, no API) by row status and meaning, names the row, ignores
 * skipped and passed results, reads the request timeline, and never matches another system's entries.
 */
import { describe, expect, it } from 'vitest';
import { msg, type CheckReport, type CheckResult, type MatrixRow } from '../../../main/connectors/types';
import { entryIdsOf, matchReport, signatureHolds } from '../../../main/diagnose';

const report = (system: CheckReport['system'], results: ReadonlyArray<CheckResult>): CheckReport => ({
  system, startedAt: '', finishedAt: '', overall: 'failed', results, companies: [], requestCount: 0,
});
type Failure = Extract<CheckResult, { kind: unknown }>;
const failed = (checkId: string, meaning: string, extra: Partial<Failure> = {}): Failure => ({
  checkId, status: 'failed', kind: 'customer-action', summary: msg('x'), meaning: msg(meaning), fix: msg('y'), durationMs: 1, ...extra,
});
const serviceAccess = { code: 'SERVICE_ACCESS_ERROR', text: 'SERVICE_ACCESS_ERROR :: …', httpStatus: 403 };
const row = (id: string, status: 'blocked' | 'unavailable' | 'error', meaning: string): MatrixRow => ({ id, label: msg(id), status, vendor: serviceAccess, meaning: msg(meaning), fix: msg('fix') });

describe('matchReport', () => {
  it('tells a blocked resource from a missing module and a plan without the API, naming the row', () => {
    const rights = failed('rights', 'netvisor:checks.rights.someBlocked.meaning', {
      rows: [
        { id: 'accountlist.nv', label: msg('a'), status: 'allowed' },
        row('accountingledger.nv', 'blocked', 'netvisor:rights.blocked.meaning'),
        row('purchaseinvoicelist.nv', 'unavailable', 'netvisor:rights.module.meaning'),
        row('salesinvoicelist.nv', 'unavailable', 'netvisor:rights.noApi.meaning'),
      ],
    });
    expect(matchReport(report('netvisor', [rights]))).toEqual([
      { entryId: 'netvisor.resource-blocked', checkId: 'rights', rowId: 'accountingledger.nv' },
      { entryId: 'netvisor.no-api', checkId: 'rights', rowId: 'salesinvoicelist.nv' },
      { entryId: 'netvisor.module-missing', checkId: 'rights', rowId: 'purchaseinvoicelist.nv' },
    ]);
  });

  it('needs the vendor code where the signature names one, compared case-insensitively', () => {
    const blockedWithout = { ...row('accountingledger.nv', 'blocked', 'netvisor:rights.blocked.meaning'), vendor: { text: 'no code' } };
    expect(matchReport(report('netvisor', [failed('rights', 'z', { rows: [blockedWithout] })]))).toEqual([]);
    const lower = { ...blockedWithout, vendor: { code: 'service_access_error', text: '…' } };
    expect(entryIdsOf(matchReport(report('netvisor', [failed('rights', 'z', { rows: [lower] })])))).toEqual(['netvisor.resource-blocked']);
  });

  it('matches a vendor code on any check (REQUEST_NOT_UNIQUE) and a meaning family by prefix (network failures)', () => {
    const notUnique = failed('authentication', 'netvisor:diagnosis.code.notUnique.meaning', { vendor: { code: 'REQUEST_NOT_UNIQUE', text: '…' } });
    const timeout = failed('reachable', 'netvisor:diagnosis.network.timeout.meaning', { kind: 'unreachable' });
    expect(matchReport(report('netvisor', [timeout, notUnique]))).toEqual([
      { entryId: 'netvisor.request-not-unique', checkId: 'authentication' },
      { entryId: 'netvisor.unreachable', checkId: 'reachable' },
    ]);
  });

  it('ignores passed and skipped results and allowed rows', () => {
    const passed: CheckResult = { checkId: 'rights', status: 'passed', summary: msg('netvisor:rights.blocked.meaning'), durationMs: 1, rows: [{ id: 'a', label: msg('a'), status: 'allowed' }] };
    const skipped: CheckResult = { checkId: 'company', status: 'skipped', summary: msg('netvisor:diagnosis.auth.noCompany.meaning'), durationMs: 0 };
    expect(matchReport(report('netvisor', [passed, skipped]))).toEqual([]);
  });

  it("never matches another system's entries, even on the same key", () => {
    expect(matchReport(report('procountor', [failed('token', 'netvisor:diagnosis.auth.wrongKeys.meaning')]))).toEqual([]);
  });

  it('reads the request timeline: a retried 429 is a known problem even when every check passed', () => {
    const quiet = report('procountor', [{ checkId: 'identity', status: 'passed', summary: msg('ok'), durationMs: 1 }]);
    const requests = [{ checkId: 'identity', status: 200 }, { checkId: 'identity', status: 429 }, { checkId: 'identity', status: 429 }, { status: 429 }];
    expect(matchReport(quiet, requests)).toEqual([{ entryId: 'procountor.throttled', checkId: 'identity' }, { entryId: 'procountor.throttled' }]);
  });

  it('tells Procountor empty-data rows apart by their fix (a limitation versus nothing booked)', () => {
    const empty = (id: string, fix: string): MatrixRow => ({ id, label: msg(id), status: 'unavailable', meaning: msg(`procountor:data.empty.${id}`), fix: msg(fix) });
    const data = { ...failed('data', 'procountor:checks.data.empty.restricted.meaning'), status: 'warning' as const, rows: [empty('ledgerReceipts', 'procountor:data.fix.restricted'), empty('fiscalYears', 'procountor:data.fix.unexplained')] };
    expect(matchReport(report('procountor', [data]))).toEqual([
      { entryId: 'procountor.row-limitation', checkId: 'data' },
      { entryId: 'procountor.row-limitation', checkId: 'data', rowId: 'ledgerReceipts' },
      { entryId: 'procountor.empty-data', checkId: 'data', rowId: 'fiscalYears' },
    ]);
  });
});

describe('signatureHolds', () => {
  it('treats a missing condition as "anything" and a given one as required', () => {
    expect(signatureHolds({ on: 'result' }, {})).toBe(true);
    expect(signatureHolds({ on: 'result', checks: ['token'] }, {})).toBe(false);
    expect(signatureHolds({ on: 'result', meaningPrefix: 'vitec:diagnosis.network.' }, { meaning: msg('vitec:diagnosis.network.dns.meaning') })).toBe(true);
    expect(signatureHolds({ on: 'request', httpStatuses: [429] }, { httpStatus: 200 })).toBe(false);
  });
});
