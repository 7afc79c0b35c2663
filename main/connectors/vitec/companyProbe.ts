/**
 * For the bulk connect: can one company be read right now? One cheap read per company, explained like a
 * check failure, so "company 7 of 40 failed" comes with Vitec's words, what they mean and the fix.
 */
import type { ConnectorContext } from '../context';
import { msg, type CheckInput, type CompanyProbe } from '../types';
import { diagnose } from './diagnosis';
import { ConnectorConfigError } from '../shared/errors';
import { createSession, fetched } from './session';

export type { CompanyProbe } from '../types';

/** Throws VitecConfigError when the fields do not validate (the caller should have run the checks first). */
export async function probeCompany(ctx: ConnectorContext, input: CheckInput, companyId: string, signal?: AbortSignal): Promise<CompanyProbe> {
  const session = createSession(ctx, input, { signal });
  const client = session.client();
  if (!session.settings.ok || !client) throw new ConnectorConfigError('vitec', session.settings.ok ? [] : session.settings.errors);
  const answer = await fetched(() => client.company(companyId, { checkId: 'connect', ...(signal ? { signal } : {}) }));
  if (!answer.ok) return { ok: false, summary: msg('vitec:connect.failed', { companyId }), diagnosis: diagnose(answer.error, session.context) };
  const { companyId: id, name, orgNumber, active } = answer.value;
  return { ok: true, company: { id, name, active, ...(orgNumber ? { businessId: orgNumber } : {}) } };
}
