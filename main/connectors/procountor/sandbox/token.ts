/**
 * POST {base}/oauth/token: the M2M client-credentials grant with an API key. Verifies the client
 * (form fields, or HTTP Basic as a standard client library may send; UNCERTAIN whether Procountor
 * accepts Basic), then the key: well-formed, signed by this server, made for this client, not revoked.
 * The token endpoint counts against the client's 20 requests/s like any call.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { verifyKey } from './jwt';
import { readBody } from '../../../sandbox/shared/input';
import { sendErrors, sendJson, sendOAuthError } from './respond';
import type { SimulatorState } from './state';
import { TOKEN_LIFETIME_S } from './state';
import { TEXTS } from './texts';
import type { RateLimiter } from './throttle';

const sameText = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  try {
    return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  } catch (error) {
    if (error instanceof URIError) return undefined; // undecodable Basic credentials: treated as none, so the client is refused
    throw error;
  }
}

export async function handleToken(req: IncomingMessage, res: ServerResponse, state: SimulatorState, limiter: RateLimiter): Promise<void> {
  const form = new URLSearchParams(await readBody(req));
  const basic = basicCredentials(req.headers.authorization);
  const clientId = basic?.id ?? form.get('client_id') ?? '';
  const clientSecret = basic?.secret ?? form.get('client_secret') ?? '';
  const known = state.clients.get(clientId);
  if (known !== undefined) {
    const slot = limiter.arrive(clientId);
    if (!slot.ok) return sendErrors(res, 429, TEXTS.throttled, '', { 'Retry-After': String(slot.retryAfterS) });
  }
  if (form.get('grant_type') !== 'client_credentials') return sendOAuthError(res, 400, 'unsupported_grant_type', TEXTS.oauth.grantType);
  if (known === undefined || !sameText(known, clientSecret)) return sendOAuthError(res, 401, 'invalid_client', TEXTS.oauth.badClient);
  const apiKey = form.get('api_key')?.trim() ?? '';
  if (!apiKey) return sendOAuthError(res, 400, 'invalid_request', TEXTS.oauth.noKey);

  const verdict = verifyKey(apiKey, state.keySecret);
  if (!verdict.ok) return sendOAuthError(res, 401, 'invalid_grant', verdict.problem === 'malformed' ? TEXTS.oauth.malformed : TEXTS.oauth.invalidKey);
  const { claims } = verdict;
  if (claims.aud !== clientId) return sendOAuthError(res, 401, 'invalid_grant', TEXTS.oauth.otherClient);
  if (state.revoked.has(claims.jti)) return sendOAuthError(res, 401, 'invalid_grant', TEXTS.oauth.revoked);
  const user = state.users.get(claims.jti.replace(/^key-/, ''));
  if (!user || String(user.spec.user.id) !== claims.sub || user.spec.company.id !== claims.cid) return sendOAuthError(res, 401, 'invalid_grant', TEXTS.oauth.invalidKey);
  if (user.spec.dropConnections) return void req.socket.destroy();

  const accessToken = randomBytes(32).toString('base64url');
  state.tokens.set(accessToken, { clientId, scenarioId: user.spec.id, expiresAt: state.clock() + TOKEN_LIFETIME_S * 1000 });
  return sendJson(res, 200, { access_token: accessToken, token_type: 'bearer', expires_in: TOKEN_LIFETIME_S }, { 'Cache-Control': 'no-store' });
}
