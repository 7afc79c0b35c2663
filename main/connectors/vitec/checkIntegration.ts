/**
 * `integration`: the Integration ID names Exopen's partner integration, and that integration is enabled for
 * each company (one request answers for all). Rows stream as they are built.
 */
import { msg, type MatrixRow } from '../types';
import { diagnose } from './diagnosis';
import { VitecApiError } from './errors';
import { fieldsOutcome } from './inputProblem';
import { integrationRow, summariseIntegration } from './integrationRows';
import type { CheckOutcome } from '../shared/outcome';
import { fetched, type Session } from './session';

/** UNCERTAIN whether Vitec names the partner on an integration; if it does, it should say Exopen. */
const EXOPEN_PARTNER = /exopen/i;

export async function checkIntegration(session: Session, onRow: (row: MatrixRow, done: number, total: number) => void): Promise<CheckOutcome> {
  const client = session.client();
  if (!session.settings.ok || !client) return fieldsOutcome('integration', session.settings.ok ? [] : session.settings.errors);
  const { integrationId } = session.settings.settings;
  const companies = await session.companies();
  if (!companies.ok) return { status: 'failed', summary: msg('vitec:checks.integration.failed', { integrationId }), diagnosis: diagnose(companies.error, session.context) };
  const answer = await fetched(() => client.integration(integrationId, { checkId: 'integration', ...(session.signal ? { signal: session.signal } : {}) }));
  if (!answer.ok) {
    const unknown = answer.error instanceof VitecApiError && answer.error.kind === 'unknownIntegration';
    return { status: 'failed', summary: msg(`vitec:checks.integration.${unknown ? 'unknown' : 'failed'}`, { integrationId }), diagnosis: diagnose(answer.error, session.context) };
  }
  const { partner, enabledCompanyIds } = answer.value;
  if (!EXOPEN_PARTNER.test(partner)) {
    const params = { integrationId, partner };
    return {
      status: 'failed',
      summary: msg('vitec:checks.integration.otherPartner.summary', params),
      diagnosis: { kind: 'input', meaning: msg('vitec:checks.integration.otherPartner.meaning', params), fix: msg('vitec:checks.integration.otherPartner.fix', params) },
    };
  }
  const enabled = new Set(enabledCompanyIds);
  const rows = companies.value.map((company, index) => {
    const row = integrationRow(company, enabled.has(company.companyId));
    onRow(row, index + 1, companies.value.length);
    return row;
  });
  return summariseIntegration(rows, companies.value, integrationId);
}
