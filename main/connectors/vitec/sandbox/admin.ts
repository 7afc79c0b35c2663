/**
 * Control endpoints under /_sandbox/ so tests, the demo and support training can "enable the integration in
 * Vitec", make a company fail, book changes, or reset the world, over plain HTTP like everything else.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { parse, readJson, SimulatorInputError } from '../../../sandbox/shared/input';
import { sendJson } from './respond';
import type { VitecSimulatorState } from './state';

const companyRef = { domain: z.string().min(1), companyId: z.string().min(1) };
const integrationBody = z.object({ ...companyRef, enabled: z.boolean() });
const failBody = z.object({ ...companyRef, failing: z.boolean() });
const changesBody = z.object({
  ...companyRef,
  count: z.number().int().min(1).max(1000).default(1),
  entityType: z.enum(['voucher', 'customer', 'supplier', 'dimension', 'account']).optional(),
});


export interface AdminDeps {
  readonly state: VitecSimulatorState;
  readonly scenarios: () => unknown;
}

export async function handleAdmin(req: IncomingMessage, res: ServerResponse, path: string, deps: AdminDeps): Promise<void> {
  const route = `${req.method ?? 'GET'} ${path}`;
  try {
    switch (route) {
      case 'GET /_sandbox/scenarios':
        return sendJson(res, 200, deps.scenarios());
      case 'POST /_sandbox/reset':
        deps.state.reset();
        return sendJson(res, 200, { reset: true });
      case 'POST /_sandbox/integration': {
        const body = parse(integrationBody, await readJson(req));
        deps.state.setIntegrationEnabled(body.domain, body.companyId, body.enabled);
        return sendJson(res, 200, body);
      }
      case 'POST /_sandbox/fail-company': {
        const body = parse(failBody, await readJson(req));
        deps.state.failCompany(body.domain, body.companyId, body.failing);
        return sendJson(res, 200, body);
      }
      case 'POST /_sandbox/changes': {
        const body = parse(changesBody, await readJson(req));
        const company = deps.state.addChanges(body.domain, body.companyId, body.count, body.entityType);
        return sendJson(res, 200, { domain: body.domain, companyId: company.id, revision: company.revision, delivered: company.integrationEnabled });
      }
      default:
        return sendJson(res, 404, {
          error: `no sandbox endpoint ${route}; try GET /_sandbox/scenarios, POST /_sandbox/reset, /_sandbox/integration, /_sandbox/fail-company or /_sandbox/changes`,
        });
    }
  } catch (error) {
    if (error instanceof SimulatorInputError) return sendJson(res, 400, { error: error.message });
    throw error;
  }
}
