/**
 * SERVICE_ACCESS_ERROR means "no access rights, or the application is not in use". Netvisor uses that one
 * code for a resource not allowed for the integration, a module missing from the plan, and a plan without
 * the API at all. Only the free text differs, and its exact wording is not published.
 * UNCERTAIN: these patterns match the simulator's texts and plausible Finnish/English wordings; anything
 * unrecognised is treated as "blocked", the most common case and the one the admin can fix.
 */
import type { NetvisorApiError } from './errors';

export type AccessProblem = 'blocked' | 'module-unavailable' | 'no-api';

const NO_API = /service plan|palvelupaket|web service interface|verkkopalvelurajapinta|api is not (?:in use|included)/i;
const MODULE_UNAVAILABLE = /not in use|ei ole käytössä|ei käytössä|not included in|module/i;

export function classifyAccess(error: NetvisorApiError): AccessProblem {
  if (NO_API.test(error.text)) return 'no-api';
  if (MODULE_UNAVAILABLE.test(error.text)) return 'module-unavailable';
  return 'blocked';
}
