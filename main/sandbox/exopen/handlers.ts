/**
 * The sandbox backend's routes (openapi/exopen.yaml): faults first (a gateway answers 429/503 before
 * anything else), then the bearer token, then the three operations.
 */
import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DataSource } from '../../exopen/schemas';
import type { FaultPlan } from './faults';
import { headerValue, readBody, sendJson, sendProblem } from './http-io';
import type { RunScheduler } from './runs';
import type { SandboxStore } from './store';
import type { StoredDataSource } from './types';
import { checkCreate } from './validation';

export interface HandlerDeps {
  readonly store: SandboxStore;
  readonly runs: RunScheduler;
  readonly faults: FaultPlan;
  readonly token: string;
}

const COLLECTION = '/v1/data-sources';
const ITEM = /^\/v1\/data-sources\/([^/]+)$/;

/** The API's view of a record: everything but the secrets' fingerprint, spelled out so nothing slips through. */
export function toWire(record: StoredDataSource): DataSource {
  return {
    id: record.id,
    system: record.system,
    displayName: record.displayName,
    settings: { ...record.settings },
    secretFields: [...record.secretFields],
    companies: record.companies.map((company) => ({ id: company.id, name: company.name })),
    createdAt: record.createdAt,
    initialRun: structuredClone(record.initialRun),
  };
}

/** Compares digests, so neither the length nor the content of the expected token leaks through timing. */
function authorized(header: string | undefined, token: string): boolean {
  const match = /^Bearer ([!-~]+)$/.exec(header ?? '');
  if (!match?.[1]) return false;
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(match[1]), digest(token));
}

/** A malformed %-escape cannot name a data source; it maps to an id that matches none. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch (error) {
    if (error instanceof URIError) return '';
    throw error;
  }
}

const isJsonContent = (type: string | undefined): boolean => (type ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';

export function createHandler(deps: HandlerDeps): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  /** Keys whose first request is still being stored: a concurrent repeat gets 409, not a second data source. */
  const inFlight = new Set<string>();

  async function create(request: IncomingMessage, response: ServerResponse, text: string): Promise<void> {
    if (!isJsonContent(headerValue(request, 'content-type')))
      return sendProblem(response, { status: 415, code: 'unsupported-media-type', detail: 'Send the body as application/json.' });
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return sendProblem(response, { status: 400, code: 'malformed-body', detail: 'The body is not valid JSON.' });
    }
    const checked = checkCreate(body, headerValue(request, 'idempotency-key'));
    if (!checked.ok) {
      const detail = `${checked.errors.length} field(s) need fixing; see errors.`;
      return sendProblem(response, { status: 422, code: 'validation-failed', detail, errors: checked.errors });
    }
    const { key, input } = checked;
    const requestHash = deps.store.fingerprint(input);
    if (inFlight.has(key))
      return sendProblem(
        response,
        { status: 409, code: 'idempotency-key-in-use', detail: 'A request with this Idempotency-Key is still in progress; retry shortly.' },
        { 'Retry-After': '1' },
      );
    const known = deps.store.keyEntry(key);
    if (known) {
      if (known.requestHash !== requestHash)
        return sendProblem(response, {
          status: 422,
          code: 'idempotency-key-reused',
          detail: 'This Idempotency-Key was used for a different request. Use a new key for a new data source.',
        });
      const existing = deps.store.get(known.dataSourceId);
      if (!existing) throw new Error(`Idempotency-Key points at a missing data source ${known.dataSourceId}`);
      return sendJson(response, 200, toWire(existing), { 'Idempotent-Replayed': 'true' });
    }

    const now = new Date().toISOString();
    const record: StoredDataSource = {
      id: `ds_${randomBytes(10).toString('hex')}`,
      system: input.system,
      displayName: input.displayName,
      settings: input.settings,
      secretFields: Object.keys(input.secrets).sort(),
      secretsFingerprint: deps.store.fingerprint(input.secrets),
      companies: input.companies,
      createdAt: now,
      initialRun: { status: 'queued', progress: 0, resources: [] },
    };
    inFlight.add(key);
    try {
      deps.store.insert(record, { key, requestHash, dataSourceId: record.id, createdAt: now });
      try {
        await deps.store.save();
      } catch (error) {
        deps.store.remove(record.id, key);
        throw error;
      }
    } finally {
      inFlight.delete(key);
    }
    const wire = toWire(record);
    deps.runs.start(record.id, input.secrets);
    // The fault that matters most: committed, but the answer never arrives. The client must retry with the key.
    if (deps.faults.takeDrop()) {
      request.socket.destroy();
      return;
    }
    sendJson(response, 201, wire, { Location: `${COLLECTION}/${record.id}` });
  }

  return async (request, response) => {
    const body = await readBody(request);
    const fault = deps.faults.takeFailure();
    if (fault) {
      const detail = fault.status === 429 ? 'Too many requests; retry after the given delay.' : 'The backend is under maintenance; retry after the given delay.';
      const code = fault.status === 429 ? 'rate-limited' : 'unavailable';
      return sendProblem(response, { status: fault.status, code, detail }, { 'Retry-After': String(fault.retryAfterSeconds) });
    }
    if (!authorized(headerValue(request, 'authorization'), deps.token))
      return sendProblem(
        response,
        { status: 401, code: 'unauthorized', detail: 'Send a valid bearer token (in the sandbox, the development token).' },
        { 'WWW-Authenticate': 'Bearer realm="exopen"' },
      );
    const { pathname } = new URL(request.url ?? '/', 'http://sandbox');
    const item = ITEM.exec(pathname);
    if (pathname === COLLECTION && request.method === 'GET')
      return sendJson(response, 200, { items: deps.store.all().map(toWire) });
    if (pathname === COLLECTION && request.method === 'POST') {
      if (body.kind === 'too-large') return sendProblem(response, { status: 413, code: 'payload-too-large', detail: 'The body is larger than 1 MiB.' });
      return create(request, response, body.text);
    }
    if (item?.[1] && request.method === 'GET') {
      const record = deps.store.get(decodeSegment(item[1]));
      if (!record) return sendProblem(response, { status: 404, code: 'not-found', detail: 'There is no data source with this id.' });
      return sendJson(response, 200, toWire(record));
    }
    if (pathname === COLLECTION || item)
      return sendProblem(response, { status: 405, code: 'method-not-allowed', detail: `${request.method ?? ''} is not supported here.` }, {
        Allow: pathname === COLLECTION ? 'GET, POST' : 'GET',
      });
    return sendProblem(response, { status: 404, code: 'not-found', detail: `There is no ${pathname} in this API.` });
  };
}
