import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemIds } from '../../../main/exopen';
import { DOMAIN, contractViolations, openApi, startHarness, type Harness } from './support/harness';
import type { RecordedExchange } from './support/proxy';

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null;

/** Every object reachable from `start`, following $refs: all the schemas a response can use. */
function reachableSchemas(start: unknown, seen = new Set<unknown>()): Node[] {
  if (!isNode(start) || seen.has(start)) return [];
  seen.add(start);
  const target = typeof start.$ref === 'string' ? openApi().resolve(start.$ref.replace(/^#/, '')).node : start;
  if (target !== start) return reachableSchemas(target, seen);
  return [start, ...Object.values(start).flatMap((value) => reachableSchemas(value, seen))];
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);
const operations = (): Array<[string, Node]> =>
  Object.entries(openApi().document.paths as Node).flatMap(([path, item]) =>
    Object.entries(item as Node)
      .filter(([method]) => METHODS.has(method))
      .map(([method, operation]): [string, Node] => [`${method.toUpperCase()} ${path}`, operation as Node]),
  );

/** Properties that carry a secret; no response schema may have one of these names. */
const SECRET_PROPERTIES = ['secrets', 'customerKey', 'partnerKey', 'apiKey', 'codeVerifier', 'agreementGrantToken', 'appSecretToken', 'clientSecret'];
/** Request properties that must be write-only: the above, and Exact's authorization `code` (a problem's `code` is not one). */
const WRITE_ONLY = [...SECRET_PROPERTIES, 'code'];

describe('openapi/exopen.yaml', () => {
  it('is OpenAPI 3.1 and every component schema compiles', () => {
    expect(openApi().document.openapi).toBe('3.1.0');
    const schemas = (openApi().document.components as { schemas: Node }).schemas;
    for (const name of Object.keys(schemas)) expect(() => openApi().validate(`/components/schemas/${name}`, {})).not.toThrow();
  });

  it('keeps secrets write-only: no response schema can carry them', () => {
    const create = openApi().resolve('/components/schemas/DataSourceCreate').node as { properties: { secrets: Node } };
    expect(create.properties.secrets.writeOnly).toBe(true);
    for (const [name, operation] of operations()) {
      const answers = reachableSchemas(operation.responses);
      const withSecrets = answers.filter((schema) => isNode(schema.properties) && SECRET_PROPERTIES.some((secret) => secret in (schema.properties as Node)));
      expect(withSecrets, name).toEqual([]);
    }
    // Every request property of those names is marked write-only, so generated clients treat it as such.
    for (const [name, operation] of operations()) {
      for (const schema of reachableSchemas(operation.requestBody)) {
        for (const [property, spec] of Object.entries(isNode(schema.properties) ? schema.properties : {}))
          if (WRITE_ONLY.includes(property)) expect((spec as Node).writeOnly, `${name} ${property}`).toBe(true);
      }
    }
  });

  it('needs a bearer token everywhere and documents 401 on every operation, an Idempotency-Key on every change', () => {
    expect(openApi().document.security).toEqual([{ bearerAuth: [] }]);
    for (const [name, operation] of operations()) {
      expect(operation.security, name).toBeUndefined();
      expect(Object.keys(operation.responses as Node), name).toContain('401');
      const keyed = ((operation.parameters as Node[] | undefined) ?? []).some((parameter) => parameter.$ref === '#/components/parameters/IdempotencyKey');
      const changes = (name.startsWith('POST') || name.startsWith('DELETE')) && !name.includes('/broker/');
      expect(keyed, name).toBe(changes);
    }
  });

  it('documents Retry-After on every 429 and 503, and problem+json on every error', () => {
    for (const [name, operation] of operations()) {
      for (const [status, answer] of Object.entries(operation.responses as Node)) {
        const response = isNode(answer) && typeof answer.$ref === 'string' ? openApi().resolve(answer.$ref.slice(1)).node : (answer as Node);
        if (status === '429' || status === '503') expect((response.headers as Node | undefined)?.['Retry-After'], `${name} ${status}`).toBeDefined();
        if (/^[45]/.test(status)) expect(Object.keys(response.content as Node), `${name} ${status}`).toEqual(['application/problem+json']);
      }
    }
  });

  it('is not vacuous: the checker refuses answers and requests the document does not allow', () => {
    const get = (status: number, body: unknown, headers: Record<string, string> = {}): RecordedExchange => ({
      method: 'GET',
      url: '/v1/data-sources/ds_1',
      requestHeaders: { authorization: 'Bearer t' },
      requestBody: '',
      status,
      responseHeaders: { 'content-type': 'application/json', ...headers },
      responseBody: JSON.stringify(body),
      dropped: false,
    });
    expect(openApi().checkResponse(get(200, { id: 'ds_1' })).join()).toMatch(/required property/);
    expect(openApi().checkResponse(get(503, { type: 'x', title: 'x', status: 503, code: 'unavailable' }, { 'content-type': 'application/problem+json' })).join()).toMatch(
      /Retry-After: required/,
    );
    expect(openApi().checkResponse(get(418, {})).join()).toMatch(/not documented/);
    const post: RecordedExchange = { ...get(201, {}), method: 'POST', url: '/v1/domains/dom-demo/data-sources', requestHeaders: { 'content-type': 'application/json' }, requestBody: '{}' };
    const refused = openApi().checkRequest(post).join('\n');
    expect(refused).toMatch(/Authorization/);
    expect(refused).toMatch(/Idempotency-Key: required/);
    expect(refused).toMatch(/request body: .*required property 'system'/);
    expect(openApi().checkRequest({ ...post, url: '/v1/data-sources' }).join()).toMatch(/no such operation/);
    const remove: RecordedExchange = { ...post, url: '/v1/data-sources/ds_1/companies/remove', requestHeaders: { authorization: 'Bearer t', 'idempotency-key': 'key-00000001', 'content-type': 'application/json' }, requestBody: '{"companyIds":[]}' };
    expect(openApi().checkRequest(remove).join()).toMatch(/companyIds must NOT have fewer than 1 items/);
    expect(openApi().checkRequest({ ...remove, url: '/v1/data-sources/bad%20id/companies/remove' }).join()).toMatch(/^id: /);
    const conflict = { ...get(409, { type: 'x', title: 'x', status: 409, code: 'data-source-exists' }, { 'content-type': 'application/problem+json' }), method: 'POST', url: '/v1/domains/dom-demo/data-sources' };
    expect(openApi().checkResponse(conflict).join()).toMatch(/dataSourceId/);
  });
});

describe('the sandbox judges create requests as the document does', () => {
  let harness: Harness;
  beforeAll(async () => {
    // An empty runner: this is about requests, and every data source it creates would otherwise start a run.
    harness = await startHarness({ runner: async () => undefined });
  });
  afterAll(async () => {
    await harness.close();
  });

  // A valid body (edge values included), then up to two one-field changes from a list of valid edge cases and
  // breakages. Company ids stay unique and settings and secrets keep apart, so the two rules the document
  // states in prose (tested in validation.test.ts) never decide a case here.
  type Body = Record<string, unknown>;
  const text = fc.oneof(fc.string({ minLength: 1, maxLength: 12 }).filter((t) => /\S/.test(t)), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }).filter((t) => /\S/.test(t)));
  const many = (count: number, prefix: string, value: string) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, value]));
  const validBody = fc.record({
    system: fc.constantFrom(...systemIds),
    displayName: fc.oneof(text, fc.constantFrom('😀'.repeat(200), 'é'.repeat(200), ' padded ')),
    settings: fc.dictionary(fc.constantFrom('customerId', 'environment', 'language'), fc.oneof(text, fc.constantFrom('', '  ', 'x'.repeat(2000))), { maxKeys: 3 }),
    secrets: fc.dictionary(fc.constantFrom('customerKey', 'apiKey', 'clientSecret'), fc.oneof(text, fc.constant('y'.repeat(4096))), { minKeys: 1, maxKeys: 3 }),
    companies: fc.uniqueArray(fc.record({ id: fc.oneof(text, fc.constant('i'.repeat(64))), name: fc.oneof(text, fc.constant('n'.repeat(200))) }), {
      selector: (company) => company.id,
      minLength: 1,
      maxLength: 3,
    }),
  });
  const set = (field: string, value: unknown) => (body: Body): Body => ({ ...body, [field]: value });
  const drop = (field: string) => (body: Body): Body => Object.fromEntries(Object.entries(body).filter(([name]) => name !== field));
  const mutations: Array<(body: Body) => Body> = [
    // still valid
    set('settings', {}),
    set('settings', many(50, 's', 'v')),
    set('secrets', many(20, 'k', 'v')),
    set('displayName', '\u00e9\u0301'.repeat(100)),
    // invalid
    ...['system', 'displayName', 'settings', 'secrets', 'companies'].map(drop),
    set('system', 'sap'),
    set('system', 7),
    set('displayName', ''),
    set('displayName', ' \t\n'),
    set('displayName', 'é'.repeat(201)),
    set('displayName', '😀'.repeat(201)),
    set('settings', []),
    set('settings', { '9lives': 'x' }),
    set('settings', { 'has space': 'x' }),
    set('settings', { customerId: 7 }),
    set('settings', { customerId: 'x'.repeat(2001) }),
    set('settings', many(51, 's', 'v')),
    set('secrets', {}),
    set('secrets', 'secret'),
    set('secrets', { apiKey: '' }),
    set('secrets', { apiKey: 'y'.repeat(4097) }),
    set('secrets', { ['x'.repeat(42)]: 'v' }),
    set('secrets', many(21, 'k', 'v')),
    set('companies', []),
    set('companies', {}),
    set('companies', [{ id: 'a', name: 'b', extra: true }]),
    set('companies', [{ id: '   ', name: 'b' }]),
    set('companies', [{ id: 'i'.repeat(65), name: 'b' }]),
    set('companies', [{ id: 1, name: 'b' }]),
    set('companies', [{ id: 'a' }]),
    set('companies', ['a']),
    set('junk', true),
  ];
  const body = fc.oneof(
    { weight: 12, arbitrary: fc.tuple(validBody, fc.array(fc.constantFrom(...mutations), { maxLength: 2 })).map(([base, changes]) => changes.reduce((out, change) => change(out), base as Body)) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, [], 'text', 5) },
  );
  const key = fc.oneof({ weight: 6, arbitrary: fc.constant('valid') }, { weight: 1, arbitrary: fc.constantFrom('short', 'has a space in it', '', undefined) });

  // A valid body may also be answered 409 data-source-exists: two random bodies can be the same credential.
  it('accepts exactly what the document allows and refuses the rest field by field', async () => {
    let serial = 0;
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(body, key, async (payload, kind) => {
        harness.proxy.exchanges.length = 0;
        const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${harness.sandbox.token}` };
        if (kind !== undefined) headers['idempotency-key'] = kind === 'valid' ? `property-key-${++serial}` : kind;
        const answer = await fetch(`${harness.proxy.url}/v1/domains/${DOMAIN}/data-sources`, { method: 'POST', headers, body: JSON.stringify(payload) });
        const problem = (await answer.json()) as { errors?: Array<{ field: string; message: string }> };
        expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
        if (answer.status === 422) expect(problem.errors?.length).toBeGreaterThan(0);
        statuses.add(answer.status);
      }),
      { numRuns: 250 },
    );
    // Both verdicts were exercised, not just one.
    expect(statuses).toContain(201);
    expect(statuses).toContain(422);
    expect([...statuses].filter((status) => ![201, 409, 422].includes(status))).toEqual([]);
  });
});

describe('the sandbox judges every other request body as the document does', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ runner: async () => undefined, partners: { netvisor: { partnerId: 'p', partnerKey: 'k' } } });
  });
  afterAll(async () => {
    await harness.close();
  });

  // A valid body (each field's first value), then up to two changes: a field set to one of its other values
  // (valid edge cases and breakages), dropped, or a stray field added. Valid bodies for a data source that
  // does not exist end as 404, which is not a refusal.
  type Options = Record<string, readonly [unknown, ...unknown[]]>;
  const body = (fields: Options): fc.Arbitrary<unknown> => {
    const base = Object.fromEntries(Object.entries(fields).map(([name, [valid]]) => [name, valid]));
    const changes: Array<(value: Record<string, unknown>) => Record<string, unknown>> = [
      ...Object.entries(fields).flatMap(([name, [, ...others]]) => others.map((other) => (value: Record<string, unknown>) => ({ ...value, [name]: other }))),
      ...Object.keys(fields).map((name) => (value: Record<string, unknown>) => Object.fromEntries(Object.entries(value).filter(([key]) => key !== name))),
      (value) => ({ ...value, stray: 1 }),
    ];
    return fc.oneof(
      { weight: 12, arbitrary: fc.array(fc.constantFrom(...changes), { maxLength: 2 }).map((picked) => picked.reduce((out, change) => change(out), base)) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(null, [], 'text', 5) },
    );
  };
  const str = (...values: readonly [unknown, ...unknown[]]) => values;
  const companies = str([{ id: 'a', name: 'A' }], [{ id: 'i'.repeat(64), name: 'n' }], [], [{ id: ' ', name: 'A' }], [{ id: 'a' }], 'x', [{ id: 'a', name: 'A', x: 1 }]);
  const map = (value: string) => str({ customerId: value }, {}, { '9x': 'v' }, [], { k: 1 }, { k: 'y'.repeat(2001) });
  const cases: Array<{ readonly path: string; readonly keyed: boolean; readonly body: fc.Arbitrary<unknown> }> = [
    { path: '/v1/domains', keyed: true, body: body({ name: str('Acme Group', ' ab ', 'a', '', '  ', 'x'.repeat(80), 'x'.repeat(81), 'a\nb', 7) }) },
    { path: '/v1/data-sources/ds_none/companies', keyed: true, body: body({ companies }) },
    { path: '/v1/data-sources/ds_none/companies/remove', keyed: true, body: body({ companyIds: str(['a'], [], [''], ['i'.repeat(65)], 'a', [1]) }) },
    {
      path: '/v1/data-sources/ds_none/recreate',
      keyed: true,
      body: body({ system: str('netvisor', 'sap', 1), settings: map('C'), secrets: str({ customerKey: 'k' }, {}, { customerKey: '' }, { k: 1 }) }),
    },
    {
      path: '/v1/broker/netvisor/sign',
      keyed: false,
      body: body({
        url: str('https://integration.netvisor.fi/accountlist.nv?x=1', 'http://127.0.0.1:1/a.nv', 'ftp://x', 'not a url', ''),
        sender: str('Exopen Connect', '', 'x'.repeat(201)),
        customerId: str('C-1', ''),
        timestamp: str('2026-01-02 03:04:05.678', '2026-01-02 03:04:05', '2026-01-02T03:04:05Z'),
        language: str('EN', 'fi', 'ENG', 'E'),
        organisationId: str('1234567-8', ''),
        transactionId: str('t', '', 'x'.repeat(129)),
        timestampUnix: str('1767323045', '-1', '1'.repeat(13)),
        customerKey: str('k', ''),
        algorithm: str('HMACSHA256', 'SHA256'),
      }),
    },
    { path: '/v1/broker/procountor/token', keyed: false, body: body({ apiKey: str('k', ''), environment: str('production', 'test', 'staging') }) },
    {
      path: '/v1/broker/exact/token',
      keyed: false,
      body: body({ code: str('c!1', ''), redirectUri: str('https://a.test/cb', 'a.test/cb'), codeVerifier: str('v'.repeat(43), 'v'.repeat(42), 'v v'.repeat(20)) }),
    },
    { path: '/v1/broker/exact/refresh', keyed: false, body: body({ refreshToken: str('r', '', 5) }) },
    {
      path: '/v1/broker/economic/relay',
      keyed: false,
      body: body({
        method: str('GET', 'POST', 'HEAD'),
        path: str('/', '/self', '/accounting-years/2019a/entries', '/..', '//x', '/a?b', '', 'self'),
        query: str({}, { filter: 'a$b' }, { 'a b': 'x' }, { pagesize: 5 }),
        body: str('{}', 1),
        agreementGrantToken: str('g', ''),
      }),
    },
  ];

  it('accepts what each schema allows and refuses the rest field by field', async () => {
    let serial = 0;
    const statuses = new Map<string, Set<number>>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...cases), fc.nat(), async (chosen, seed) => {
        const payload = fc.sample(chosen.body, { numRuns: 1, seed })[0];
        harness.proxy.exchanges.length = 0;
        const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${harness.sandbox.token}` };
        if (chosen.keyed) headers['idempotency-key'] = `other-key-${++serial}`;
        const answer = await fetch(`${harness.proxy.url}${chosen.path}`, { method: 'POST', headers, body: JSON.stringify(payload) });
        await answer.arrayBuffer();
        expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
        statuses.set(chosen.path, (statuses.get(chosen.path) ?? new Set()).add(answer.status));
      }),
      { numRuns: 300 },
    );
    // Each endpoint saw both verdicts: refused (422) and accepted (anything else).
    for (const { path } of cases) {
      const seen = [...(statuses.get(path) ?? [])];
      expect(seen, path).toContain(422);
      expect(seen.some((status) => status !== 422), path).toBe(true);
    }
  });
});
