/**
 * Known Netvisor problems. Signatures name the connector's own meaning keys (connectors/netvisor/diagnosis.ts,
 * checkRights.ts, rightsSummary.ts); a test checks that every key named here exists, so a renamed key there
 * fails loudly instead of silently never matching.
 */
import { NETVISOR_RESOURCES } from './resources';
import { defineEntry, type Signature } from '../knownProblems';

const AUTH = 'netvisor:diagnosis.auth';
const result = (meanings: ReadonlyArray<string>): Signature => ({ on: 'result', statuses: ['failed', 'warning'], meanings });
/** The same failure on a check or on a single rights row (a resource probe can fail like the sign-in). */
const anywhere = (condition: Omit<Signature, 'on'>): ReadonlyArray<Signature> => [
  { on: 'result', ...condition },
  { on: 'row', ...condition },
];

export const knownProblems = [
  defineEntry('netvisor', 'wrong-keys', 'wrong-keys', [result([`${AUTH}.wrongKeys.meaning`])], [
    'AUTHENTICATION_FAILED', 'Integration keys are not valid', 'Integraatioavaimet eivät kelpaa', 'API key', 'customer key', 'API User ID', 'wrong key', '401',
  ]),
  defineEntry('netvisor', 'unknown-partner', 'unknown-partner', [result([`${AUTH}.unknownPartner.meaning`])], [
    'AUTHENTICATION_FAILED', 'Integraatiokumppania ei löydy', 'partner not found', 'partner ID', 'environment', 'isvapi.netvisor.fi', 'test keys on production',
  ]),
  defineEntry('netvisor', 'clock-skew', 'clock-skew', [result([`${AUTH}.clock.behind`, `${AUTH}.clock.ahead`, `${AUTH}.timestamp.meaning`])], [
    'AUTHENTICATION_FAILED', 'timestamp', 'aikaleima', 'clock', 'time zone', 'skew', 'Date header',
  ]),
  defineEntry('netvisor', 'mac-url', 'mac-url', [result([`${AUTH}.macUrl.meaning`])], [
    'AUTHENTICATION_FAILED', 'URI-metodi ei kelpaa', 'MAC-tiiviste', 'MAC', 'signature', 'proxy', 'URL rewritten',
  ]),
  defineEntry('netvisor', 'no-company', 'other-business-id', [result([`${AUTH}.noCompany.meaning`])], [
    'AUTHENTICATION_FAILED', 'Business ID', 'Y-tunnus', 'Organisation-ID', 'organisation', 'yritykseen', 'company',
  ]),
  defineEntry(
    'netvisor',
    'resource-blocked',
    'two-blocked',
    [{ on: 'row', checks: ['rights'], statuses: ['blocked'], vendorCodes: ['SERVICE_ACCESS_ERROR'], meanings: ['netvisor:rights.blocked.meaning'] }],
    ['SERVICE_ACCESS_ERROR', 'Rights of interface resources', 'rajapintaresurssien oikeudet', 'Custom integrations', 'blocked', '403', ...NETVISOR_RESOURCES.map((resource) => resource.path)],
  ),
  defineEntry('netvisor', 'nothing-allowed', 'no-rights-yet', [result(['netvisor:checks.rights.nothingAllowed.meaning'])], [
    'SERVICE_ACCESS_ERROR', 'every resource', 'all resources blocked', 'new API user', 'Rights of interface resources',
  ]),
  defineEntry(
    'netvisor',
    'no-api',
    'no-api',
    [result(['netvisor:checks.rights.noApi.meaning']), { on: 'row', statuses: ['unavailable'], meanings: ['netvisor:rights.noApi.meaning'] }],
    ['SERVICE_ACCESS_ERROR', 'service plan', 'palvelupaketti', 'Verkkopalvelurajapinta', 'web service interface', 'Basic', 'Starter', 'Professional'],
  ),
  defineEntry('netvisor', 'module-missing', 'module-missing', [{ on: 'row', statuses: ['unavailable'], meanings: ['netvisor:rights.module.meaning'] }], [
    'SERVICE_ACCESS_ERROR', 'not in use', 'ei ole käytössä', 'module', 'application', 'purchase invoices',
  ]),
  defineEntry('netvisor', 'request-not-unique', 'request-not-unique', anywhere({ vendorCodes: ['REQUEST_NOT_UNIQUE'] }), [
    'REQUEST_NOT_UNIQUE', 'TransactionId', 'Tapahtumatunnus', 'duplicate request', 'proxy', '409',
  ]),
  defineEntry('netvisor', 'maintenance', 'maintenance', anywhere({ meanings: ['netvisor:diagnosis.code.maintenance.meaning'] }), [
    'SYSTEM_MAINTENANCE', 'SYSTEM_MAINTANANCE', 'maintenance', 'huoltokatko', '503',
  ]),
  defineEntry('netvisor', 'unreachable', 'connection-dropped', anywhere({ meaningPrefix: 'netvisor:diagnosis.network.' }), [
    'timeout', 'ECONNREFUSED', 'ENOTFOUND', 'DNS', 'TLS', 'certificate', 'firewall', 'proxy', 'integration.netvisor.fi',
  ]),
  defineEntry('netvisor', 'not-netvisor', 'proxy-page', anywhere({ meaningPrefix: 'netvisor:diagnosis.parse.' }), [
    'HTML', 'login page', 'captive portal', 'proxy', 'not XML', 'custom address',
  ]),
];
