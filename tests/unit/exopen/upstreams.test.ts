import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ExopenError } from '../../../main/exopen';
import { contractViolations, filesContaining, startHarness, type Harness } from './support/harness';

/** Exopen's own secrets, as the backend holds them: none may reach a response or the data directory. */
const CLIENT_SECRET = 'partner-client-secret-5d1e-Do-Not-Leak';
const APP_SECRET = 'economic-app-secret-77a0-Do-Not-Leak';
/** The customer's secrets and tokens: never on disk, never echoed in an error. */
const API_KEY = 'procountor-api-key-1f2e-Do-Not-Leak';
const GRANT = 'economic-grant-token-9b8c-Do-Not-Leak';
const ACCESS = 'access-token-0a1b-Do-Not-Store';
const REFRESH = 'refresh-token-2c3d-Do-Not-Store';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** A tiny real vendor: records what it got and answers with `reply`. */
async function startUpstream(reply: (seen: Seen, response: ServerResponse) => void) {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
      seen.push(entry);
      reply(entry, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

const sendJson = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
};

const form = (body: string): Record<string, string> => Object.fromEntries(new URLSearchParams(body));

describe('the broker forwards token exchanges and e-conomic calls to the configured upstream', () => {
  let harness: Harness | undefined;
  let upstream: Awaited<ReturnType<typeof startUpstream>> | undefined;
  afterEach(async () => {
    await harness?.close();
    await upstream?.close();
    harness = undefined;
    upstream = undefined;
  });

  async function scanForSecrets(h: Harness): Promise<void> {
    const answers = h.proxy.exchanges.map((exchange) => exchange.responseBody ?? '').join('\n');
    for (const secret of [CLIENT_SECRET, APP_SECRET, API_KEY, GRANT]) expect(answers).not.toContain(secret);
    await h.sandbox.close();
    for (const secret of [CLIENT_SECRET, APP_SECRET, API_KEY, GRANT, ACCESS, REFRESH]) expect(await filesContaining(h.dataDir, secret)).toEqual([]);
  }

  it('Procountor: exchanges an API key with Exopen\'s client credentials; a refusal carries the vendor\'s words, scrubbed', async () => {
    upstream = await startUpstream((seen, response) => {
      const fields = form(seen.body);
      if (fields.api_key === API_KEY) return sendJson(response, 200, { access_token: ACCESS, token_type: 'bearer', expires_in: 3600 });
      sendJson(response, 401, { error: 'invalid_grant', error_description: `API key ${fields.api_key ?? ''} is not valid for client ${fields.client_secret ?? ''}` });
    });
    harness = await startHarness({ upstreams: { procountor: { tokenUrl: `${upstream.url}/api/oauth/token`, clientId: 'exopenClient', clientSecret: CLIENT_SECRET } } });

    expect(await harness.client.brokerProcountorToken({ apiKey: API_KEY, environment: 'test' })).toEqual({ accessToken: ACCESS, expiresIn: 3600 });
    expect(upstream.seen[0]).toMatchObject({ method: 'POST', url: '/api/oauth/token' });
    expect(upstream.seen[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(form(upstream.seen[0]?.body ?? '')).toEqual({ grant_type: 'client_credentials', api_key: API_KEY, client_id: 'exopenClient', client_secret: CLIENT_SECRET });

    const wrongKey = 'procountor-wrong-key-Do-Not-Echo';
    const refused = await harness.client.brokerProcountorToken({ apiKey: wrongKey, environment: 'production' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ExopenError);
    expect(refused).toMatchObject({ code: 'upstream', httpStatus: 422, problemCode: 'upstream-refused', upstream: { status: 401, error: 'invalid_grant' } });
    expect((refused as ExopenError).upstream?.errorDescription).toBe('API key [redacted] is not valid for client [redacted]');
    expect((refused as ExopenError).msg.key).toBe('exopen:errors.upstream');
    expect(harness.proxy.exchanges.at(-1)?.responseBody).not.toContain(wrongKey);
    expect((refused as ExopenError).message).not.toContain(wrongKey);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
    await scanForSecrets(harness);
  });

  it('Exact: exchanges a code (with PKCE) and refreshes; Exact\'s string expires_in becomes a number', async () => {
    upstream = await startUpstream((seen, response) => {
      const fields = form(seen.body);
      if (fields.grant_type === 'authorization_code' && fields.code === 'XTzM!IAAAACbPTzQJ')
        return sendJson(response, 200, { access_token: ACCESS, token_type: 'Bearer', expires_in: '600', refresh_token: REFRESH });
      if (fields.grant_type === 'refresh_token' && fields.refresh_token === REFRESH)
        return sendJson(response, 200, { access_token: `${ACCESS}-2`, token_type: 'Bearer', expires_in: '600', refresh_token: `${REFRESH}-2` });
      sendJson(response, 400, { error: 'invalid_request', error_description: 'Code already used' });
    });
    harness = await startHarness({ upstreams: { exact: { tokenUrl: `${upstream.url}/api/oauth2/token`, clientId: 'exopen-exact', clientSecret: CLIENT_SECRET } } });
    const verifier = 'v'.repeat(43);

    const tokens = await harness.client.brokerExactToken({ code: 'XTzM!IAAAACbPTzQJ', redirectUri: 'https://connect.exopen.test/exact/callback', codeVerifier: verifier });
    expect(tokens).toEqual({ accessToken: ACCESS, refreshToken: REFRESH, expiresIn: 600, tokenType: 'Bearer' });
    expect(form(upstream.seen[0]?.body ?? '')).toEqual({
      grant_type: 'authorization_code',
      code: 'XTzM!IAAAACbPTzQJ',
      redirect_uri: 'https://connect.exopen.test/exact/callback',
      code_verifier: verifier,
      client_id: 'exopen-exact',
      client_secret: CLIENT_SECRET,
    });
    expect(await harness.client.brokerExactRefresh(REFRESH)).toMatchObject({ accessToken: `${ACCESS}-2`, refreshToken: `${REFRESH}-2` });

    const used = await harness.client.brokerExactToken({ code: 'XTzM!IAAAACbPTzQJ-used', redirectUri: 'https://connect.exopen.test/exact/callback' }).catch((error: unknown) => error);
    expect(used).toMatchObject({ code: 'upstream', upstream: { status: 400, error: 'invalid_request', errorDescription: 'Code already used' } });
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
    await scanForSecrets(harness);
  });

  it('does not repeat a single-use exchange after an answer that may have acted, but does repeat a safe one', async () => {
    upstream = await startUpstream((_seen, response) => sendJson(response, 500, { error: 'server_error' }));
    const oauth = { tokenUrl: `${upstream.url}/token`, clientId: 'exopen', clientSecret: CLIENT_SECRET };
    harness = await startHarness({ upstreams: { exact: oauth, procountor: oauth } });
    const client = harness.clientWith({ retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 } });

    const exact = await client.brokerExactToken({ code: 'single-use-code', redirectUri: 'https://connect.exopen.test/cb' }).catch((error: unknown) => error);
    expect(exact).toMatchObject({ code: 'unavailable', httpStatus: 502, problemCode: 'upstream-unavailable' });
    expect(upstream.seen).toHaveLength(1);

    const procountor = await client.brokerProcountorToken({ apiKey: API_KEY, environment: 'test' }).catch((error: unknown) => error);
    expect(procountor).toMatchObject({ code: 'unavailable', httpStatus: 502 });
    expect(upstream.seen).toHaveLength(4);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('e-conomic: relays a call with both tokens and relays the answer whatever its status, tokens scrubbed', async () => {
    upstream = await startUpstream((seen, response) => {
      if (seen.url.startsWith('/self'))
        return sendJson(response, 200, { agreementNumber: 972010, echo: `${String(seen.headers['x-appsecrettoken'])}` }, { 'Set-Cookie': 'session=1', 'X-RateLimit-Remaining': '5' });
      if (seen.url.startsWith('/journals')) return sendJson(response, 201, { created: JSON.parse(seen.body) as unknown }, { Location: '/journals/1' });
      sendJson(response, 401, { message: 'Token does not correspond to a valid grant.', errorCode: 'E02250' });
    });
    harness = await startHarness({ upstreams: { economic: { baseUrl: `${upstream.url}/`, appSecretToken: APP_SECRET } } });

    const self = await harness.client.brokerEconomicRelay({ method: 'GET', path: '/self', query: { demo: 'false', filter: 'name$like:a b' }, agreementGrantToken: GRANT });
    expect(self.status).toBe(200);
    expect(self.headers).toEqual({ 'content-type': 'application/json' });
    expect(JSON.parse(self.body)).toEqual({ agreementNumber: 972010, echo: '[redacted]' });
    expect(upstream.seen[0]?.url).toBe('/self?demo=false&filter=name%24like%3Aa+b');
    expect(upstream.seen[0]?.headers).toMatchObject({ 'x-appsecrettoken': APP_SECRET, 'x-agreementgranttoken': GRANT });

    const posted = await harness.client.brokerEconomicRelay({ method: 'POST', path: '/journals', body: '{"text":"x"}', agreementGrantToken: GRANT });
    expect(posted).toMatchObject({ status: 201, headers: { location: '/journals/1' } });
    expect(upstream.seen[1]?.headers['content-type']).toBe('application/json');

    const refused = await harness.client.brokerEconomicRelay({ method: 'GET', path: '/accounts/1000', agreementGrantToken: GRANT });
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body)).toMatchObject({ errorCode: 'E02250' });

    for (const path of ['/../admin', '//evil.test/x', '/self?x=1', 'self']) {
      const failure = await harness.client.brokerEconomicRelay({ method: 'GET', path, agreementGrantToken: GRANT }).catch((error: unknown) => error);
      expect(failure, path).toMatchObject({ code: 'validation', fieldErrors: [{ field: 'path' }] });
    }
    expect(upstream.seen).toHaveLength(3);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
    await scanForSecrets(harness);
  });

  it('answers 503 broker-not-configured for each vendor without an upstream, after checking the request', async () => {
    harness = await startHarness();
    const calls = [
      harness.client.brokerProcountorToken({ apiKey: API_KEY, environment: 'test' }),
      harness.client.brokerExactToken({ code: 'c', redirectUri: 'https://connect.exopen.test/cb' }),
      harness.client.brokerExactRefresh(REFRESH),
      harness.client.brokerEconomicRelay({ method: 'GET', path: '/self', agreementGrantToken: GRANT }),
    ];
    for (const failure of await Promise.all(calls.map((call) => call.catch((error: unknown) => error))))
      expect(failure).toMatchObject({ code: 'not-configured', httpStatus: 503, problemCode: 'broker-not-configured' });
    expect(harness.proxy.exchanges).toHaveLength(4);
    const invalid = await harness.client.brokerProcountorToken({ apiKey: '', environment: 'test' }).catch((error: unknown) => error);
    expect(invalid).toMatchObject({ code: 'validation', fieldErrors: [{ field: 'apiKey' }] });
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('answers 502 upstream-unavailable when the vendor cannot be reached', async () => {
    const gone = await startUpstream(() => undefined);
    await gone.close();
    harness = await startHarness({ upstreams: { procountor: { tokenUrl: `${gone.url}/token`, clientId: 'exopen', clientSecret: CLIENT_SECRET } } });
    const failure = await harness.clientWith({ retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } }).brokerProcountorToken({ apiKey: API_KEY, environment: 'test' }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'unavailable', httpStatus: 502, problemCode: 'upstream-unavailable' });
    expect(harness.proxy.exchanges.map((exchange) => exchange.status)).toEqual([502, 502]);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });
});
