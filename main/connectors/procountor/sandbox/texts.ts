/**
 * The simulator's error texts. Three are Procountor's own, from the 403 descriptions in its OpenAPI
 * ("Insufficient user rights", "No access right to company information", "No access right to
 * dimensions"); the Documents wording paraphrases that spec's note on /attachments. Every token-endpoint
 * and 401/429 wording is invented and UNCERTAIN.
 */
export const TEXTS = {
  insufficientRights: 'Insufficient user rights',
  noCompanyInfo: 'No access right to company information',
  noDimensions: 'No access right to dimensions',
  documentsOff: 'Document management is not active in this environment. It can be activated from Management -> Company info -> Usage settings -> Documents',
  unauthorized: 'Unauthorized: the access token is missing, invalid or expired',
  throttled: 'Too many requests: the limit is 20 requests per second per API client',
  notFound: (path: string) => `Resource not found: ${path}`,
  readOnly: 'The Exopen Connect sandbox only simulates reads (GET)',
  invalidDate: 'Invalid date, expected yyyy-MM-dd',
  // Invented (UNCERTAIN, see queryParams.ts): names the parameter and the endpoint.
  unknownParameter: (name: string, path: string) => `Unknown query parameter '${name}' for GET ${path}`,
  oauth: {
    grantType: 'Only grant_type=client_credentials is supported for API keys',
    noKey: 'api_key is required',
    badClient: 'Client authentication failed',
    malformed: 'Malformed API key',
    invalidKey: 'Invalid API key',
    otherClient: 'The API key was not issued for this client',
    revoked: 'The API key has been revoked',
  },
} as const;
