/**
 * A local Procountor: a real HTTP server on 127.0.0.1 speaking Procountor's REST/JSON API (M2M token
 * endpoint, Bearer calls, ErrorMessages bodies, paging meta, 20 requests/s per API client with 429 and
 * Retry-After) with named demo scenarios. `url` is the API base, like https://api.procountor.com/api;
 * the admin endpoints live at /_sandbox/ (also under the base, for convenience).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, listenOnLoopback } from '../../../sandbox/shared/server';
import { handleAdmin } from './admin';
import { handleApi } from './api';
import { sendErrors, sendText } from './respond';
import { SCENARIOS } from './scenarios';
import { EXOPEN_CLIENT_ID, SimulatorState } from './state';
import { RateLimiter, type ClientStats } from './throttle';

export interface ProcountorScenarioInfo {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly credentials: { readonly apiKey: string };
  readonly company: { readonly id: string; readonly name: string };
  /** Areas (connector row ids) the connector should report as refused or empty. */
  readonly expectMissing?: string[];
  /** For the key-swap scenario: the company the swap expects (and this key does not belong to). */
  readonly expectedCompany?: { readonly id: string; readonly name: string };
}

export interface ProcountorSimulator {
  /** The API base URL (…/api), as the connector's environment base. */
  readonly url: string;
  /** Exopen's API client as this simulator knows it; sandbox installs exchange keys with it. */
  readonly partner: { readonly clientId: 'exopenClient'; readonly clientSecret: string };
  readonly scenarios: ReadonlyArray<ProcountorScenarioInfo>;
  /** Sets an area (`ledgerReceipts`, …) or a right path (`accounting.archive`) to a level, by scenario id or demo key. */
  setRight(apiKeyOrScenarioId: string, area: string, level: 'ALL_RIGHTS' | 'VIEWING_RIGHTS' | 'NO_ACCESS' | 'NOT_ENABLED'): void;
  setDocuments(scenarioId: string, on: boolean): void;
  /** Requests, 429s and the busiest one-second window per API client since the last reset. */
  stats(clientId?: string): ClientStats;
  /** Expires every access token issued so far. */
  expireTokens(): void;
  reset(): void;
  close(): Promise<void>;
}

export interface ProcountorSimulatorOptions {
  readonly port?: number;
  /** Delay before every API answer (the bench uses it; admin endpoints answer at once). */
  readonly latencyMs?: number;
  /** The simulator's clock (tests): token expiry and "today" for the data. */
  readonly clock?: () => number;
}

function scenarioInfo(state: SimulatorState): ReadonlyArray<ProcountorScenarioInfo> {
  const companyOf = (id: string) => {
    const spec = SCENARIOS.find((candidate) => candidate.id === id);
    return spec ? { id: String(spec.company.id), name: spec.company.name } : undefined;
  };
  return SCENARIOS.map((spec) => {
    const expected = spec.swapFor ? companyOf(spec.swapFor) : undefined;
    return {
      id: spec.id,
      title: spec.title,
      description: spec.description,
      credentials: { apiKey: state.demoKeys.get(spec.id) ?? '' },
      company: { id: String(spec.company.id), name: spec.company.name },
      ...(spec.expectMissing ? { expectMissing: [...spec.expectMissing] } : {}),
      ...(expected ? { expectedCompany: expected } : {}),
    };
  });
}

export async function startProcountorSimulator(options: ProcountorSimulatorOptions = {}): Promise<ProcountorSimulator> {
  const server = createServer();
  const port = await listenOnLoopback(server, options.port);
  const url = `http://127.0.0.1:${port}/api`;
  const state = new SimulatorState(url, options.clock ?? Date.now);
  const limiter = new RateLimiter();
  const info = scenarioInfo(state);
  const reset = () => {
    state.reset();
    limiter.reset();
  };
  const adminDeps = { state, limiter, scenarios: () => info, reset };
  const apiDeps = { state, limiter, latencyMs: options.latencyMs ?? 0 };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const parsed = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const path = parsed.pathname.toLowerCase().replace(/\/+$/, '');
    const admin = /^(?:\/api)?(\/_sandbox\/.*)$/.exec(path)?.[1];
    if (admin) return handleAdmin(req, res, admin, adminDeps);
    if (path === '' || path === '/api') return sendText(res, 200, 'Procountor API simulator (Exopen Connect sandbox)');
    if (!path.startsWith('/api/')) return sendErrors(res, 404, `Resource not found: ${path}`);
    return handleApi(req, res, path.slice('/api/'.length), parsed.searchParams, apiDeps);
  }

  server.on('request', (req, res) => {
    route(req, res).catch((error: unknown) => {
      // A simulator bug: answer 500 with the cause so the failing test shows it.
      const cause = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      if (!res.headersSent) sendErrors(res, 500, `Simulator error: ${cause}`);
      else res.destroy(error instanceof Error ? error : undefined);
    });
  });

  return {
    url,
    partner: { clientId: EXOPEN_CLIENT_ID, clientSecret: state.clients.get(EXOPEN_CLIENT_ID)! },
    scenarios: info,
    setRight: (reference, area, level) => state.setRight(reference, area, level),
    setDocuments: (scenarioId, on) => state.setDocuments(scenarioId, on),
    stats: (clientId = EXOPEN_CLIENT_ID) => limiter.stats(clientId),
    expireTokens: () => state.expireTokens(),
    reset,
    close: () => closeServer(server),
  };
}

export type { ClientStats } from './throttle';
