/**
 * `rights`: one probe per area Exopen reads, shown as a matrix, explained with GET /users/rights. Rows
 * stream as they finish; a re-run may probe some rows only and keep the others from the previous report.
 * Probes run one after another: at 20 requests/s per API client there is nothing to gain from bursts.
 */
import { msg, type MatrixRow } from '../types';
import { accessProblemOutcome } from './accessProblem';
import { PROCOUNTOR_AREAS } from './areas';
import { diagnose } from './diagnosis';
import { ProcountorParseError } from './errors';
import { readIdentity } from './identity';
import type { MatrixRun } from '../shared/matrixRun';
import type { CheckOutcome } from '../shared/outcome';
import { readUserRights, type UserRights } from './rights';
import { rightsRow } from './rightsRow';
import { summariseRights } from './rightsSummary';
import type { OpenAccess, Session } from './session';

/** The API user's rights, or undefined when they cannot be read (the probes still decide). */
export async function userRightsOf(access: OpenAccess, checkId: string): Promise<UserRights | undefined> {
  const outcome = await access.read('users/rights', {}, checkId);
  if (!outcome.ok) return undefined;
  try {
    return readUserRights(outcome.reply.data);
  } catch (error) {
    if (error instanceof ProcountorParseError) return undefined; // explained by the probes instead
    throw error;
  }
}

export async function checkRights(session: Session, run: MatrixRun): Promise<CheckOutcome> {
  const access = await session.access();
  if (!access.ok) return accessProblemOutcome(access);
  const identity = await readIdentity(access, 'rights');
  if (!identity.ok) return { status: 'failed', summary: msg('procountor:checks.identity.failed'), diagnosis: diagnose(identity.error, session.diagnosisContext) };
  const rights = await userRightsOf(access, 'rights');
  const context = { userName: identity.identity.userName, diagnosis: session.diagnosisContext, ...(rights ? { rights } : {}) };
  const kept = new Map((run.previousRows ?? []).map((row) => [row.id, row]));
  const toProbe = PROCOUNTOR_AREAS.filter((area) => !run.only || run.only.has(area.id) || !kept.has(area.id));
  const fresh = new Map<string, MatrixRow>();
  for (const area of toProbe) {
    const row = rightsRow(area, await access.read(area.path, area.probe(session.today), 'rights'), context);
    fresh.set(area.id, row);
    run.onRow(row, fresh.size, toProbe.length);
  }
  const rows = PROCOUNTOR_AREAS.map((area) => fresh.get(area.id) ?? kept.get(area.id)).filter((row): row is MatrixRow => row !== undefined);
  return summariseRights(rows, identity.identity.userName);
}
