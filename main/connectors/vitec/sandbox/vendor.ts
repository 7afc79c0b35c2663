/**
 * The Vitec side of the simulator, following assumedApi (SPECULATIVE) to the letter: find the installation,
 * check the user, then serve the endpoint. Every answer waits `latencyMs` first.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import {
  COMPANY_PAGE_SIZE, QUERY, installationOf, matchApiRoute, parseBasicAuthorization,
  type ApiRoute, type CompanyPageBody, type DatasetBody, type IntegrationBody, type MeBody, type RevisionPageBody, type StatusBody,
} from '../assumedApi';
import { dataset } from './fixtures';
import { sendError, sendJson } from './respond';
import type { CompanyState, InstallationState, VitecSimulatorState } from './state';
import { TEXTS } from './texts';

export interface VendorDeps {
  readonly state: VitecSimulatorState;
  readonly latencyMs: number;
}

/** Large pages are capped like most APIs do (UNCERTAIN: Vitec's own cap). */
const MAX_PAGE_SIZE = 500;

const positiveInt = (value: string | null, fallback: number): number => {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
};

function companyPage(installation: InstallationState, query: URLSearchParams): CompanyPageBody {
  const includeInactive = query.get(QUERY.includeInactive) === 'true';
  const page = positiveInt(query.get(QUERY.page), 1);
  const pageSize = Math.min(MAX_PAGE_SIZE, positiveInt(query.get(QUERY.pageSize), COMPANY_PAGE_SIZE));
  const all = [...installation.companies.values()].filter((company) => includeInactive || company.active);
  const slice = all.slice((page - 1) * pageSize, page * pageSize);
  return { companies: slice.map(({ id, name, orgNumber, active }) => ({ companyId: id, name, orgNumber, active })), page, pageSize, totalCount: all.length };
}

function revisions(company: CompanyState, query: URLSearchParams): RevisionPageBody {
  const from = Math.max(0, Number(query.get(QUERY.fromRevision)) || 0);
  // UNCERTAIN: a company without the integration answers "nothing new" rather than an error; that silence
  // is exactly the symptom the guide describes ("the initial import shows up but no new changes do").
  const fresh = company.delivered.filter((change) => change.revision > from);
  return { revisions: fresh, lastRevision: Math.max(from, fresh.at(-1)?.revision ?? 0) };
}

function serve(res: ServerResponse, route: Exclude<ApiRoute, { kind: 'status' }>, installation: InstallationState, query: URLSearchParams): void {
  if (route.kind === 'me') return sendJson(res, 200, { username: installation.username, name: 'Exopen API' } satisfies MeBody);
  if (route.kind === 'companies') return sendJson(res, 200, companyPage(installation, query));
  if (route.kind === 'integration') {
    if (route.integrationId !== installation.integrationId) return sendError(res, 'unknownIntegration', TEXTS.unknownIntegration(route.integrationId));
    const enabledCompanyIds = [...installation.companies.values()].filter((company) => company.integrationEnabled).map((company) => company.id);
    return sendJson(res, 200, { integrationId: installation.integrationId, partner: 'Exopen', enabledCompanyIds } satisfies IntegrationBody);
  }
  const company = installation.companies.get(route.companyId);
  if (!company) return sendError(res, 'forbidden', TEXTS.noCompany(route.companyId));
  if (company.failing) return sendError(res, 'companyUnavailable', TEXTS.companyUnavailable(company.id));
  switch (route.kind) {
    case 'company':
      return sendJson(res, 200, { companyId: company.id, name: company.name, orgNumber: company.orgNumber, active: company.active });
    case 'revisions':
      if (query.get(QUERY.integrationId) !== installation.integrationId) return sendError(res, 'unknownIntegration', TEXTS.unknownIntegration(query.get(QUERY.integrationId) ?? ''));
      return sendJson(res, 200, revisions(company, query));
    case 'dataset':
      return sendJson(res, 200, { items: dataset(company, route.dataset, query, QUERY) } satisfies DatasetBody);
  }
}

export async function handleVendor(req: IncomingMessage, res: ServerResponse, url: URL, deps: VendorDeps): Promise<void> {
  if (deps.latencyMs > 0) await delay(deps.latencyMs);
  const route = matchApiRoute(url.pathname);
  if (!route) return sendError(res, 'notFound', TEXTS.notFound(url.pathname));
  const domain = installationOf(req.headers);
  if (!domain) return sendError(res, 'unknownDomain', TEXTS.noDomain());
  const installation = deps.state.installations.get(domain);
  if (!installation) return sendError(res, 'unknownDomain', TEXTS.unknownDomain(domain));
  if (installation.dropConnections) return void req.socket.destroy();
  if (req.method !== 'GET') return sendJson(res, 405, { error: 'method-not-allowed', message: TEXTS.readOnly() });
  if (route.kind === 'status') return sendJson(res, 200, { product: 'Vitec Ekonomi', installation: domain } satisfies StatusBody);
  const credentials = parseBasicAuthorization(req.headers.authorization);
  // UNCERTAIN: user names compared case-insensitively, passwords exactly; a locked user is reported only
  // to a caller who knows the password, so the lock does not reveal which user names exist.
  if (credentials?.username.toLowerCase() !== installation.username.toLowerCase() || credentials.password !== installation.password) {
    return sendError(res, 'invalidCredentials', TEXTS.invalidCredentials());
  }
  if (installation.user === 'locked') return sendError(res, 'userLocked', TEXTS.userLocked(installation.username));
  if (installation.user === 'expired') return sendError(res, 'passwordExpired', TEXTS.passwordExpired(installation.username));
  return serve(res, route, installation, url.searchParams);
}
