/**
 * The sandbox backend's request pipeline (openapi/exopen.yaml): faults first (a gateway answers 429/503
 * before anything else), then the bearer token, then the route.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerToken, type Authenticate } from './auth';
import type { Route, SandboxParts } from './context';
import { headerValue, problem, readBody, send, type Answer } from './http-io';
import { netvisorSign, exactRefresh, exactToken, procountorToken } from './routes-broker';
import { listAvailableCompanies } from './routes-available';
import { addCompanies, removeCompanies } from './routes-companies';
import { createDataSource, getDataSource, listDataSources, listDomainDataSources, listSyncs } from './routes-data-sources';
import { createDomain, listDomains, me } from './routes-domains';
import { economicRelay } from './routes-economic';
import { deleteDataSource, recreateDataSource } from './routes-lifecycle';

type Method = 'GET' | 'POST' | 'DELETE';

const ID = '([^/]+)';
const table: ReadonlyArray<{ readonly path: RegExp; readonly methods: Partial<Record<Method, Route>> }> = [
  { path: /^\/v1\/me$/, methods: { GET: me } },
  { path: /^\/v1\/domains$/, methods: { GET: listDomains, POST: createDomain } },
  { path: new RegExp(`^/v1/domains/${ID}/data-sources$`), methods: { GET: listDomainDataSources, POST: createDataSource } },
  { path: /^\/v1\/data-sources$/, methods: { GET: listDataSources } },
  { path: new RegExp(`^/v1/data-sources/${ID}$`), methods: { GET: getDataSource, DELETE: deleteDataSource } },
  { path: new RegExp(`^/v1/data-sources/${ID}/companies$`), methods: { POST: addCompanies } },
  { path: new RegExp(`^/v1/data-sources/${ID}/companies/remove$`), methods: { POST: removeCompanies } },
  { path: new RegExp(`^/v1/data-sources/${ID}/available-companies$`), methods: { GET: listAvailableCompanies } },
  { path: new RegExp(`^/v1/data-sources/${ID}/recreate$`), methods: { POST: recreateDataSource } },
  { path: new RegExp(`^/v1/data-sources/${ID}/syncs$`), methods: { GET: listSyncs } },
  { path: /^\/v1\/broker\/netvisor\/sign$/, methods: { POST: netvisorSign } },
  { path: /^\/v1\/broker\/procountor\/token$/, methods: { POST: procountorToken } },
  { path: /^\/v1\/broker\/exact\/token$/, methods: { POST: exactToken } },
  { path: /^\/v1\/broker\/exact\/refresh$/, methods: { POST: exactRefresh } },
  { path: /^\/v1\/broker\/economic\/relay$/, methods: { POST: economicRelay } },
];

/** A malformed %-escape cannot name anything; it maps to an id that matches none. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch (error) {
    if (error instanceof URIError) return '';
    throw error;
  }
}

const unauthorized = (): Answer =>
  problem(
    { status: 401, code: 'unauthorized', detail: 'Send a valid bearer token: sign in to Exopen again (in the sandbox, the development token also works).' },
    { 'WWW-Authenticate': 'Bearer realm="exopen"' },
  );

export function createHandler(parts: SandboxParts, authenticate: Authenticate): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  async function answer(request: IncomingMessage): Promise<Answer> {
    const body = await readBody(request);
    const fault = parts.faults.takeFailure();
    if (fault) {
      const detail = fault.status === 429 ? 'Too many requests; retry after the given delay.' : 'The backend is under maintenance; retry after the given delay.';
      const code = fault.status === 429 ? 'rate-limited' : 'unavailable';
      return problem({ status: fault.status, code, detail }, { 'Retry-After': String(fault.retryAfterSeconds) });
    }
    const token = bearerToken(headerValue(request, 'authorization'));
    const user = token === undefined ? null : await authenticate(token);
    if (!user) return unauthorized();
    const { pathname } = new URL(request.url ?? '/', 'http://sandbox');
    for (const entry of table) {
      const match = entry.path.exec(pathname);
      if (!match) continue;
      const route = entry.methods[(request.method ?? '') as Method];
      if (!route)
        return problem({ status: 405, code: 'method-not-allowed', detail: `${request.method ?? ''} is not supported here.` }, { Allow: Object.keys(entry.methods).join(', ') });
      return route({ request, user, body, params: match.slice(1).map(decodeSegment), parts });
    }
    return problem({ status: 404, code: 'not-found', detail: `There is no ${pathname} in this API.` });
  }

  return async (request, response) => send(request, response, await answer(request));
}
