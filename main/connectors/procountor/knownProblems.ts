/**
 * Known Procountor problems. Signatures name the connector's own meaning and fix keys (connectors/procountor/
 * diagnosis.ts, rightsRow.ts, dataRow.ts, checkData.ts, checkDocuments.ts, checkIdentity.ts); a test checks
 * that every key named here exists.
 */
import { defineEntry, type Signature } from '../knownProblems';

const TOKEN = 'procountor:diagnosis.token';
const result = (meanings: ReadonlyArray<string>): Signature => ({ on: 'result', statuses: ['failed', 'warning'], meanings });
const token = (...kinds: ReadonlyArray<string>): ReadonlyArray<Signature> => [result(kinds.map((kind) => `${TOKEN}.${kind}.meaning`))];
const KEY_WORDS = ['invalid_grant', 'API key', 'API client keys', 'exopenClient', 'token'];

export const knownProblems = [
  defineEntry('procountor', 'rights-gap', 'no-accounting-rights', [{ on: 'row', checks: ['rights'], statuses: ['blocked'], meanings: ['procountor:rights.blocked.meaning'] }], [
    'Insufficient user rights', '403', 'user rights', 'Viewing rights', 'NO_ACCESS', 'Management › Users', 'ledger receipts', 'chart of accounts',
  ]),
  defineEntry('procountor', 'not-in-product', 'purchases-not-enabled', [{ on: 'row', checks: ['rights'], statuses: ['unavailable'], meanings: ['procountor:rights.notEnabled.meaning'] }], [
    'NOT_ENABLED', '403', 'product', 'feature not in use', 'purchase invoices',
  ]),
  defineEntry(
    'procountor',
    'row-limitation',
    'personal-only',
    [result(['procountor:checks.data.empty.restricted.meaning']), { on: 'row', checks: ['data'], fixes: ['procountor:data.fix.restricted'] }],
    ['empty', 'no data', 'Personal journal receipts only', 'personalJournalReceiptsOnly', 'Limited dimensions', 'limitation', 'row-level'],
  ),
  defineEntry(
    'procountor',
    'empty-data',
    'empty-data',
    [result(['procountor:checks.data.empty.unexplained.meaning']), { on: 'row', checks: ['data'], fixes: ['procountor:data.fix.unexplained'] }],
    ['empty', 'no data', 'new company', 'nothing booked', 'totalCount 0'],
  ),
  defineEntry('procountor', 'documents-off', 'documents-off', [result(['procountor:checks.documents.off.meaning'])], [
    'Documents', 'Document management is not active', 'attachments', 'invoice images', 'Usage settings',
  ]),
  defineEntry('procountor', 'documents-no-rights', 'no-archive-rights', [result(['procountor:checks.documents.noRights.meaning'])], [
    'attachments', 'invoice images', 'Archive', 'Insufficient user rights', '403',
  ]),
  defineEntry('procountor', 'key-revoked', 'revoked-key', token('revoked'), [...KEY_WORDS, 'The API key has been revoked', 'revoked', 'expired', 'user removed']),
  defineEntry('procountor', 'key-foreign', 'foreign-key', token('foreign', 'foreignNamed'), [...KEY_WORDS, 'The API key was not issued for this client', 'client ID', 'aud', 'another integration']),
  defineEntry('procountor', 'key-malformed', 'malformed-key', token('malformed'), [...KEY_WORDS, 'Malformed API key', 'cut short', 'copied in part', 'truncated']),
  defineEntry('procountor', 'key-environment', 'test-server-key', token('environment'), [...KEY_WORDS, 'PTS', 'pts-api.procountor.com', 'test server', 'iss', 'environment']),
  defineEntry('procountor', 'key-rejected', 'invalid-key', token('rejected'), [...KEY_WORDS, 'Invalid API key', 'not accepted']),
  defineEntry('procountor', 'other-company', 'other-company', [result(['procountor:checks.identity.otherCompany.meaning'])], [
    'key swap', 'another company', 'wrong company', 'company ID', 'new key',
  ]),
  defineEntry(
    'procountor',
    'throttled',
    'throttled',
    [
      { on: 'request', httpStatuses: [429] },
      { on: 'result', meanings: ['procountor:diagnosis.api.throttled.meaning', 'procountor:diagnosis.api.rateLimited.meaning'] },
      { on: 'row', meanings: ['procountor:diagnosis.api.throttled.meaning', 'procountor:diagnosis.api.rateLimited.meaning'] },
    ],
    ['429', 'Too many requests', 'Retry-After', 'rate limit', '20 requests per second', 'throttling'],
  ),
  defineEntry(
    'procountor',
    'unreachable',
    'connection-dropped',
    [
      { on: 'result', meaningPrefix: 'procountor:diagnosis.network.' },
      { on: 'row', meaningPrefix: 'procountor:diagnosis.network.' },
      // Signed in, the key exchange goes through Exopen's broker: Procountor not answering it is the same symptom.
      { on: 'result', meanings: ['procountor:diagnosis.broker.unreachable.meaning'] },
    ],
    ['timeout', 'ECONNREFUSED', 'ENOTFOUND', 'DNS', 'TLS', 'certificate', 'firewall', 'api.procountor.com', 'upstream-unavailable', 'broker'],
  ),
];
