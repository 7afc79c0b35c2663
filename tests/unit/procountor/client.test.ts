import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../../../main/connectors/context';
import { LocalTokenExchange, ProcountorApiError, ProcountorClient, searchAll, type ProcountorClientOptions } from '../../../main/connectors/procountor';
import { SlidingWindowLimiter } from '../../../main/connectors/procountor/rateLimit';
import { startProcountorSimulator, type ProcountorSimulator } from '../../../main/connectors/procountor/sandbox';
import { assertNoSecrets, scenario } from './helpers';

let simulator: ProcountorSimulator;
beforeAll(async () => {
  simulator = await startProcountorSimulator();
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

function clientFor(scenarioId: string, extra: Partial<ProcountorClientOptions> = {}): { client: ProcountorClient; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const recorder = { record: (request: RecordedRequest) => requests.push(request) };
  // A limiter of its own per test (shared by the token call and the API calls, as in production), so the
  // simulator's counter sees only this test's traffic.
  const limiter = extra.limiter ?? new SlidingWindowLimiter();
  const client = new ProcountorClient({
    baseUrl: simulator.url,
    environment: 'sandbox',
    apiKey: scenario(simulator, scenarioId).credentials.apiKey,
    exchange: new LocalTokenExchange({ ...simulator.partner, recorder, limiter }),
    recorder,
    ...extra,
    limiter,
  });
  return { client, requests };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

const trail = (requests: ReadonlyArray<RecordedRequest>) => requests.map((request) => `${request.method} ${new URL(request.url).pathname} ${request.status ?? request.error}`);

describe('ProcountorClient against the simulator', () => {
  it('exchanges the key once, reuses the token, and records requests without secrets', async () => {
    const { client, requests } = clientFor('healthy');
    const info = await client.get('sessioninfo', {}, { checkId: 'identity' });
    await client.get('fiscalyears');
    expect(info.data).toMatchObject({ companyId: 100201, name: 'Aurinkoranta Oy', userId: 5101, userName: 'Exopen API' });
    expect(trail(requests)).toEqual(['POST /api/oauth/token 200', 'GET /api/sessioninfo 200', 'GET /api/fiscalyears 200']);
    expect(requests[1]).toMatchObject({ checkId: 'identity', url: `${simulator.url}/sessioninfo` });
    assertNoSecrets({ requests, client }, [scenario(simulator, 'healthy').credentials.apiKey, simulator.partner.clientSecret]);
  });

  it('keeps under 20 requests per second even when 60 are asked for at once', async () => {
    const { client, requests } = clientFor('healthy');
    const replies = await Promise.all(Array.from({ length: 60 }, () => client.get('products', { size: '1' })));
    expect(requests.filter((request) => request.status !== 200)).toEqual([]);
    expect(replies.every((reply) => reply.httpStatus === 200)).toBe(true);
    const stats = simulator.stats();
    expect(stats.requests).toBe(61);
    expect(stats.throttled).toBe(0);
    expect(stats.maxPerSecond).toBeLessThanOrEqual(20);
  });

  it('without the limiter the simulator throttles, and the client recovers through Retry-After', async () => {
    const { client, requests } = clientFor('healthy', { limiter: new SlidingWindowLimiter({ limit: 1000, windowMs: 1000 }) });
    await client.authenticate();
    const replies = await Promise.all(Array.from({ length: 30 }, () => client.get('products', { size: '1' })));
    expect(replies).toHaveLength(30);
    expect(simulator.stats().throttled).toBeGreaterThan(0);
    expect(requests.filter((request) => request.status === 429).length).toBe(simulator.stats().throttled);
  });

  it('the throttled scenario: two 429s, then the answer', async () => {
    const { client, requests } = clientFor('throttled');
    const reply = await client.get('sessioninfo');
    expect(reply.httpStatus).toBe(200);
    expect(trail(requests)).toEqual(['POST /api/oauth/token 200', 'GET /api/sessioninfo 429', 'GET /api/sessioninfo 429', 'GET /api/sessioninfo 200']);
  });

  it('gives up after the bounded retries with a typed 429 carrying Retry-After', async () => {
    const { client } = clientFor('throttled', { retry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 2000 } });
    const error = await failure(client.get('sessioninfo'));
    expect(error).toBeInstanceOf(ProcountorApiError);
    expect(error).toMatchObject({ httpStatus: 429, retryAfterMs: 1000, errors: [{ status: 429, message: expect.stringMatching(/^Too many requests/) }] });
  });

  it('re-exchanges once when the token expired on the server', async () => {
    const { client, requests } = clientFor('healthy');
    await client.get('sessioninfo');
    simulator.expireTokens();
    await client.get('sessioninfo');
    expect(trail(requests)).toEqual(['POST /api/oauth/token 200', 'GET /api/sessioninfo 200', 'GET /api/sessioninfo 401', 'POST /api/oauth/token 200', 'GET /api/sessioninfo 200']);
  });

  it('renews a token before it expires by its own clock', async () => {
    let now = Date.now();
    const { client, requests } = clientFor('healthy', { now: () => now });
    await client.get('sessioninfo');
    now += 3590 * 1000;
    await client.get('sessioninfo');
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(2);
  });

  it('turns 403 ErrorMessages into ProcountorApiError with Procountor\'s words', async () => {
    const { client } = clientFor('no-accounting-rights');
    const error = await failure(client.get('coa'));
    expect(error).toBeInstanceOf(ProcountorApiError);
    expect(error).toMatchObject({ httpStatus: 403, errors: [{ status: 403, message: 'Insufficient user rights' }], verbatim: 'Insufficient user rights' });
    const dimensions = await failure(clientFor('healthy').client.get('nosuchthing'));
    expect(dimensions).toMatchObject({ httpStatus: 404 });
  });

  it('a page size over 200 is refused with the field named', async () => {
    const error = await failure(clientFor('healthy').client.get('ledgerreceipts', { size: '500' }));
    expect(error).toMatchObject({ httpStatus: 400, errors: [{ field: 'size' }], verbatim: 'size: must be less than or equal to 200' });
  });
});

describe('paging', () => {
  const ids = (rows: ReadonlyArray<unknown>) => rows.map((row) => (row as { id: number }).id);
  async function collect(iterator: AsyncGenerator<unknown>): Promise<unknown[]> {
    const rows: unknown[] = [];
    for await (const row of iterator) rows.push(row);
    return rows;
  }

  it('keyset paging (previousId) reads every ledger receipt once, in id order', async () => {
    const { client, requests } = clientFor('healthy');
    const rows = await collect(searchAll(client, 'ledgerreceipts', {}, { size: 50 }));
    expect(rows).toHaveLength(120);
    expect(ids(rows)).toEqual([...ids(rows)].sort((a, b) => a - b));
    expect(new Set(ids(rows)).size).toBe(120);
    const urls = requests.filter((request) => request.method === 'GET').map((request) => new URL(request.url).searchParams.get('previousId'));
    expect(urls).toEqual([null, '20050', '20100']);
  });

  it('page paging reads the same rows and stops at totalCount', async () => {
    const { client, requests } = clientFor('healthy');
    const rows = await collect(searchAll(client, 'ledgerreceipts', {}, { size: 40, mode: 'page' }));
    expect(new Set(ids(rows)).size).toBe(120);
    expect(requests.filter((request) => request.method === 'GET')).toHaveLength(3);
  });

  it('filters combine with paging, and meta counts what is left', async () => {
    const { client } = clientFor('healthy');
    const sales = await collect(searchAll(client, 'invoices', { types: 'SALES_INVOICE' }, { size: 7 }));
    expect(sales).toHaveLength(30);
    expect(sales.every((row) => (row as { type: string }).type === 'SALES_INVOICE')).toBe(true);
    const reply = await client.get('ledgerreceipts', { size: '10', page: '2' });
    expect((reply.data as { meta: unknown }).meta).toEqual({ pageNumber: 2, pageSize: 10, resultCount: 10, totalCount: 120 });
  });
});
