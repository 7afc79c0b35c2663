/**
 * A local Vitec Ekonomi: a real HTTP server on 127.0.0.1 speaking the ASSUMED API of
 * connectors/vitec/assumedApi.ts (SPECULATIVE: Vitec publishes none), with one installation per named
 * scenario. The client names the installation in a header (see assumedApi) since every domain shares a port.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, listenOnLoopback } from '../../../sandbox/shared/server';
import { handleAdmin } from './admin';
import { sendJson } from './respond';
import { companyId } from './companies';
import { SCENARIOS } from './scenarios';
import { VitecSimulatorState } from './state';
import { handleVendor } from './vendor';

export interface VitecScenarioInfo {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly credentials: { readonly domain: string; readonly username: string; readonly password: string; readonly integrationId: string };
  /** Ids of the companies the Exopen integration is not enabled for. */
  readonly expectWithoutIntegration?: string[];
}

export interface VitecSimulator {
  readonly url: string;
  readonly scenarios: ReadonlyArray<VitecScenarioInfo>;
  setIntegrationEnabled(domain: string, companyId: string, on: boolean): void;
  /** Makes every read of one company fail (503 company-unavailable), e.g. for the bulk connect. */
  failCompany(domain: string, companyId: string, on: boolean): void;
  /** Vendor requests served since start (or the last resetStats), and the most that were in flight at once. */
  stats(): { readonly requests: number; readonly maxInFlight: number };
  resetStats(): void;
  reset(): void;
  close(): Promise<void>;
}

export interface VitecSimulatorOptions {
  readonly port?: number;
  /** Delay before every vendor answer (the bench uses it; admin endpoints answer at once). */
  readonly latencyMs?: number;
  /** The simulator's clock (revision timestamps). */
  readonly clock?: () => number;
}

export { SimulatorInputError } from './state';

const scenarioInfo: ReadonlyArray<VitecScenarioInfo> = SCENARIOS.map((spec) => ({
  id: spec.id,
  title: spec.title,
  description: spec.description,
  credentials: { domain: spec.domain, username: spec.username, password: spec.demoPassword ?? spec.password, integrationId: spec.demoIntegrationId ?? spec.integrationId },
  ...(spec.withoutIntegration ? { expectWithoutIntegration: spec.withoutIntegration.map(companyId) } : {}),
}));

export async function startVitecSimulator(options: VitecSimulatorOptions = {}): Promise<VitecSimulator> {
  const state = new VitecSimulatorState(options.clock ?? Date.now);
  const vendorDeps = { state, latencyMs: options.latencyMs ?? 0 };
  // Counted around the vendor side only (admin calls are the test's own), so a bench or a test can see how
  // many requests a client made and how many it had in flight at once.
  const counts = { requests: 0, inFlight: 0, maxInFlight: 0 };
  async function counted(work: () => Promise<void>): Promise<void> {
    counts.requests++;
    counts.maxInFlight = Math.max(counts.maxInFlight, ++counts.inFlight);
    try {
      await work();
    } finally {
      counts.inFlight--;
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const path = url.pathname.toLowerCase();
    if (path.startsWith('/_sandbox/')) return handleAdmin(req, res, path, { state, scenarios: () => scenarioInfo });
    if (path === '/') return sendJson(res, 200, { simulator: 'Vitec Ekonomi (ASSUMED API, Exopen Connect sandbox)' });
    return counted(() => handleVendor(req, res, url, vendorDeps));
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      // A simulator bug: answer 500 with the cause so the failing test shows it.
      const cause = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      if (!res.headersSent) sendJson(res, 500, { error: 'simulator-error', message: cause });
      else res.destroy(error instanceof Error ? error : undefined);
    });
  });
  const port = await listenOnLoopback(server, options.port);

  return {
    url: `http://127.0.0.1:${port}`,
    scenarios: scenarioInfo,
    setIntegrationEnabled: (domain, id, on) => state.setIntegrationEnabled(domain, id, on),
    failCompany: (domain, id, on) => state.failCompany(domain, id, on),
    stats: () => ({ requests: counts.requests, maxInFlight: counts.maxInFlight }),
    resetStats: () => Object.assign(counts, { requests: 0, maxInFlight: counts.inFlight }),
    reset: () => state.reset(),
    close: () => closeServer(server),
  };
}
