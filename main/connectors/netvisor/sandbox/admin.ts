/**
 * Control endpoints under /_sandbox/ so tests, the demo and support training can "fix the rights in
 * Netvisor", reset the world or queue a fault, over plain HTTP like everything else.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { sendJson } from './respond';
import { parse, readJson, SimulatorInputError } from '../../../sandbox/shared/input';
import type { SimulatorState } from './state';

const rightsBody = z.object({
  customerId: z.string().min(1),
  resource: z.string().min(1),
  allowed: z.boolean(),
  businessId: z.string().optional(),
});

const faultBody = z.object({
  customerId: z.string().min(1),
  fault: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('error'), code: z.string().min(1), text: z.string() }),
    z.object({ kind: z.literal('malformed'), body: z.string() }),
    z.object({ kind: z.literal('drop') }),
    z.object({ kind: z.literal('hang') }),
  ]),
});



export interface AdminDeps {
  readonly state: SimulatorState;
  readonly scenarios: () => unknown;
}

export async function handleAdmin(req: IncomingMessage, res: ServerResponse, path: string, deps: AdminDeps): Promise<void> {
  try {
    const route = `${req.method ?? 'GET'} ${path}`;
    switch (route) {
      case 'GET /_sandbox/scenarios':
        return sendJson(res, 200, deps.scenarios());
      case 'POST /_sandbox/reset':
        deps.state.reset();
        return sendJson(res, 200, { reset: true });
      case 'POST /_sandbox/rights': {
        const body = parse(rightsBody, await readJson(req));
        deps.state.setRight(body.customerId, body.resource, body.allowed, body.businessId);
        return sendJson(res, 200, { customerId: body.customerId, resource: body.resource.toLowerCase(), allowed: body.allowed });
      }
      case 'POST /_sandbox/faults': {
        const body = parse(faultBody, await readJson(req));
        deps.state.customer(body.customerId).faults.push(body.fault);
        return sendJson(res, 200, { queued: body.fault.kind });
      }
      default:
        return sendJson(res, 404, { error: `no sandbox endpoint ${route}; try GET /_sandbox/scenarios, POST /_sandbox/rights, /_sandbox/reset or /_sandbox/faults` });
    }
  } catch (error) {
    if (error instanceof SimulatorInputError) return sendJson(res, 400, { error: error.message });
    throw error;
  }
}
