import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createProcountorConnector, LocalTokenExchange, ProcountorTokenError } from '../../../main/connectors/procountor';
import { inspectApiKey } from '../../../main/connectors/procountor/apiKey';
import { startProcountorSimulator, type ProcountorSimulator } from '../../../main/connectors/procountor/sandbox';
import { contextFor, failing, inputFor, render, scenario } from './helpers';

let simulator: ProcountorSimulator;
let elsewhere: ProcountorSimulator;
beforeAll(async () => {
  [simulator, elsewhere] = await Promise.all([startProcountorSimulator(), startProcountorSimulator()]);
});
afterAll(() => Promise.all([simulator.close(), elsewhere.close()]));
beforeEach(() => simulator.reset());

const sandbox = (sim: ProcountorSimulator) => ({ id: 'sandbox' as const, baseUrl: sim.url });
const exchangeWith = (clientSecret = simulator.partner.clientSecret) => new LocalTokenExchange({ clientId: 'exopenClient', clientSecret });

async function refusal(promise: Promise<unknown>): Promise<ProcountorTokenError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProcountorTokenError) return error;
    throw error;
  }
  throw new Error('expected the exchange to be refused');
}

async function tokenCheck(apiKey: string) {
  const report = await createProcountorConnector(contextFor(simulator)).runChecks({ fields: { environment: 'sandbox' }, secrets: { apiKey } }, { onEvent: () => undefined });
  return failing(report, 'token');
}

describe('exchanging an API key', () => {
  it('a good key gives a Bearer token valid for an hour', async () => {
    const token = await exchangeWith().exchange(scenario(simulator, 'healthy').credentials.apiKey, sandbox(simulator));
    expect(token.expiresIn).toBe(3600);
    expect(token.accessToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });

  it('a wrong client secret is invalid_client', async () => {
    const error = await refusal(exchangeWith('wrong').exchange(scenario(simulator, 'healthy').credentials.apiKey, sandbox(simulator)));
    expect(error).toMatchObject({ httpStatus: 401, oauthError: 'invalid_client', description: 'Client authentication failed' });
  });

  it.each([
    ['revoked-key', 'The API key has been revoked'],
    ['foreign-key', 'The API key was not issued for this client'],
    ['malformed-key', 'Malformed API key'],
  ])('%s is invalid_grant with its own description', async (id, description) => {
    const error = await refusal(exchangeWith().exchange(scenario(simulator, id).credentials.apiKey, sandbox(simulator)));
    expect(error).toMatchObject({ httpStatus: 401, oauthError: 'invalid_grant', description });
  });

  it('a tampered key is refused as not accepted, with every likely cause in the fix', async () => {
    const key = scenario(simulator, 'healthy').credentials.apiKey;
    const token = await tokenCheck(`${key.slice(0, -2)}${key.endsWith('AA') ? 'BB' : 'AA'}`);
    expect(token.meaning.key).toBe('procountor:diagnosis.token.rejected.meaning');
    expect(token.vendor?.text).toBe('Invalid API key');
  });

  it('a key made on another Procountor server: names that server', async () => {
    const token = await tokenCheck(scenario(elsewhere, 'healthy').credentials.apiKey);
    expect(token.meaning.key).toBe('procountor:diagnosis.token.environment.meaning');
    expect(render(token.meaning)).toContain(`This key was made on ${new URL(elsewhere.url).host}, but the test used ${new URL(simulator.url).host}.`);
  });

  it('a key that is not JWT-shaped at all is still only judged by Procountor', async () => {
    expect(inspectApiKey('some-opaque-key')).toEqual({ shape: 'opaque' });
    const token = await tokenCheck('some-opaque-key');
    expect(token.vendor?.text).toBe('Malformed API key');
    expect(token.meaning.key).toBe('procountor:diagnosis.token.malformed.meaning');
  });

  it('never lets the key or the client secret into an error, even if a server echoes them', async () => {
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        res.writeHead(400, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: 'invalid_request', error_description: `could not use ${decodeURIComponent(body)}` }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const apiKey = scenario(simulator, 'healthy').credentials.apiKey;
      const exchange = new LocalTokenExchange({ clientId: 'exopenClient', clientSecret: 'super-secret-value' });
      const error = await refusal(exchange.exchange(apiKey, { id: 'custom', baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api` }));
      const shown = `${error.message} ${error.description} ${JSON.stringify(error)}`;
      expect(shown).not.toContain('super-secret-value');
      expect(shown).not.toContain(apiKey);
      expect(error.description).toContain('[redacted]');
      expect(JSON.stringify(exchange)).not.toContain('super-secret-value');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('reads the claims of a simulator key without verifying it', () => {
    const info = inspectApiKey(scenario(simulator, 'healthy').credentials.apiKey);
    expect(info).toEqual({ shape: 'jwt', claims: { sub: '5101', aud: 'exopenClient', iss: simulator.url, cid: 100201, iat: 1_736_899_200 } });
    expect(inspectApiKey(scenario(simulator, 'malformed-key').credentials.apiKey)).toEqual({ shape: 'truncated' });
    expect(inspectApiKey(`  ${scenario(simulator, 'foreign-key').credentials.apiKey}\n`)).toMatchObject({ shape: 'jwt', claims: { aud: 'otherIntegrationClient' } });
    expect(inspectApiKey('eyJhbGciOi.eyJub3QganNvbg.sig')).toEqual({ shape: 'truncated' });
  });

  it('the sandbox scenario keys cover every token path', () => {
    const ids = simulator.scenarios.map((info) => info.id);
    expect(ids).toEqual(expect.arrayContaining(['healthy', 'revoked-key', 'foreign-key', 'malformed-key']));
    expect(inputFor(scenario(simulator, 'healthy')).secrets['apiKey']).toBe(scenario(simulator, 'healthy').credentials.apiKey);
  });
});
