/**
 * No wait without an end, at the one `send` every vendor request uses (issue 11 item 3): an overall deadline
 * that a trickling server cannot stretch, a body cap enforced while streaming, and the typed errors that say
 * which limit ran out. A fault-injecting server on 127.0.0.1; time is vitest's fake timers.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecordedRequest } from '../../../main/connectors/context';
import { resetBreakers } from '../../../main/connectors/shared/breaker';
import { ResponseTooLargeError, ScopeDeadline, TOKEN_MAX_RESPONSE_BYTES, VendorDeadlineError } from '../../../main/connectors/shared/limits';
import { send } from '../../../main/connectors/shared/transport';
import { LocalTokenExchange } from '../../../main/connectors/procountor/tokenExchange';
import { SlidingWindowLimiter } from '../../../main/connectors/procountor/rateLimit';
import { createHttp, NetworkError } from '../../../main/platform/http';
import { FAKE_TIMERS, settleIo, startFaultServer, untilIo, type FaultServer } from './faultServer';

let server: FaultServer;
beforeEach(async () => {
  resetBreakers();
  server = await startFaultServer();
});
afterEach(async () => {
  vi.useRealTimers();
  await server.close();
});

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('the overall request deadline', () => {
  it('cuts off a server that trickles one byte every 2 s at 30 s, naming the vendor, the resource and the limit', async () => {
    vi.useFakeTimers(FAKE_TIMERS);
    server.script({ '': [{ kind: 'trickle', everyMs: 2000 }] });
    const requests: RecordedRequest[] = [];
    // axios' own (idle) timeout is 30 s as well: the trickle resets it every 2 s, so only the deadline can end this.
    const pending = failureOf(
      send(createHttp({ timeoutMs: 30_000 }), { method: 'GET', url: `${server.url}/api/products`, headers: {} }, { vendor: 'Procountor', recorder: { record: (r) => requests.push(r) } }),
    );
    await untilIo(() => server.seen.length === 1);
    let settled = false;
    void pending.then(() => (settled = true));
    for (let elapsed = 0; elapsed < 28_000; elapsed += 2000) {
      await vi.advanceTimersByTimeAsync(2000);
      await settleIo();
    }
    expect(settled).toBe(false); // 28 s of trickle: still within the deadline
    await vi.advanceTimersByTimeAsync(2000);
    const error = await pending;
    expect(error).toBeInstanceOf(VendorDeadlineError);
    expect(error).toBeInstanceOf(NetworkError); // every connector's isCheckFailure takes it
    expect((error as VendorDeadlineError).code).toBe('E_VENDOR_DEADLINE');
    expect((error as Error).message).toBe("Procountor's /api/products did not finish in 30 s");
    expect((error as VendorDeadlineError).params).toMatchObject({ scope: 'request', resource: '/api/products', seconds: 30 });
    await untilIo(() => server.closedEarly() === 1); // the socket was closed: the trickle stopped
    expect(server.bodyBytesWritten()).toBeGreaterThanOrEqual(14);
    expect(requests).toEqual([expect.objectContaining({ method: 'GET', error: 'deadline' })]);
  });

  it('takes a per-call figure, and says "check" or "run" when that deadline aborted the request', async () => {
    vi.useFakeTimers(FAKE_TIMERS);
    server.script({ '': [{ kind: 'hang' }] });
    const http = createHttp({ timeoutMs: 120_000 });
    const short = failureOf(send(http, { method: 'GET', url: `${server.url}/accounts.nv`, headers: {} }, { vendor: 'Netvisor', deadlineMs: 5000 }));
    await untilIo(() => server.seen.length === 1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(((await short) as Error).message).toBe("Netvisor's /accounts.nv did not finish in 5 s");

    const controller = new AbortController();
    const cut = failureOf(send(http, { method: 'GET', url: `${server.url}/accounts.nv`, headers: {} }, { vendor: 'Netvisor', signal: controller.signal }));
    await untilIo(() => server.seen.length === 2);
    controller.abort(new ScopeDeadline('check', 'rights', 180_000));
    const error = (await cut) as VendorDeadlineError;
    expect(error).toBeInstanceOf(VendorDeadlineError);
    expect(error.scope).toBe('check');
    expect(error.message).toBe('the check rights did not finish in 180 s');
  });
});

describe('response bodies are capped while streaming', () => {
  it('stops reading a 300 MB body at the cap, closes the socket, and names the resource and the limit', async () => {
    server.script({ '': [{ kind: 'flood', totalBytes: 300 * 1024 * 1024 }] });
    const error = await failureOf(
      send(createHttp({ timeoutMs: 30_000 }), { method: 'GET', url: `${server.url}/api/products`, headers: {} }, { vendor: 'Procountor', maxBytes: 1024 * 1024 }),
    );
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as ResponseTooLargeError).code).toBe('E_RESPONSE_TOO_LARGE');
    expect((error as Error).message).toBe("Procountor's /api/products answered more than 1 MB; the read was stopped");
    await untilIo(() => server.closedEarly() === 1);
    // Socket buffers hold a few MB at most: nowhere near the 300 MB the server had to send.
    expect(server.bodyBytesWritten()).toBeLessThan(32 * 1024 * 1024);
  });

  it('the same for bodies read as bytes (Netvisor XML), with the 10 MB default', async () => {
    server.script({ '': [{ kind: 'flood', totalBytes: 300 * 1024 * 1024 }] });
    const error = await failureOf(send(createHttp({ timeoutMs: 30_000 }), { method: 'GET', url: `${server.url}/accounts.nv`, headers: {}, read: 'bytes' }, { vendor: 'Netvisor' }));
    expect((error as Error).message).toBe("Netvisor's /accounts.nv answered more than 10 MB; the read was stopped");
    await untilIo(() => server.closedEarly() === 1);
    expect(server.bodyBytesWritten()).toBeLessThan(48 * 1024 * 1024);
  });

  it('a token answer is capped at 64 KB', async () => {
    server.script({ '': [{ kind: 'flood', totalBytes: 300 * 1024 * 1024 }] });
    const exchange = new LocalTokenExchange({ clientId: 'exopen', clientSecret: 'client-secret-value', limiter: new SlidingWindowLimiter() });
    const error = await failureOf(exchange.exchange('api-key-value', { id: 'custom', baseUrl: `${server.url}/api` }));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as ResponseTooLargeError).limitBytes).toBe(TOKEN_MAX_RESPONSE_BYTES);
    expect((error as Error).message).toBe("Procountor's /api/oauth/token answered more than 64 KB; the read was stopped");
  });
});
