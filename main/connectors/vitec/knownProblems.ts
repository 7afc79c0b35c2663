/**
 * Known Vitec Ekonomi problems. "We see no companies" has six causes, one entry each, because each has its
 * own fix and its own person to do it. Signatures name the connector's own meaning keys (connectors/vitec/
 * diagnosis.ts, checkCompanies.ts, integrationRows.ts); a test checks that every key named here exists.
 */
import { defineEntry, type Signature } from '../knownProblems';

const result = (meanings: ReadonlyArray<string>): Signature => ({ on: 'result', statuses: ['failed', 'warning'], meanings });
const NO_COMPANIES = ['no companies', 'empty company list'];

export const knownProblems = [
  defineEntry('vitec', 'unknown-domain', 'unknown-domain', [result(['vitec:diagnosis.domain.unknown.meaning'])], [
    ...NO_COMPANIES, 'unknown-domain', 'finns inte', 'Installationen', 'domain', 'vitec.net', '404',
  ]),
  defineEntry('vitec', 'unreachable', 'connection-dropped', [{ on: 'result', meaningPrefix: 'vitec:diagnosis.network.' }], [
    ...NO_COMPANIES, 'timeout', 'ECONNREFUSED', 'ENOTFOUND', 'DNS', 'TLS', 'firewall', 'vitec.net',
  ]),
  defineEntry('vitec', 'wrong-password', 'wrong-password', [result(['vitec:diagnosis.login.wrongCredentials.meaning', 'vitec:diagnosis.login.wrongCredentialsSpaces.meaning'])], [
    ...NO_COMPANIES, 'invalid-credentials', 'Felaktigt användarnamn eller lösenord', 'wrong password', 'username', '401',
  ]),
  defineEntry('vitec', 'user-locked', 'locked-user', [result(['vitec:diagnosis.login.locked.meaning'])], [
    ...NO_COMPANIES, 'user-locked', 'är låst', 'locked', 'too many failed sign-ins', '423',
  ]),
  defineEntry('vitec', 'password-expired', 'expired-password', [result(['vitec:diagnosis.login.expired.meaning'])], [
    ...NO_COMPANIES, 'password-expired', 'har gått ut', 'expired', 'new password', '423',
  ]),
  defineEntry('vitec', 'no-companies', 'no-companies', [result(['vitec:checks.companies.none.meaning'])], [...NO_COMPANIES, 'company access', 'API user', 'sign-in works']),
  defineEntry('vitec', 'all-inactive', 'all-inactive', [result(['vitec:checks.companies.allInactive.meaning'])], [...NO_COMPANIES, 'inactive', 'Show inactive', 'active flag']),
  defineEntry('vitec', 'unknown-integration', 'unknown-integration', [result(['vitec:diagnosis.integration.unknown.meaning'])], [
    'unknown-integration', 'Integration ID', 'Det finns ingen integration', 'partner integration', '404',
  ]),
  defineEntry(
    'vitec',
    'integration-not-enabled',
    'integration-partial',
    [
      { on: 'row', checks: ['integration'], statuses: ['error'], meanings: ['vitec:integration.row.meaning'] },
      result(['vitec:checks.integration.someMissing.meaning', 'vitec:checks.integration.noneEnabled.meaning']),
    ],
    ['revisions not arriving', 'changes not arriving', 'first import only', 'integration not enabled', 'partner integration', 'revisions'],
  ),
];
