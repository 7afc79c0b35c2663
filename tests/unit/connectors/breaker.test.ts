/**
 * §9 #12, the circuit breaker per vendor origin in `send`: after 5 consecutive transient failures calls fail
 * fast (<10 ms, no request reaches the server) with E_CIRCUIT_OPEN and "<vendor> is not answering; try again
 * in N s"; after halfOpenAfter (30 s) one probe goes through; 4xx answers never open it; another origin (the
 * sandbox's simulators are one port each) keeps working. The breakers' clock is injected.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BREAKER_POLICY, resetBreakers } from '../../../main/connectors/shared/breaker';
import { CircuitOpenError } from '../../../main/connectors/shared/limits';
import { send, type RawReply } from '../../../main/connectors/shared/transport';
import { createHttp, NetworkError } from '../../../main/platform/http';
import { startFaultServer, untilIo, type FaultServer } from './faultServer';

let now = 1_000_000;
const servers: FaultServer[] = [];
beforeEach(() => {
  now = 1_000_000;
  resetBreakers({ now: () => now });
});
afterEach(async () => {
  resetBreakers();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(...args: Parameters<typeof startFaultServer>): Promise<FaultServer> {
  const server = await startFaultServer(...args);
  servers.push(server);
  return server;
}

const http = createHttp({ timeoutMs: 5000 });
const get = (server: FaultServer, path = '/api/products'): Promise<RawReply> => send(http, { method: 'GET', url: `${server.url}${path}`, headers: {} }, { vendor: 'Procountor' });

async function outcome(promise: Promise<RawReply>): Promise<number | Error> {
  try {
    return (await promise).status;
  } catch (error) {
    return error as Error;
  }
}

describe('the circuit breaker per vendor origin', () => {
  it('opens after 5 consecutive 5xx answers and then fails fast without a request; another origin is unaffected', async () => {
    const down = await serve({ '': [{ kind: 'answer', status: 503, body: 'maintenance' }] });
    const up = await serve({ '': [{ kind: 'answer', status: 200, body: '{}' }] });
    for (let n = 0; n < DEFAULT_BREAKER_POLICY.failureThreshold; n++) expect(await outcome(get(down))).toBe(503);
    expect(down.seen).toHaveLength(5);

    // Fail fast: the median of 21 refused calls under 10 ms (a median, so a GC pause on a busy machine is no verdict).
    const took: number[] = [];
    let refused: number | Error = 0;
    for (let n = 0; n < 21; n++) {
      const started = performance.now();
      refused = await outcome(get(down));
      took.push(performance.now() - started);
    }
    const tookMs = [...took].sort((x, y) => x - y)[10]!;
    expect(refused).toBeInstanceOf(CircuitOpenError);
    expect(refused).toBeInstanceOf(NetworkError);
    expect((refused as CircuitOpenError).code).toBe('E_CIRCUIT_OPEN');
    expect((refused as Error).message).toBe('Procountor is not answering; try again in 30 s');
    expect(tookMs).toBeLessThan(10);
    expect(down.seen).toHaveLength(5); // nothing reached the server

    expect(await outcome(get(up))).toBe(200);
    now += 10_000;
    expect(((await outcome(get(down))) as Error).message).toBe('Procountor is not answering; try again in 20 s');
    expect(down.seen).toHaveLength(5);
  });

  it('after halfOpenAfter one probe goes through: a failed probe opens it again, an answer closes it', async () => {
    const down = await serve({ '': [{ kind: 'reset' }] });
    for (let n = 0; n < 5; n++) expect(await outcome(get(down))).toBeInstanceOf(NetworkError);
    expect(await outcome(get(down))).toBeInstanceOf(CircuitOpenError);
    expect(down.seen).toHaveLength(5);

    now += DEFAULT_BREAKER_POLICY.halfOpenAfterMs;
    expect(await outcome(get(down))).not.toBeInstanceOf(CircuitOpenError); // the probe, dropped again
    expect(down.seen).toHaveLength(6);
    expect(await outcome(get(down))).toBeInstanceOf(CircuitOpenError); // open for another 30 s at once
    expect(down.seen).toHaveLength(6);

    now += DEFAULT_BREAKER_POLICY.halfOpenAfterMs;
    down.script({ '': [{ kind: 'hang' }, { kind: 'answer', status: 200, body: '{}' }] });
    const controller = new AbortController();
    const probe = outcome(send(http, { method: 'GET', url: `${down.url}/api/products`, headers: {} }, { vendor: 'Procountor', signal: controller.signal }));
    await untilIo(() => down.seen.length === 7);
    expect(await outcome(get(down))).toBeInstanceOf(CircuitOpenError); // one probe at a time: the rest still fail fast
    expect(down.seen).toHaveLength(7);
    controller.abort(); // a cancelled probe says nothing of the host: the next call may probe
    expect(((await probe) as NetworkError).failure).toBe('aborted');
    expect(await outcome(get(down))).toBe(200);
    expect(await outcome(get(down))).toBe(200);
    expect(down.seen).toHaveLength(9);
  });

  it('a successful probe closes the circuit and calls flow again', async () => {
    const flaky = await serve({ '': [{ kind: 'answer', status: 502 }] });
    for (let n = 0; n < 5; n++) await outcome(get(flaky));
    expect(await outcome(get(flaky))).toBeInstanceOf(CircuitOpenError);
    flaky.script({ '': [{ kind: 'answer', status: 200, body: '{}' }] });
    now += DEFAULT_BREAKER_POLICY.halfOpenAfterMs;
    expect(await outcome(get(flaky))).toBe(200);
    expect(await outcome(get(flaky))).toBe(200);
    expect(await outcome(get(flaky))).toBe(200);
    expect(flaky.seen).toHaveLength(8);
  });

  it('4xx answers are the vendor answering: they never open it, and they reset the count', async () => {
    const refusing = await serve({ '': [{ kind: 'answer', status: 401, body: '{"errors":[]}' }] });
    for (let n = 0; n < 12; n++) expect(await outcome(get(refusing))).toBe(401);
    const mixed = await serve({ '': [503, 503, 503, 503, 404, 503, 503, 503, 503, 503].map((status) => ({ kind: 'answer' as const, status })) });
    const statuses: Array<number | Error> = [];
    for (let n = 0; n < 10; n++) statuses.push(await outcome(get(mixed)));
    expect(statuses.slice(0, 9).every((status) => typeof status === 'number')).toBe(true); // 4 × 503, 404 resets, 4 × 503
    expect(statuses[9]).toBe(503); // the fifth consecutive: it is sent, and opens the circuit after
    expect(await outcome(get(mixed))).toBeInstanceOf(CircuitOpenError);
  });

  it('connection refused counts; a cancel does not', async () => {
    const closed = await serve();
    const url = closed.url;
    await closed.close();
    servers.splice(servers.indexOf(closed), 1);
    const refusedGet = () => outcome(send(http, { method: 'GET', url: `${url}/x`, headers: {} }, { vendor: 'Vitec Ekonomi' }));
    const controller = new AbortController();
    controller.abort();
    for (let n = 0; n < 10; n++) await outcome(send(http, { method: 'GET', url: `${url}/x`, headers: {} }, { vendor: 'Vitec Ekonomi', signal: controller.signal }));
    for (let n = 0; n < 4; n++) expect(((await refusedGet()) as NetworkError).failure).toBe('refused');
    expect(((await refusedGet()) as NetworkError).failure).toBe('refused');
    expect(((await refusedGet()) as Error).message).toBe('Vitec Ekonomi is not answering; try again in 30 s');
  });
});
