/**
 * A local Netvisor: a real HTTP server on 127.0.0.1 speaking the XML web-service protocol (MAC-signed
 * headers, two-<Status> envelopes, rights of interface resources) with named demo scenarios.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, listenOnLoopback } from '../../../sandbox/shared/server';
import { handleAdmin } from './admin';
import { sendFailure, sendText } from './respond';
import { SCENARIOS } from './scenarios';
import { SimulatorState, type SimulatorFault } from './state';
import { handleVendor } from './vendor';

export interface NetvisorScenarioInfo {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly credentials: { readonly businessId: string; readonly customerId: string; readonly customerKey: string };
  /** Resources the scenario blocks in Rights of interface resources. */
  readonly expectBlocked?: string[];
}

export interface NetvisorSimulator {
  readonly url: string;
  /** The partner the simulator knows; sandbox installs sign with it. */
  readonly partner: { readonly partnerId: string; readonly partnerKey: string };
  readonly scenarios: ReadonlyArray<NetvisorScenarioInfo>;
  setRight(customerId: string, resource: string, allowed: boolean): void;
  /** Queues a one-shot misbehaviour for the customer's next request (maintenance, malformed body, hang…). */
  failNext(customerId: string, fault: SimulatorFault): void;
  reset(): void;
  close(): Promise<void>;
}

export type { SimulatorFault } from './state';

export interface NetvisorSimulatorOptions {
  readonly port?: number;
  /** Delay before every vendor answer (the bench uses it; admin endpoints answer at once). */
  readonly latencyMs?: number;
  /** The simulator's clock (tests); scenario clock offsets are added to it. */
  readonly clock?: () => number;
}

const scenarioInfo: ReadonlyArray<NetvisorScenarioInfo> = SCENARIOS.map((spec) => ({
  id: spec.id,
  title: spec.title,
  description: spec.description,
  credentials: { businessId: spec.demoBusinessId ?? spec.businessId, customerId: spec.customerId, customerKey: spec.demoCustomerKey ?? spec.customerKey },
  ...(spec.blocked ? { expectBlocked: [...spec.blocked] } : {}),
}));

export async function startNetvisorSimulator(options: NetvisorSimulatorOptions = {}): Promise<NetvisorSimulator> {
  const state = new SimulatorState();
  // A fresh partner per start: the sandbox hands it to the assistant, and nothing real can use it.
  const partner = { partnerId: `exopen-sandbox-${randomBytes(4).toString('hex')}`, partnerKey: randomBytes(24).toString('hex') };
  const vendorDeps = { state, partner, clock: options.clock ?? Date.now, latencyMs: options.latencyMs ?? 0 };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const path = url.pathname.toLowerCase();
    if (path.startsWith('/_sandbox/')) return handleAdmin(req, res, path, { state, scenarios: () => scenarioInfo });
    if (path === '/') return sendText(res, 200, 'Netvisor web-service interface simulator (Exopen Connect sandbox)');
    if (!path.endsWith('.nv')) return sendText(res, 404, 'Not found');
    return handleVendor(req, res, url, vendorDeps);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      // A simulator bug: answer TECHNICAL_ERROR with the cause so the failing test shows it.
      const cause = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      if (!res.headersSent) sendFailure(res, { nowMs: Date.now(), useHttpStatus: true }, 'TECHNICAL_ERROR', `Simulator error: ${cause}`);
      else res.destroy(error instanceof Error ? error : undefined);
    });
  });
  const port = await listenOnLoopback(server, options.port);

  return {
    url: `http://127.0.0.1:${port}`,
    partner,
    scenarios: scenarioInfo,
    setRight: (customerId, resource, allowed) => state.setRight(customerId, resource, allowed),
    failNext: (customerId, fault) => void state.customer(customerId).faults.push(fault),
    reset: () => state.reset(),
    close: () => closeServer(server),
  };
}
