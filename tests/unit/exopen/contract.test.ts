import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemIds } from '../../../main/exopen';
import { contractViolations, openApi, startHarness, type Harness } from './support/harness';
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

const operations = (): Array<[string, Node]> =>
  Object.entries(openApi().document.paths as Node).flatMap(([path, item]) =>
    Object.entries(item as Node).map(([method, operation]): [string, Node] => [`${method.toUpperCase()} ${path}`, operation as Node]),
  );

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
      const withSecrets = answers.filter((schema) => isNode(schema.properties) && 'secrets' in schema.properties);
      expect(withSecrets, name).toEqual([]);
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
    const post: RecordedExchange = { ...get(201, {}), method: 'POST', url: '/v1/data-sources', requestHeaders: { 'content-type': 'application/json' }, requestBody: '{}' };
    const refused = openApi().checkRequest(post).join('\n');
    expect(refused).toMatch(/Authorization/);
    expect(refused).toMatch(/Idempotency-Key: required/);
    expect(refused).toMatch(/request body: .*required property 'system'/);
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

  it('accepts exactly what the document allows and refuses the rest field by field', async () => {
    let serial = 0;
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(body, key, async (payload, kind) => {
        harness.proxy.exchanges.length = 0;
        const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${harness.sandbox.token}` };
        if (kind !== undefined) headers['idempotency-key'] = kind === 'valid' ? `property-key-${++serial}` : kind;
        const answer = await fetch(`${harness.proxy.url}/v1/data-sources`, { method: 'POST', headers, body: JSON.stringify(payload) });
        const problem = (await answer.json()) as { errors?: Array<{ field: string; message: string }> };
        expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
        if (answer.status === 422) expect(problem.errors?.length).toBeGreaterThan(0);
        statuses.add(answer.status);
      }),
      { numRuns: 250 },
    );
    // Both verdicts were exercised, not just one.
    expect([...statuses].sort()).toEqual([201, 422]);
  });
});
