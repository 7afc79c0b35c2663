import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NetvisorClient, type NetvisorClientOptions } from '../../../main/connectors/netvisor/client';
import { NetvisorApiError, NetvisorParseError } from '../../../main/connectors/netvisor/errors';
import { authHeaders } from '../../../main/connectors/netvisor/headers';
import { activeQueues } from '../../../main/connectors/netvisor/queue';
import { LocalSigner } from '../../../main/connectors/netvisor/signer';
import { NetworkError } from '../../../main/platform/http';
import { startNetvisorSimulator, type NetvisorSimulator } from '../../../main/connectors/netvisor/sandbox';
import type { RecordedRequest } from '../../../main/connectors/context';
import { scenario } from './helpers';

let simulator: NetvisorSimulator;
beforeAll(async () => {
  simulator = await startNetvisorSimulator({ latencyMs: 30 });
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

function clientFor(scenarioId: string, extra: Partial<NetvisorClientOptions> = {}): NetvisorClient {
  const { credentials } = scenario(simulator, scenarioId);
  return new NetvisorClient({
    baseUrl: simulator.url,
    customerId: credentials.customerId,
    customerKey: credentials.customerKey,
    organisationId: credentials.businessId,
    signer: new LocalSigner(simulator.partner.partnerId, simulator.partner.partnerKey),
    ...extra,
  });
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

const listen = (server: Server): Promise<string> =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
const close = (server: Server): Promise<void> => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });

describe('NetvisorClient against the simulator', () => {
  it('reads a resource, records the request and reports the server clock', async () => {
    const requests: RecordedRequest[] = [];
    const reply = await clientFor('healthy', { recorder: { record: (request) => requests.push(request) } }).get('accountingledger.nv', { startdate: '2024-01-01', enddate: '2024-01-31' }, { checkId: 'rights' });
    expect(reply.httpStatus).toBe(200);
    expect(reply.data['Vouchers']).toBeDefined();
    expect(reply.serverTime).toBeDefined();
    expect(requests).toEqual([expect.objectContaining({ method: 'GET', status: 200, checkId: 'rights', url: `${simulator.url}/accountingledger.nv?startdate=2024-01-01&enddate=2024-01-31` })]);
  });

  it('matches resource paths case-insensitively', async () => {
    const reply = await clientFor('healthy').get('AccountList.nv');
    expect(reply.data['AccountList']).toBeDefined();
  });

  it('maps each vendor error to NetvisorApiError with code, verbatim text and HTTP status', async () => {
    const cases: ReadonlyArray<readonly [string, () => Promise<unknown>, string, number]> = [
      ['wrong keys', () => clientFor('wrong-keys').get('accountlist.nv'), 'AUTHENTICATION_FAILED', 401],
      ['blocked resource', () => clientFor('two-blocked').get('accountingledger.nv', { startdate: '2024-01-01', enddate: '2024-01-02' }), 'SERVICE_ACCESS_ERROR', 403],
      ['missing parameters', () => clientFor('healthy').get('accountingledger.nv'), 'INVALID_DATA', 400],
    ];
    for (const [name, call, code, httpStatus] of cases) {
      const error = await failure(call());
      expect(error, name).toBeInstanceOf(NetvisorApiError);
      expect(error, name).toMatchObject({ vendorCode: code, rawCode: code, httpStatus });
      expect((error as NetvisorApiError).verbatim.startsWith(`${code} :: `), name).toBe(true);
    }
  });

  it('maps injected codes, both maintenance spellings included', async () => {
    const { customerId } = scenario(simulator, 'healthy').credentials;
    const injected: ReadonlyArray<readonly [string, string, number]> = [
      ['SYSTEM_MAINTENANCE', 'SYSTEM_MAINTENANCE', 503],
      ['SYSTEM_MAINTANANCE', 'SYSTEM_MAINTENANCE', 503],
      ['TECHNICAL_ERROR', 'TECHNICAL_ERROR', 500],
      ['DUPLICATE_DATA', 'DUPLICATE_DATA', 409],
      ['PERIOD_LOCK', 'PERIOD_LOCK', 500],
      ['INVALID_DATA_SIZE', 'INVALID_DATA_SIZE', 400],
      ['BRAND_NEW_CODE', 'UNKNOWN', 500],
    ];
    for (const [raw, code, httpStatus] of injected) {
      simulator.failNext(customerId, { kind: 'error', code: raw, text: 'Huoltokatko klo 22-23' });
      const error = await failure(clientFor('healthy').get('accountlist.nv'));
      expect(error, raw).toMatchObject({ vendorCode: code, rawCode: raw, httpStatus, text: 'Huoltokatko klo 22-23' });
    }
  });

  it('reports a malformed body as NetvisorParseError', async () => {
    simulator.failNext(scenario(simulator, 'healthy').credentials.customerId, { kind: 'malformed', body: '<html><body>Please log in to the proxy</body></html>' });
    const error = await failure(clientFor('healthy').get('accountlist.nv'));
    expect(error).toBeInstanceOf(NetvisorParseError);
    expect(error).toMatchObject({ problem: 'no-root', httpStatus: 200 });
  });

  it('reports a dropped connection as a reset', async () => {
    simulator.failNext(scenario(simulator, 'healthy').credentials.customerId, { kind: 'drop' });
    const error = await failure(clientFor('healthy').get('accountlist.nv'));
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).failure).toBe('reset');
  });

  it('times out on a simulator request that never gets an answer', async () => {
    simulator.failNext(scenario(simulator, 'healthy').credentials.customerId, { kind: 'hang' });
    const error = await failure(clientFor('healthy', { timeoutMs: 300 }).get('accountlist.nv'));
    expect(error).toMatchObject({ failure: 'timeout' });
  });

  it('reports the clock of a skewed server', async () => {
    const error = await failure(clientFor('clock-skew').get('accountlist.nv'));
    expect(error).toMatchObject({ vendorCode: 'AUTHENTICATION_FAILED' });
    const { serverMs, localMs } = (error as NetvisorApiError).serverTime!;
    expect(Math.round((serverMs - localMs) / 60_000)).toBe(17);
  });

  it('serialises overlapping requests of one customer across client instances', async () => {
    const [first, second] = [clientFor('healthy'), clientFor('healthy')];
    const replies = await Promise.all([first.get('accountlist.nv'), second.get('dimensionlist.nv'), first.get('vouchertypelist.nv')]);
    expect(replies.map((reply) => reply.httpStatus)).toEqual([200, 200, 200]);
    expect(activeQueues()).toBe(0);
  });

  it('the simulator rejects overlapping requests that bypass the queue', async () => {
    const { credentials } = scenario(simulator, 'healthy');
    const identity = { customerId: credentials.customerId, customerKey: credentials.customerKey, organisationId: credentials.businessId, signer: new LocalSigner(simulator.partner.partnerId, simulator.partner.partnerKey) };
    const url = `${simulator.url}/accountlist.nv`;
    const send = async () => (await fetch(url, { headers: await authHeaders(url, identity, Date.now()) })).text();
    const bodies = await Promise.all([send(), send()]);
    expect(bodies.filter((body) => body.includes('<Status>OK</Status>'))).toHaveLength(1);
    expect(bodies.filter((body) => body.includes('TECHNICAL_ERROR ::'))).toHaveLength(1);
  });
});

describe('NetvisorClient without a usable answer', () => {
  const signer = new LocalSigner('partner', 'key');
  const bare = (baseUrl: string, timeoutMs?: number) =>
    new NetvisorClient({ baseUrl, customerId: 'c', customerKey: 'k', organisationId: '1967543-8', signer, ...(timeoutMs ? { timeoutMs } : {}) });

  it('reports a refused port', async () => {
    const server = createServer();
    const url = await listen(server);
    await close(server);
    expect(await failure(bare(url).get('accountlist.nv'))).toMatchObject({ failure: 'refused' });
  });

  it('reports a host name that does not resolve', async () => {
    expect(await failure(bare('http://netvisor-simulator.invalid').get('accountlist.nv'))).toMatchObject({ failure: 'dns' });
  });

  it('times out on a server that accepts but never answers', async () => {
    const server = createServer(() => undefined);
    const url = await listen(server);
    try {
      expect(await failure(bare(url, 200).get('accountlist.nv'))).toMatchObject({ failure: 'timeout' });
    } finally {
      await close(server);
    }
  });

  it('reports a cancelled request as aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await failure(bare(simulator.url).get('accountlist.nv', {}, { signal: controller.signal }))).toMatchObject({ failure: 'aborted' });
  });

  it('gets REQUEST_NOT_UNIQUE when a proxy replays the request', async () => {
    // A misbehaving proxy that sends every request twice and returns the second answer.
    const target = new URL(simulator.url);
    const forward = (method: string, path: string, headers: Record<string, string | string[] | undefined>) =>
      new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
        const outgoing = httpRequest({ host: target.hostname, port: target.port, method, path, headers }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        });
        outgoing.on('error', reject);
        outgoing.end();
      });
    const proxy = createServer((req, res) => {
      void (async () => {
        await forward(req.method ?? 'GET', req.url ?? '/', req.headers);
        const second = await forward(req.method ?? 'GET', req.url ?? '/', req.headers);
        res.writeHead(second.status, { 'content-type': String(second.headers['content-type']) });
        res.end(second.body);
      })();
    });
    const proxyUrl = await listen(proxy);
    try {
      const { credentials } = scenario(simulator, 'healthy');
      const client = new NetvisorClient({ baseUrl: proxyUrl, customerId: credentials.customerId, customerKey: credentials.customerKey, organisationId: credentials.businessId, signer: new LocalSigner(simulator.partner.partnerId, simulator.partner.partnerKey) });
      expect(await failure(client.get('accountlist.nv'))).toMatchObject({ vendorCode: 'REQUEST_NOT_UNIQUE', httpStatus: 409 });
    } finally {
      await close(proxy);
    }
  });
});
