/**
 * The broker's token endpoints: `POST /v1/broker/netvisor/sign` signs with the partner key given at start;
 * `.../procountor/token`, `.../exact/token` and `.../exact/refresh` forward to the configured token URL with
 * Exopen's client credentials. The request is checked before anything else, so a malformed request is
 * refused the same way whether or not the broker is configured.
 */
import { hmacSha256Mac } from '../../connectors/netvisor/mac';
import { parseBody, type Route } from './context';
import { json, type Answer } from './http-io';
import type { OAuthUpstream } from './upstream-config';
import { callUpstream, notConfigured, oauthJson, scrubberOf, seconds, upstreamRefused, upstreamUnavailable } from './upstream';
import { exactRefreshRule, exactTokenRule, netvisorSignRule, procountorTokenRule } from './validation-broker';

export const netvisorSign: Route = async (context) => {
  const read = parseBody(context, netvisorSignRule);
  if (!read.ok) return read.answer;
  const partner = context.parts.partners.netvisor;
  if (!partner) return notConfigured('Netvisor');
  const { algorithm: _algorithm, ...input } = read.value;
  return json(200, { partnerId: partner.partnerId, mac: hmacSha256Mac({ ...input, partnerKey: partner.partnerKey }) });
};

/** Posts a token form with Exopen's client credentials; maps the answer to `pick`'s shape or a problem. */
async function exchange(
  vendor: string,
  upstream: OAuthUpstream,
  form: Record<string, string | undefined>,
  pick: (body: Record<string, unknown>) => Record<string, unknown> | undefined,
): Promise<Answer> {
  const fields = { ...form, client_id: upstream.clientId, client_secret: upstream.clientSecret };
  const entries = Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined);
  const scrub = scrubberOf([upstream.clientSecret, ...entries.filter(([name]) => name !== 'grant_type').map(([, value]) => value)]);
  const result = await callUpstream(vendor, upstream.tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams(entries).toString(),
  });
  if (!result.ok) return result.answer;
  const { reply } = result;
  if (reply.status >= 400 && reply.status < 500) return upstreamRefused(vendor, reply, scrub);
  const body = reply.status === 200 ? oauthJson(reply.text) : undefined;
  const picked = body ? pick(body) : undefined;
  return picked ? json(200, picked) : upstreamUnavailable(vendor, `HTTP ${reply.status} without a token`);
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);

export const procountorToken: Route = async (context) => {
  const read = parseBody(context, procountorTokenRule);
  if (!read.ok) return read.answer;
  const upstream = context.parts.upstreams.procountor;
  if (!upstream) return notConfigured('Procountor');
  // UNCERTAIN (reference B2): redirect_uri looks optional for the M2M grant; not sent. `environment` picks the
  // token URL at the real backend; the sandbox has one upstream for both.
  return exchange('Procountor', upstream, { grant_type: 'client_credentials', api_key: read.value.apiKey }, (body) => {
    const accessToken = text(body.access_token);
    const expiresIn = seconds(body.expires_in);
    return accessToken && expiresIn !== undefined ? { accessToken, expiresIn } : undefined;
  });
};

const exactTokens = (body: Record<string, unknown>): Record<string, unknown> | undefined => {
  const accessToken = text(body.access_token);
  const refreshToken = text(body.refresh_token);
  const expiresIn = seconds(body.expires_in);
  const tokenType = text(body.token_type);
  if (!accessToken || !refreshToken || expiresIn === undefined) return undefined;
  return { accessToken, refreshToken, expiresIn, ...(tokenType ? { tokenType } : {}) };
};

export const exactToken: Route = async (context) => {
  const read = parseBody(context, exactTokenRule);
  if (!read.ok) return read.answer;
  const upstream = context.parts.upstreams.exact;
  if (!upstream) return notConfigured('Exact Online');
  const { code, redirectUri, codeVerifier } = read.value;
  return exchange('Exact Online', upstream, { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: codeVerifier }, exactTokens);
};

export const exactRefresh: Route = async (context) => {
  const read = parseBody(context, exactRefreshRule);
  if (!read.ok) return read.answer;
  const upstream = context.parts.upstreams.exact;
  if (!upstream) return notConfigured('Exact Online');
  return exchange('Exact Online', upstream, { grant_type: 'refresh_token', refresh_token: read.value.refreshToken }, exactTokens);
};
