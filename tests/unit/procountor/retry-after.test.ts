/**
 * §9 #11 for Procountor (issue 11 item 3): a Retry-After up to 60 s is waited out (at least as long as asked,
 * with jitter), a longer one stops at once with E_RATE_LIMITED "until HH:MM"; attempts are bounded and all
 * the waits of one call end within its budget; one run's 429 penalty does not hold back another run on the
 * same API client (the shared limiter keeps only Procountor's documented 20 requests/s); the token POST is
 * never retried. A fault-injecting server on 127.0.0.1 and vitest's fake timers.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProcountorConnector, ProcountorApiError, ProcountorClient } from '../../../main/connectors/procountor';
import type { CheckReport } from '../../../main/connectors/types';
import { entryIdsOf, matchReport } from '../../../main/diagnose/matcher';
import { exitCodeOf } from '../../../main/hosts/cli/exit-codes';
import { renderReport } from '../../../main/hosts/cli/render';
import { simulatorContext } from '../../support/connector';
import { THROTTLE_BUDGET_MS, THROTTLE_RETRY } from '../../../main/connectors/procountor/client';
import { SlidingWindowLimiter } from '../../../main/connectors/procountor/rateLimit';
import { LocalTokenExchange } from '../../../main/connectors/procountor/tokenExchange';
import { resetBreakers } from '../../../main/connectors/shared/breaker';
import type { RecordedRequest } from '../../../main/connectors/context';
import { RateLimitedError } from '../../../main/connectors/shared/limits';
import { jitteredBackoffMs } from '../../../main/platform/http';
import { FAKE_TIMERS, startFaultServer, untilIo, type FaultServer, type Step } from '../connectors/faultServer';

const TOKEN: Step = { kind: 'answer', status: 200, body: '{"access_token":"access-token-value","expires_in":3600}' };
const throttled = (retryAfter: string): Step => ({ kind: 'answer', status: 429, body: '{"errors":[{"message":"Too many requests"}]}', headers: { 'Retry-After': retryAfter } });
const OK: Step = { kind: 'answer', status: 200, body: '{"results":[]}' };

let server: FaultServer;
beforeEach(async () => {
  resetBreakers();
  vi.useFakeTimers(FAKE_TIMERS);
  vi.setSystemTime(new Date(2026, 11, 6, 14, 0, 0));
  server = await startFaultServer();
  answered.length = 0;
});
afterEach(async () => {
  vi.useRealTimers();
  await server.close();
});

/** Answers the client has received (recorded as they arrive, before it decides to wait). */
const answered: RecordedRequest[] = [];
const answers = (path: string) => answered.filter((request) => request.method === 'GET' && new URL(request.url).pathname === path).length;

function client(limiter = new SlidingWindowLimiter()): ProcountorClient {
  return new ProcountorClient({
    recorder: { record: (request) => answered.push(request) },
    baseUrl: `${server.url}/api`,
    environment: 'custom',
    apiKey: 'api-key-value',
    exchange: new LocalTokenExchange({ clientId: 'exopen', clientSecret: 'client-secret-value', limiter }),
    clientId: 'exopen',
    limiter,
  });
}

const gets = (path: string) => server.seen.filter((seen) => seen.method === 'GET' && seen.path === path).length;

function track<T>(promise: Promise<T>): { readonly done: () => boolean; readonly result: Promise<T | unknown> } {
  let done = false;
  const result = promise.then(
    (value) => ((done = true), value),
    (error: unknown) => ((done = true), error),
  );
  return { done: () => done, result };
}

describe('Procountor Retry-After', () => {
  it.each([
    ['100000', '17:46'],
    ['100', '14:01'],
  ])('Retry-After: %s s is past the 60 s cap: stops at once with E_RATE_LIMITED until %s', async (retryAfter, until) => {
    server.script({ '/api/oauth/token': [TOKEN], '/api/products': [throttled(retryAfter), OK] });
    const call = track(client().get('products'));
    await untilIo(call.done);
    const error = await call.result;
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).code).toBe('E_RATE_LIMITED');
    expect((error as Error).message).toBe(`Procountor rate-limited us until ${until}; try again then`);
    expect(gets('/api/products')).toBe(1);
  });

  it('an HTTP-date Retry-After past the cap is the same', async () => {
    server.script({ '/api/oauth/token': [TOKEN], '/api/products': [throttled(new Date(2026, 11, 6, 15, 30, 0).toUTCString()), OK] });
    const call = track(client().get('products'));
    await untilIo(call.done);
    expect(((await call.result) as Error).message).toBe('Procountor rate-limited us until 15:30; try again then');
  });

  it('Retry-After within the cap is waited out, at least as long as asked, then the call goes on', async () => {
    server.script({ '/api/oauth/token': [TOKEN], '/api/products': [throttled('2'), OK] });
    const call = track(client().get('products'));
    await untilIo(() => answers('/api/products') === 1);
    await vi.advanceTimersByTimeAsync(1999);
    expect(gets('/api/products')).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await untilIo(call.done);
    expect(await call.result).toMatchObject({ httpStatus: 200 });
    expect(gets('/api/products')).toBe(2);
  });

  it('attempts are bounded: four, then the 429 is reported', async () => {
    server.script({ '/api/oauth/token': [TOKEN], '/api/products': [throttled('1')] });
    const call = track(client().get('products'));
    for (let n = 1; n <= THROTTLE_RETRY.attempts; n++) {
      await untilIo(() => answers('/api/products') === n || call.done());
      // The wait is the longer of Retry-After (1 s) and the jittered backoff (at most 2^(n-1) s).
      await vi.advanceTimersByTimeAsync(2 ** (n - 1) * 1000);
    }
    await untilIo(call.done);
    expect(await call.result).toBeInstanceOf(ProcountorApiError);
    expect(gets('/api/products')).toBe(THROTTLE_RETRY.attempts);
  });

  it('the waits of one call end within its budget: a wait that would pass it is E_RATE_LIMITED now', async () => {
    server.script({ '/api/oauth/token': [TOKEN], '/api/products': [throttled('50')] });
    const started = Date.now();
    const call = track(client().get('products'));
    await untilIo(() => answers('/api/products') === 1);
    await vi.advanceTimersByTimeAsync(50_000);
    await untilIo(call.done);
    const error = await call.result;
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(gets('/api/products')).toBe(2);
    expect(Date.now() - started).toBeLessThanOrEqual(THROTTLE_BUDGET_MS);
    expect((error as Error).message).toBe('Procountor rate-limited us until 14:01; try again then');
  });

  it("one run's 429 does not hold back another run on the same API client", async () => {
    server.script({ '/api/oauth/token': [TOKEN], '/api/throttled': [throttled('30'), OK], '/api/free': [OK] });
    const shared = new SlidingWindowLimiter(); // what limiterFor(host, client ID) hands both runs
    const first = track(client(shared).get('throttled'));
    await untilIo(() => answers('/api/throttled') === 1);
    const second = track(client(shared).get('free'));
    await untilIo(second.done); // no fake time passes: it was not held
    expect(await second.result).toMatchObject({ httpStatus: 200 });
    expect(first.done()).toBe(false); // the throttled run waits its own 30 s
    await vi.advanceTimersByTimeAsync(30_000);
    await untilIo(first.done);
    expect(await first.result).toMatchObject({ httpStatus: 200 });
  });

  it('the backoff is jittered: 1000 clients do not come back together (coefficient of variation > 0.2)', () => {
    const delays = Array.from({ length: 1000 }, () => jitteredBackoffMs(THROTTLE_RETRY, 2));
    const mean = delays.reduce((sum, delay) => sum + delay, 0) / delays.length;
    const sd = Math.sqrt(delays.reduce((sum, delay) => sum + (delay - mean) ** 2, 0) / delays.length);
    expect(sd / mean).toBeGreaterThan(0.2);
    expect(Math.max(...delays)).toBeLessThanOrEqual(2000);
  });

  it('the token exchange (a POST) is never retried, whatever it got', async () => {
    for (const failure of [{ kind: 'answer', status: 503, body: 'busy' }, throttled('1'), { kind: 'reset' }] satisfies Step[]) {
      server.script({ '/api/oauth/token': [failure, TOKEN] });
      const before = server.seen.length;
      const call = track(client().authenticate());
      await untilIo(call.done);
      expect(await call.result).toBeInstanceOf(Error);
      expect(server.seen.slice(before).map((seen) => `${seen.method} ${seen.path}`)).toEqual(['POST /api/oauth/token']);
    }
  });

  it('in a check run: the check says until when, the CLI exits 3, Diagnose names the throttling entry', async () => {
    server.script({ '/api/oauth/token': [TOKEN], '': [throttled('3600')] });
    const ctx = simulatorContext('procountor', `${server.url}/api`, { clientId: 'exopen', clientSecret: 'client-secret-value' });
    let report: CheckReport | undefined;
    void createProcountorConnector(ctx)
      .runChecks({ fields: { environment: 'sandbox' }, secrets: { apiKey: 'opaque-api-key-value' } }, { onEvent: () => undefined })
      .then((value) => (report = value));
    await untilIo(() => report !== undefined);
    const failed = report!.results.find((result) => result.status === 'failed')!;
    expect(failed).toMatchObject({ kind: 'unreachable', meaning: { key: 'procountor:diagnosis.api.rateLimited.meaning', params: { until: '15:00' } } });
    expect(renderReport(report!, (id) => id)).toContain('What it means: Procountor rate-limited us until 15:00; try again then.');
    expect(exitCodeOf(report!)).toBe(3);
    expect(entryIdsOf(matchReport(report!, ctx.requests))).toContain('procountor.throttled');
  });
});
