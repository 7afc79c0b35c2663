/**
 * Control endpoints under /_sandbox/ so tests, the demo and support training can "change the API user's
 * rights in Procountor", switch Documents, expire tokens or reset the world, over plain HTTP.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { parse, readJson, SimulatorInputError } from '../../../sandbox/shared/input';
import { sendJson } from './respond';
import type { SimulatorState } from './state';
import type { RateLimiter } from './throttle';

/** `scenario` is a scenario id or a demo API key. */
const rightsBody = z.object({ scenario: z.string().min(1), area: z.string().min(1), level: z.string().min(1) });
const limitationBody = z.object({ scenario: z.string().min(1), right: z.string().min(1), on: z.boolean() });
const documentsBody = z.object({ scenario: z.string().min(1), on: z.boolean() });


export interface AdminDeps {
  readonly state: SimulatorState;
  readonly limiter: RateLimiter;
  readonly scenarios: () => unknown;
  readonly reset: () => void;
}

export async function handleAdmin(req: IncomingMessage, res: ServerResponse, path: string, deps: AdminDeps): Promise<void> {
  try {
    const route = `${req.method ?? 'GET'} ${path}`;
    switch (route) {
      case 'GET /_sandbox/scenarios':
        return sendJson(res, 200, deps.scenarios());
      case 'POST /_sandbox/reset':
        deps.reset();
        return sendJson(res, 200, { reset: true });
      case 'POST /_sandbox/rights': {
        const body = parse(rightsBody, await readJson(req));
        deps.state.setRight(body.scenario, body.area, body.level);
        return sendJson(res, 200, { scenario: deps.state.user(body.scenario).spec.id, area: body.area, level: body.level });
      }
      case 'POST /_sandbox/limitations': {
        const body = parse(limitationBody, await readJson(req));
        deps.state.setLimitation(body.scenario, body.right, body.on);
        return sendJson(res, 200, { scenario: deps.state.user(body.scenario).spec.id, right: body.right, on: body.on });
      }
      case 'POST /_sandbox/documents': {
        const body = parse(documentsBody, await readJson(req));
        deps.state.setDocuments(body.scenario, body.on);
        return sendJson(res, 200, { scenario: deps.state.user(body.scenario).spec.id, documents: body.on });
      }
      case 'POST /_sandbox/expire-tokens':
        deps.state.expireTokens();
        return sendJson(res, 200, { expired: true });
      case 'GET /_sandbox/stats':
        return sendJson(res, 200, Object.fromEntries([...deps.state.clients.keys()].map((clientId) => [clientId, deps.limiter.stats(clientId)])));
      default:
        return sendJson(res, 404, { error: `no sandbox endpoint ${route}; try GET /_sandbox/scenarios or /_sandbox/stats, POST /_sandbox/reset, /_sandbox/rights, /_sandbox/limitations, /_sandbox/documents or /_sandbox/expire-tokens` });
    }
  } catch (error) {
    if (error instanceof SimulatorInputError) return sendJson(res, 400, { error: error.message });
    throw error;
  }
}
