/**
 * The Procountor side of the simulator: Bearer token first (401 when missing, unknown or expired), then
 * the client's 20 requests/s, then a scenario's one-shot throttling, then the endpoint. Every answer
 * waits `latencyMs` first.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { ENDPOINTS, status } from './endpoints';
import { undefinedParameter } from './queryParams';
import { sendErrors, sendJson } from './respond';
import type { SimulatorState } from './state';
import { TEXTS } from './texts';
import type { RateLimiter } from './throttle';
import { handleToken } from './token';

export interface ApiDeps {
  readonly state: SimulatorState;
  readonly limiter: RateLimiter;
  readonly latencyMs: number;
}

// UNCERTAIN: the body of Procountor's 401 is unconfirmed; the header is what OAuth resource servers send.
const UNAUTHORIZED = { 'WWW-Authenticate': 'Bearer error="invalid_token"' };

/** `path` is what follows /api/, lower-cased, without a trailing slash. */
export async function handleApi(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams, deps: ApiDeps): Promise<void> {
  if (deps.latencyMs > 0) await delay(deps.latencyMs);
  const { state, limiter } = deps;
  if (path === 'oauth/token' && req.method === 'POST') return handleToken(req, res, state, limiter);
  if (path === 'status' && req.method === 'GET') return sendJson(res, 200, status(state.clock()));

  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const token = bearer ? state.tokens.get(bearer) : undefined;
  if (!token || token.expiresAt <= state.clock()) return sendErrors(res, 401, TEXTS.unauthorized, '', UNAUTHORIZED);
  const slot = limiter.arrive(token.clientId);
  if (!slot.ok) return sendErrors(res, 429, TEXTS.throttled, '', { 'Retry-After': String(slot.retryAfterS) });
  const user = state.users.get(token.scenarioId);
  if (!user) return sendErrors(res, 401, TEXTS.unauthorized, '', UNAUTHORIZED);
  if (user.throttleLeft > 0) {
    user.throttleLeft--;
    return sendErrors(res, 429, TEXTS.throttled, '', { 'Retry-After': '1' });
  }

  const handler = ENDPOINTS[path];
  if (!handler) return sendErrors(res, 404, TEXTS.notFound(`/${path}`));
  if (req.method !== 'GET') return sendErrors(res, 405, TEXTS.readOnly);
  const unknown = undefinedParameter(path, query);
  if (unknown !== undefined) return sendErrors(res, 400, TEXTS.unknownParameter(unknown, `/${path}`), unknown);
  const answer = handler(user, query, state.clock());
  if (!answer.ok) return sendErrors(res, answer.status, answer.message, answer.field ?? '');
  return sendJson(res, 200, answer.body);
}
