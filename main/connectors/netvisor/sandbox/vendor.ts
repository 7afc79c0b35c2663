/**
 * The Netvisor side of the simulator: verify, then enforce one request at a time per customer, then the
 * company's plan and rights, then serve the resource. Every answer waits `latencyMs` first.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { ACCOUNTING_HANDLERS, type ResourceHandler } from './fixturesAccounting';
import { TRADE_HANDLERS } from './fixturesTrade';
import { sendData, sendFailure, sendRaw, type Reply } from './respond';
import type { SimulatorState } from './state';
import { TEXTS } from './texts';
import { verify, type Partner } from './verify';

const HANDLERS: Readonly<Record<string, ResourceHandler>> = { ...ACCOUNTING_HANDLERS, ...TRADE_HANDLERS };

export interface VendorDeps {
  readonly state: SimulatorState;
  readonly partner: Partner;
  readonly clock: () => number;
  readonly latencyMs: number;
}

/** Query parameter names are matched case-insensitively, like resource paths. */
const lowerCaseQuery = (url: URL): URLSearchParams => new URLSearchParams([...url.searchParams].map(([key, value]) => [key.toLowerCase(), value]));

export async function handleVendor(req: IncomingMessage, res: ServerResponse, url: URL, deps: VendorDeps): Promise<void> {
  const pause = () => (deps.latencyMs > 0 ? delay(deps.latencyMs) : Promise.resolve());
  const useHttpStatus = req.headers['x-netvisor-authentication-usehttpresponsestatuscodes'] === '1';
  // The MAC covers the URL exactly as the client sent it, so rebuild it from the raw request target.
  const rawUrl = `http://${req.headers.host ?? ''}${req.url ?? '/'}`;
  const verdict = verify(req.headers, rawUrl, deps.state, deps.partner, deps.clock);
  const reply: Reply = { nowMs: deps.clock() + (verdict.customer?.clockOffsetMs ?? 0), useHttpStatus };
  if (!verdict.ok) {
    await pause();
    return sendFailure(res, reply, verdict.code, verdict.text);
  }
  const { customer, company, language } = verdict;
  // UNCERTAIN: Netvisor only says overlapping calls "cause errors"; the code and status here are a guess.
  if (customer.busy) {
    await pause();
    return sendFailure(res, reply, 'TECHNICAL_ERROR', TEXTS.overlapping(language));
  }
  customer.busy = true;
  res.on('close', () => {
    customer.busy = false;
  });
  const fault = customer.faults.shift() ?? customer.standingFault;
  if (fault?.kind === 'hang') return;
  await pause();
  if (fault?.kind === 'drop') return void req.socket.destroy();
  if (fault?.kind === 'malformed') return sendRaw(res, reply, fault.body);
  if (fault?.kind === 'error') return sendFailure(res, reply, fault.code, fault.text);

  if (req.method !== 'GET') return sendFailure(res, reply, 'INVALID_DATA', TEXTS.writesUnsupported());
  const resource = url.pathname.slice(1).toLowerCase();
  const handler = HANDLERS[resource];
  if (!handler) return sendFailure(res, reply, 'INVALID_DATA', TEXTS.unknownResource(language, resource), 404);
  if (!company.apiInPlan) return sendFailure(res, reply, 'SERVICE_ACCESS_ERROR', TEXTS.noApi(language));
  if (company.modulesMissing.has(resource)) return sendFailure(res, reply, 'SERVICE_ACCESS_ERROR', TEXTS.moduleMissing(language, resource));
  if (company.rights.get(resource) !== true) return sendFailure(res, reply, 'SERVICE_ACCESS_ERROR', TEXTS.blocked(language, resource));
  const answer = handler(lowerCaseQuery(url), company, reply.nowMs);
  if (!answer.ok) return sendFailure(res, reply, 'INVALID_DATA', answer.invalid);
  return sendData(res, reply, answer.data);
}
