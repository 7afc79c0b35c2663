/**
 * `documents`: can Exopen download invoice images and attachments? Documents is an optional, paid
 * feature, so "off" is a warning that says where to turn it on and what it costs, never a failure.
 * UNCERTAIN: the answer when Documents is off is not published; the spec declares 403 for GET
 * /attachments, and a refusal whose text mentions documents is read as "Documents is off", any other
 * refusal as missing user rights.
 */
import { msg } from '../types';
import { accessProblemOutcome } from './accessProblem';
import { diagnose, vendorText } from './diagnosis';
import type { CheckOutcome } from '../shared/outcome';
import { isRefusal } from './rightsRow';
import type { Session } from './session';

const DOCUMENTS_OFF = /document/i;

export async function checkDocuments(session: Session): Promise<CheckOutcome> {
  const access = await session.access();
  if (!access.ok) return accessProblemOutcome(access);
  const outcome = await access.read('attachments', { size: '1', page: '0' }, 'documents');
  if (outcome.ok) return { status: 'passed', summary: msg('procountor:checks.documents.passed') };
  if (isRefusal(outcome)) {
    const vendor = vendorText(outcome.error);
    const key = DOCUMENTS_OFF.test(outcome.error.verbatim) ? 'off' : 'noRights';
    return {
      status: 'warning',
      summary: msg(`procountor:checks.documents.${key}.summary`),
      diagnosis: { kind: 'customer-action', vendor, meaning: msg(`procountor:checks.documents.${key}.meaning`), fix: msg(`procountor:checks.documents.${key}.fix`) },
    };
  }
  return { status: 'warning', summary: msg('procountor:checks.documents.unknown.summary'), diagnosis: diagnose(outcome.error, session.diagnosisContext) };
}
