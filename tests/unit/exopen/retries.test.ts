import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExopenClient, ExopenError } from '../../../main/exopen';
import { DOMAIN, contractViolations, sampleConfig, startHarness, type Harness } from './support/harness';

describe('retries with the same key, Retry-After honoured up to a cap', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.close();
  });

  it('waits out two 503s with Retry-After and then creates exactly one data source', async () => {
    harness.sandbox.faults.failNext(2, { status: 503, retryAfterSeconds: 0 });
    const created = await harness.client.createDataSource(DOMAIN, sampleConfig(), 'key-503-00000001');
    const posts = harness.proxy.exchanges.filter((exchange) => exchange.method === 'POST');
    expect(posts.map((exchange) => exchange.status)).toEqual([503, 503, 201]);
    expect(posts.every((exchange) => exchange.requestHeaders['idempotency-key'] === 'key-503-00000001')).toBe(true);
    expect(posts[0]?.responseHeaders?.['retry-after']).toBe('0');
    expect(harness.attempts.map((attempt) => attempt.outcome)).toEqual(['retry', 'retry', 'ok']);
    expect((await harness.client.listDataSources()).map((item) => item.id)).toEqual([created.id]);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('takes the delay a 429 asks for before the next attempt', async () => {
    harness.sandbox.faults.failNext(1, { status: 429, retryAfterSeconds: 1 });
    const listed = await harness.client.listDataSources();
    expect(listed).toEqual([]);
    expect(harness.proxy.exchanges.map((exchange) => exchange.status)).toEqual([429, 200]);
    expect(harness.attempts[0]).toMatchObject({ outcome: 'retry', status: 429, retryAfterMs: 1000 });
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('gives up at once when Retry-After is beyond the cap, and says how long', async () => {
    harness.sandbox.faults.failNext(1, { status: 503, retryAfterSeconds: 3600 });
    const failure = await harness.client.createDataSource(DOMAIN, sampleConfig(), 'key-longwait-001').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ExopenError);
    expect(failure).toMatchObject({ code: 'unavailable', httpStatus: 503, retryAfterMs: 3_600_000 });
    expect((failure as ExopenError).msg).toEqual({ key: 'exopen:errors.unavailableFor', params: { seconds: 3600 } });
    expect(harness.proxy.exchanges).toHaveLength(1);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('stops after the last attempt and reports the backend unavailable', async () => {
    harness.sandbox.faults.failNext(10, { status: 503, retryAfterSeconds: 0 });
    const client = harness.clientWith({ retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 } });
    const failure = await client.getDataSource('ds_any').catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'unavailable', httpStatus: 503, problemCode: 'unavailable' });
    expect(harness.proxy.exchanges).toHaveLength(3);
  });

  it('does not retry a cancelled call', async () => {
    harness.sandbox.faults.failNext(5, { status: 503, retryAfterSeconds: 0 });
    const controller = new AbortController();
    const client = harness.clientWith({
      retry: { attempts: 5, baseDelayMs: 50, maxDelayMs: 50 },
      onAttempt: () => controller.abort(),
    });
    const failure = await client.listDataSources(undefined, { signal: controller.signal }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'network', failure: 'aborted' });
    expect(harness.proxy.exchanges).toHaveLength(1);
  });
});

describe('failures without the sandbox', () => {
  it('reports a refused connection as a network error after its retries', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const attempts: string[] = [];
    const client = createExopenClient({
      baseUrl: `http://127.0.0.1:${port}`,
      token: async () => 'token',
      retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
      onAttempt: (attempt) => attempts.push(`${attempt.outcome}:${attempt.failure ?? ''}`),
    });
    const failure = await client.listDataSources().catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'network', failure: 'refused' });
    expect((failure as ExopenError).msg).toEqual({ key: 'exopen:errors.network.refused' });
    expect(attempts).toEqual(['retry:refused', 'retry:refused']);
  });

  it('reports an answer the document does not allow as a protocol error, without retrying', async () => {
    let hits = 0;
    const server = createServer((_request, response) => {
      hits++;
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ items: [{ id: 5, secretValue: 'leaked?' }] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = createExopenClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token: async () => 't' });
    const failure = await client.listDataSources().catch((error: unknown) => error);
    await new Promise((resolve) => server.close(resolve));
    expect(failure).toMatchObject({ code: 'protocol', httpStatus: 200 });
    expect((failure as Error).message).toMatch(/items\.0\.id/);
    expect((failure as Error).message).not.toMatch(/leaked/);
    expect(hits).toBe(1);
  });
});
