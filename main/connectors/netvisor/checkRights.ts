/**
 * `rights`: one signed read per resource Exopen needs, shown as a matrix. Rows stream as they finish; a
 * re-run may ask for some rows only and keep the others from the previous report.
 */
import { msg, type MatrixRow } from '../types';
import { accessProblemOutcome } from './accessProblem';
import { classifyAccess } from './access';
import { diagnose, vendorText, type DiagnosisContext } from './diagnosis';
import { NetvisorApiError } from './errors';
import type { MatrixRun } from '../shared/matrixRun';
import type { CheckOutcome } from '../shared/outcome';
import { PARTNER_SEARCH_KEY } from './partnerKey';
import { NETVISOR_RESOURCES, type NetvisorResource } from './resources';
import { NO_API_MEANING, summariseRights } from './rightsSummary';
import type { ProbeOutcome, Session } from './session';

export function rowFor(resource: NetvisorResource, outcome: ProbeOutcome, context: DiagnosisContext): MatrixRow {
  const base = { id: resource.path, label: resource.label };
  if (outcome.ok) return { ...base, status: 'allowed' };
  const { error } = outcome;
  if (error instanceof NetvisorApiError && error.vendorCode === 'SERVICE_ACCESS_ERROR') {
    const vendor = vendorText(error);
    const params = { resource: resource.path, name: resource.rightsName, partnerKey: PARTNER_SEARCH_KEY };
    switch (classifyAccess(error)) {
      case 'blocked':
        return { ...base, status: 'blocked', vendor, meaning: msg('netvisor:rights.blocked.meaning', params), fix: msg('netvisor:rights.blocked.fix', params) };
      case 'module-unavailable':
        return { ...base, status: 'unavailable', vendor, meaning: msg('netvisor:rights.module.meaning', params), fix: msg('netvisor:rights.module.fix', params) };
      case 'no-api':
        return { ...base, status: 'unavailable', vendor, meaning: msg(NO_API_MEANING, params), fix: msg('netvisor:rights.noApi.fix', params) };
    }
  }
  const diagnosis = diagnose(error, context);
  return { ...base, status: 'error', meaning: diagnosis.meaning, fix: diagnosis.fix, ...(diagnosis.vendor ? { vendor: diagnosis.vendor } : {}) };
}

export async function checkRights(session: Session, run: MatrixRun): Promise<CheckOutcome> {
  const access = await session.access();
  if (!access.ok) return accessProblemOutcome('rights', access);
  const kept = new Map((run.previousRows ?? []).map((row) => [row.id, row]));
  const toProbe = NETVISOR_RESOURCES.filter((resource) => !run.only || run.only.has(resource.path) || !kept.has(resource.path));
  const fresh = new Map<string, MatrixRow>();
  for (const resource of toProbe) {
    // One request at a time anyway (Netvisor's rule), so probing in order costs nothing.
    const row = rowFor(resource, await access.probe(resource, 'rights'), session.diagnosisContext);
    fresh.set(resource.path, row);
    run.onRow(row, fresh.size, toProbe.length);
  }
  const rows = NETVISOR_RESOURCES.map((resource) => fresh.get(resource.path) ?? kept.get(resource.path)).filter(
    (row): row is MatrixRow => row !== undefined,
  );
  return summariseRights(rows);
}
