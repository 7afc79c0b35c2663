import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dataSourceSchema } from '../../../main/exopen/schemas';
import { interpretResponse, type Expectation, type RawResponse } from '../../../main/exopen/responses';

const SECRET = 'hunter2-secret-value';
const expect200: Expectation<unknown> = {
  statuses: [200, 201],
  schema: dataSourceSchema,
  maxRetryAfterMs: 30_000,
  scrub: (text) => text.split(SECRET).join('[redacted]'),
};

const problem = (status: number, body: Record<string, unknown>, retryAfter?: string): RawResponse => ({
  status,
  contentType: 'application/problem+json',
  retryAfter,
  body: JSON.stringify({ type: `/problems/${String(body.code)}`, title: 'Error', status, ...body }),
});

describe('reading one answer of the backend', () => {
  it('refuses success bodies the document does not allow, naming paths but never values', () => {
    const html = interpretResponse({ status: 200, contentType: 'text/html', retryAfter: undefined, body: '<html>' }, expect200);
    const broken = interpretResponse({ status: 200, contentType: 'application/json', retryAfter: undefined, body: '{"id":' }, expect200);
    const wrong = interpretResponse({ status: 201, contentType: 'application/json', retryAfter: undefined, body: JSON.stringify({ id: SECRET }) }, expect200);
    for (const step of [html, broken, wrong]) expect(step).toMatchObject({ kind: 'fail', error: { code: 'protocol' } });
    expect(wrong.kind === 'fail' && wrong.error.message).toMatch(/system/);
    expect(wrong.kind === 'fail' && wrong.error.message).not.toContain(SECRET);
  });

  it('treats undocumented statuses as protocol errors', () => {
    const redirect = interpretResponse({ status: 302, contentType: undefined, retryAfter: undefined, body: '' }, expect200);
    const teapot = interpretResponse(problem(418, { code: 'teapot' }), expect200);
    const notProblem = interpretResponse({ status: 404, contentType: 'text/html', retryAfter: undefined, body: 'Not Found' }, expect200);
    for (const step of [redirect, teapot, notProblem]) expect(step).toMatchObject({ kind: 'fail', error: { code: 'protocol' } });
  });

  it('turns a validation problem into field errors, scrubbing any secret the backend echoed', () => {
    const step = interpretResponse(
      problem(422, { code: 'validation-failed', detail: 'bad', errors: [{ field: 'secrets.apiKey', message: `value ${SECRET} is too short` }] }),
      expect200,
    );
    expect(step.kind).toBe('fail');
    if (step.kind !== 'fail') return;
    expect(step.error.code).toBe('validation');
    expect(step.error.fieldErrors.map((item) => [item.field, item.text])).toEqual([['secrets.apiKey', 'value [redacted] is too short']]);
    expect(step.error.message).not.toContain(SECRET);
  });

  it('requires a validation problem to list its errors', () => {
    expect(interpretResponse(problem(422, { code: 'validation-failed' }), expect200)).toMatchObject({ kind: 'fail', error: { code: 'protocol' } });
  });

  it('sorts conflicts: a reused key fails, a key in use is retried after its Retry-After', () => {
    expect(interpretResponse(problem(422, { code: 'idempotency-key-reused' }), expect200)).toMatchObject({ kind: 'fail', error: { code: 'conflict' } });
    expect(interpretResponse(problem(409, { code: 'idempotency-key-in-use' }, '1'), expect200)).toMatchObject({
      kind: 'retry',
      delayMs: 1000,
      error: { code: 'conflict' },
    });
    expect(interpretResponse(problem(409, { code: 'something-else' }), expect200)).toMatchObject({ kind: 'fail', error: { code: 'conflict' } });
  });

  it('retries 429, 503 and other 5xx, honouring Retry-After up to the cap', () => {
    expect(interpretResponse(problem(429, { code: 'rate-limited' }, '2'), expect200)).toMatchObject({ kind: 'retry', delayMs: 2000 });
    expect(interpretResponse(problem(503, { code: 'unavailable' }, '120'), expect200)).toMatchObject({
      kind: 'fail',
      error: { code: 'unavailable', retryAfterMs: 120_000 },
    });
    const gateway = interpretResponse({ status: 502, contentType: 'text/html', retryAfter: undefined, body: '<h1>Bad gateway</h1>' }, expect200);
    expect(gateway).toMatchObject({ kind: 'retry', error: { code: 'unavailable', httpStatus: 502 } });
    // No Retry-After: the client's own backoff decides the delay.
    expect(gateway).not.toHaveProperty('delayMs');
  });

  it('maps 401 and 404 problems', () => {
    expect(interpretResponse(problem(401, { code: 'unauthorized' }), expect200)).toMatchObject({ kind: 'fail', error: { code: 'unauthorized' } });
    expect(interpretResponse(problem(404, { code: 'not-found' }), expect200)).toMatchObject({ kind: 'fail', error: { code: 'not-found' } });
  });

  it('maps 403 to forbidden, never to unauthorized: the user is signed in, just not an admin', () => {
    expect(interpretResponse(problem(403, { code: 'not-domain-admin' }), expect200)).toMatchObject({
      kind: 'fail',
      error: { code: 'forbidden', problemCode: 'not-domain-admin' },
    });
  });

  it('maps existing things to exists: the data source it names, or the field of a domain name', () => {
    const dataSource = interpretResponse(problem(409, { code: 'data-source-exists', dataSourceId: 'ds_first' }), expect200);
    expect(dataSource).toMatchObject({ kind: 'fail', error: { code: 'exists', dataSourceId: 'ds_first' } });
    const domain = interpretResponse(problem(409, { code: 'domain-exists', errors: [{ field: 'name', message: 'taken' }] }), expect200);
    expect(domain).toMatchObject({ kind: 'fail', error: { code: 'exists', dataSourceId: undefined, fieldErrors: [{ field: 'name', text: 'taken' }] } });
    // The document requires the id; an answer without it is not one the client guesses at.
    expect(interpretResponse(problem(409, { code: 'data-source-exists' }), expect200)).toMatchObject({ kind: 'fail', error: { code: 'protocol' } });
  });

  it('gives up at once on an unconfigured broker, whatever its Retry-After', () => {
    expect(interpretResponse(problem(503, { code: 'broker-not-configured' }, '1'), expect200)).toMatchObject({
      kind: 'fail',
      error: { code: 'not-configured', httpStatus: 503 },
    });
  });

  it('carries a vendor refusal with its own words, scrubbed of the request\'s secrets', () => {
    const step = interpretResponse(
      problem(422, { code: 'upstream-refused', detail: 'refused', upstream: { status: 401, error: 'invalid_grant', errorDescription: `key ${SECRET} revoked` } }),
      expect200,
    );
    expect(step).toMatchObject({ kind: 'fail', error: { code: 'upstream', upstream: { status: 401, error: 'invalid_grant', errorDescription: 'key [redacted] revoked' } } });
    expect(step.kind === 'fail' && step.error.msg).toEqual({ key: 'exopen:errors.upstream', params: { status: 401, text: 'key [redacted] revoked' } });
  });

  it('retries only answers that say nothing was done when the request must not run twice', () => {
    const once = { ...expect200, onlyRetryUnprocessed: true };
    expect(interpretResponse(problem(500, { code: 'internal' }), once)).toMatchObject({ kind: 'fail', error: { code: 'unavailable' } });
    expect(interpretResponse(problem(502, { code: 'upstream-unavailable' }), once)).toMatchObject({ kind: 'fail' });
    expect(interpretResponse(problem(503, { code: 'unavailable' }, '0'), once)).toMatchObject({ kind: 'retry' });
    expect(interpretResponse(problem(429, { code: 'rate-limited' }, '0'), once)).toMatchObject({ kind: 'retry' });
  });

  it('reads a 204 as no body, and a 204 with a body as a protocol error', () => {
    const empty = { ...expect200, statuses: [204], schema: z.undefined() };
    expect(interpretResponse({ status: 204, contentType: undefined, retryAfter: undefined, body: '' }, empty)).toEqual({ kind: 'ok', value: undefined });
    expect(interpretResponse({ status: 204, contentType: 'application/json', retryAfter: undefined, body: '{}' }, empty)).toMatchObject({ kind: 'fail', error: { code: 'protocol' } });
  });
});
