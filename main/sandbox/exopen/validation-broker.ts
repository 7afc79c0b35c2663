/**
 * The broker's request bodies (openapi/exopen.yaml NetvisorSignRequest, ProcountorTokenRequest,
 * ExactTokenRequest, ExactRefreshRequest, EconomicRelayRequest). Messages never quote a value: these bodies
 * carry the customer's secrets.
 */
import { z } from 'zod';
import { objectWith, text, type BodyRule } from './validation';

const required = (what: string) => `is required: ${what}`;
const pattern = (regex: RegExp, message: string) => z.string().regex(regex, { error: message });
const HTTP_URL = /^https?:\/\/\S+$/u;

const url = (what: string) =>
  text({ required: required(what), min: 1, max: 2000 }).pipe(pattern(HTTP_URL, 'must be an absolute http(s) URL without spaces'));

export interface NetvisorSignBody {
  url: string;
  sender: string;
  customerId: string;
  timestamp: string;
  language: string;
  organisationId: string;
  transactionId: string;
  timestampUnix: string;
  customerKey: string;
  algorithm: 'HMACSHA256';
}

export const netvisorSignRule: BodyRule<NetvisorSignBody> = {
  schema: z.strictObject(
    {
      url: url('the full URL of the Netvisor request, query included'),
      sender: text({ required: required('the Sender header'), min: 1, max: 200 }),
      customerId: text({ required: required('the API user id (CustomerId)'), min: 1, max: 100 }),
      timestamp: text({ required: required('the Timestamp header'), min: 1, max: 30 }).pipe(
        pattern(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,3})?$/u, 'must be yyyy-MM-dd HH:mm:ss.fff in UTC'),
      ),
      language: text({ required: required('the interface language, e.g. EN'), min: 1, max: 2 }).pipe(pattern(/^[A-Za-z]{2}$/u, 'must be two letters, e.g. EN')),
      organisationId: text({ required: required('the Business ID (Organisation-ID)'), min: 1, max: 100 }),
      transactionId: text({ required: required('the TransactionId header'), min: 1, max: 128 }),
      timestampUnix: text({ required: required('the TimestampUnix header'), min: 1, max: 12 }).pipe(pattern(/^[0-9]{1,12}$/u, 'must be epoch seconds')),
      customerKey: text({ required: required("the customer's key"), min: 1, max: 4096, tooShort: 'must not be empty' }),
      algorithm: z.literal('HMACSHA256', { error: 'must be HMACSHA256, the only scheme the broker signs' }),
    },
    objectWith('the MAC inputs of one Netvisor request'),
  ),
  what: 'a Netvisor signing request (url, sender, customerId, timestamp, language, organisationId, transactionId, timestampUnix, customerKey, algorithm)',
};

export const procountorTokenRule: BodyRule<{ apiKey: string; environment: 'production' | 'test' }> = {
  schema: z.strictObject(
    {
      apiKey: text({ required: required("the customer's Procountor API key"), min: 1, max: 4096, tooShort: 'must not be empty' }),
      environment: z.enum(['production', 'test'], { error: 'must be production or test' }),
    },
    objectWith('apiKey and environment'),
  ),
  what: 'a Procountor token request (apiKey, environment)',
};

export const exactTokenRule: BodyRule<{ code: string; redirectUri: string; codeVerifier?: string }> = {
  schema: z.strictObject(
    {
      code: text({ required: required('the authorization code from the redirect'), min: 1, max: 4096, tooShort: 'must not be empty' }),
      redirectUri: url('the redirect URI of the authorization request'),
      codeVerifier: pattern(/^[A-Za-z0-9._~-]{43,128}$/u, 'must be a PKCE verifier: 43–128 letters, digits or -._~').optional(),
    },
    objectWith('code and redirectUri'),
  ),
  what: 'an Exact code exchange (code, redirectUri, codeVerifier)',
};

export const exactRefreshRule: BodyRule<{ refreshToken: string }> = {
  schema: z.strictObject(
    { refreshToken: text({ required: required('the latest refresh token'), min: 1, max: 4096, tooShort: 'must not be empty' }) },
    objectWith('refreshToken'),
  ),
  what: 'an Exact refresh (refreshToken)',
};

export interface EconomicRelayBody {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string>;
  body?: string;
  agreementGrantToken: string;
}

export const economicRelayRule: BodyRule<EconomicRelayBody> = {
  schema: z.strictObject(
    {
      method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], { error: 'must be GET, POST, PUT, PATCH or DELETE' }),
      path: text({ required: required('an e-conomic path, e.g. /self'), min: 1, max: 1000 }).pipe(
        pattern(/^(\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*\/?$/u, 'must be a path such as /accounts/1000: no query, no . or .. segments'),
      ),
      query: z
        .record(pattern(/^[A-Za-z0-9_.$-]{1,64}$/u, 'is not a query parameter name e-conomic uses'), text({ required: 'must be text', min: 0, max: 2000 }), {
          error: 'must be an object of query parameters to text values',
        })
        .refine((map) => Object.keys(map).length <= 50, { error: 'has more than 50 parameters' })
        .optional(),
      body: text({ required: 'must be JSON text', min: 0, max: 500_000 }).optional(),
      agreementGrantToken: text({ required: required("the customer's agreement grant token"), min: 1, max: 4096, tooShort: 'must not be empty' }),
    },
    objectWith('method, path and agreementGrantToken'),
  ),
  what: 'an e-conomic relay request (method, path, query, body, agreementGrantToken)',
};
