/**
 * SPECULATIVE / UNCERTAIN — the Vitec Ekonomi API as we ASSUME it to be.
 *
 * Vitec publishes no API documentation for Vitec Ekonomi (shared/reference/protocol-exact-economic-vitec.md,
 * part C). The only facts, from Exopen's own setup guide: an installation lives at
 * https://<subdomain>.vitec.net; a credential is a username and password plus the Integration ID of a partner
 * integration; companies have an active flag; change events ("revisions") reach Exopen only through that
 * partner integration, enabled per company. EVERYTHING ELSE BELOW IS INVENTED — paths, query names, HTTP
 * Basic auth (borrowed from Vitec's real-estate product, Vitec Mäklare Connect), status codes, JSON shapes
 * and error codes. Both our client and our simulator import this one module, so when the real API is known
 * it is replaced here and the checks, the wizard and the simulator's scenarios stay as they are.
 */
import { z } from 'zod';

// ---- Hosts (FACT, from Exopen's guide) -----------------------------------------------------------------

export const VITEC_HOST_SUFFIX = '.vitec.net';
export const productionBaseUrl = (subdomain: string): string => `https://${subdomain}${VITEC_HOST_SUFFIX}`;

// ---- Installations and the sandbox (our own convention, not Vitec's) ---------------------------------

/**
 * The real Vitec tells installations apart by host name. The simulator serves every installation on one
 * loopback port, so when the client talks to it, it names the installation in this header instead.
 */
export const SANDBOX_DOMAIN_HEADER = 'x-vitec-sandbox-domain';

export interface Installation {
  readonly subdomain: string;
  /** Set in sandbox mode: the simulator's base URL. */
  readonly sandboxUrl?: string;
}

export const installationBaseUrl = (installation: Installation): string =>
  installation.sandboxUrl ?? productionBaseUrl(installation.subdomain);

export const installationHeaders = (installation: Installation): Readonly<Record<string, string>> =>
  installation.sandboxUrl ? { [SANDBOX_DOMAIN_HEADER]: installation.subdomain } : {};

/** Simulator side: the installation a request is for (the sandbox header, else a `<sub>.vitec.net` Host). */
export function installationOf(headers: Readonly<Record<string, string | string[] | undefined>>): string | undefined {
  const named = headers[SANDBOX_DOMAIN_HEADER];
  if (typeof named === 'string' && named) return named.toLowerCase();
  const host = typeof headers['host'] === 'string' ? headers['host'].replace(/:\d+$/, '').toLowerCase() : '';
  return host.endsWith(VITEC_HOST_SUFFIX) ? host.slice(0, -VITEC_HOST_SUFFIX.length) : undefined;
}

// ---- Authentication (SPECULATIVE: HTTP Basic on every call) ---------------------------------------------

/** UNCERTAIN: UTF-8 before base64 (RFC 7617's charset=UTF-8); Swedish passwords often carry å, ä, ö. */
export const basicCredentials = (username: string, password: string): string => Buffer.from(`${username}:${password}`, 'utf8').toString('base64');

export const basicAuthorization = (username: string, password: string): string => `Basic ${basicCredentials(username, password)}`;

export function parseBasicAuthorization(header: string | undefined): { username: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

// ---- Paths and query parameters (SPECULATIVE) -----------------------------------------------------------

export const DATASETS = ['vouchers', 'accounts', 'customers', 'suppliers', 'dimensions'] as const;
export type Dataset = (typeof DATASETS)[number];

const seg = encodeURIComponent;
export const API_PATHS = {
  /** Unauthenticated: answers for any existing installation. */
  status: '/api/status',
  me: '/api/me',
  companies: '/api/companies',
  company: (companyId: string) => `/api/companies/${seg(companyId)}`,
  integration: (integrationId: string) => `/api/integrations/${seg(integrationId)}`,
  revisions: (companyId: string) => `/api/companies/${seg(companyId)}/revisions`,
  dataset: (companyId: string, dataset: Dataset) => `/api/companies/${seg(companyId)}/${dataset}`,
} as const;

export const QUERY = {
  includeInactive: 'includeInactive',
  page: 'page',
  pageSize: 'pageSize',
  integrationId: 'integrationId',
  fromRevision: 'fromRevision',
  from: 'from',
  to: 'to',
} as const;

export const COMPANY_PAGE_SIZE = 100;

export type ApiRoute =
  | { readonly kind: 'status' }
  | { readonly kind: 'me' }
  | { readonly kind: 'companies' }
  | { readonly kind: 'company'; readonly companyId: string }
  | { readonly kind: 'revisions'; readonly companyId: string }
  | { readonly kind: 'integration'; readonly integrationId: string }
  | { readonly kind: 'dataset'; readonly companyId: string; readonly dataset: Dataset };

const isDataset = (value: string): value is Dataset => (DATASETS as ReadonlyArray<string>).includes(value);

/** Simulator side: which endpoint a path names (undefined = no such endpoint). */
export function matchApiRoute(pathname: string): ApiRoute | undefined {
  const parts = pathname.replace(/\/+$/, '').split('/').slice(1).map((part) => decodeURIComponent(part));
  if (parts[0] !== 'api') return undefined;
  const [, resource, id, sub, ...rest] = parts;
  if (rest.length > 0 || !resource) return undefined;
  if (resource === 'status' || resource === 'me') return id === undefined ? (resource === 'me' ? { kind: 'me' } : { kind: 'status' }) : undefined;
  if (resource === 'integrations') return id && sub === undefined ? { kind: 'integration', integrationId: id } : undefined;
  if (resource !== 'companies') return undefined;
  if (id === undefined) return { kind: 'companies' };
  if (sub === undefined) return { kind: 'company', companyId: id };
  if (sub === 'revisions') return { kind: 'revisions', companyId: id };
  return isDataset(sub) ? { kind: 'dataset', companyId: id, dataset: sub } : undefined;
}

// ---- Response bodies (SPECULATIVE shapes) ---------------------------------------------------------------

export const statusBody = z.object({ product: z.string(), installation: z.string() });
export const meBody = z.object({ username: z.string(), name: z.string().optional() });
export const companyBody = z.object({ companyId: z.string(), name: z.string(), orgNumber: z.string().optional(), active: z.boolean() });
export const companyPageBody = z.object({ companies: z.array(companyBody), page: z.number().int(), pageSize: z.number().int(), totalCount: z.number().int() });
export const integrationBody = z.object({ integrationId: z.string(), partner: z.string(), enabledCompanyIds: z.array(z.string()) });
export const revisionBody = z.object({
  revision: z.number().int(),
  entityType: z.enum(['voucher', 'customer', 'supplier', 'dimension', 'account']),
  entityId: z.string(),
  event: z.enum(['Update', 'Remove']),
  changedAt: z.string(),
});
export const revisionPageBody = z.object({ revisions: z.array(revisionBody), lastRevision: z.number().int() });
export const datasetBody = z.object({ items: z.array(z.record(z.string(), z.unknown())) });
export const errorBody = z.object({ error: z.string(), message: z.string() });

export type StatusBody = z.infer<typeof statusBody>;
export type MeBody = z.infer<typeof meBody>;
export type CompanyBody = z.infer<typeof companyBody>;
export type CompanyPageBody = z.infer<typeof companyPageBody>;
export type IntegrationBody = z.infer<typeof integrationBody>;
export type RevisionBody = z.infer<typeof revisionBody>;
export type RevisionPageBody = z.infer<typeof revisionPageBody>;
export type DatasetBody = z.infer<typeof datasetBody>;
export type ErrorBody = z.infer<typeof errorBody>;

/** More pages after this one? */
export const hasNextPage = (page: CompanyPageBody): boolean => page.page * page.pageSize < page.totalCount;

// ---- Errors (SPECULATIVE statuses and codes) -----------------------------------------------------------

/**
 * UNCERTAIN: 423 Locked for a locked or expired user (403 would also be plausible; Vitec Connect uses 403 for
 * "no access to the requested data", so 423 keeps the two apart). The `error` codes are ours.
 */
export const ASSUMED_ERRORS = {
  invalidCredentials: { status: 401, code: 'invalid-credentials' },
  userLocked: { status: 423, code: 'user-locked' },
  passwordExpired: { status: 423, code: 'password-expired' },
  unknownDomain: { status: 404, code: 'unknown-domain' },
  unknownIntegration: { status: 404, code: 'unknown-integration' },
  forbidden: { status: 403, code: 'forbidden' },
  companyUnavailable: { status: 503, code: 'company-unavailable' },
  notFound: { status: 404, code: 'not-found' },
} as const;

export type AssumedErrorKind = keyof typeof ASSUMED_ERRORS | 'server' | 'other';

const FALLBACK: Readonly<Record<number, AssumedErrorKind>> = { 401: 'invalidCredentials', 403: 'forbidden', 404: 'notFound', 423: 'userLocked' };

/** What an error answer means, by status and (when the body parses) its code. */
export function classifyError(httpStatus: number, text: string): { readonly kind: AssumedErrorKind; readonly body?: ErrorBody } {
  let body: ErrorBody | undefined;
  try {
    const parsed = errorBody.safeParse(JSON.parse(text));
    body = parsed.success ? parsed.data : undefined;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
  }
  const known = (Object.keys(ASSUMED_ERRORS) as Array<keyof typeof ASSUMED_ERRORS>).find(
    (kind) => ASSUMED_ERRORS[kind].status === httpStatus && ASSUMED_ERRORS[kind].code === body?.error,
  );
  const kind: AssumedErrorKind = known ?? FALLBACK[httpStatus] ?? (httpStatus >= 500 ? 'server' : 'other');
  return body ? { kind, body } : { kind };
}
