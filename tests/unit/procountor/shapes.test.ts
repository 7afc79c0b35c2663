/**
 * The simulator speaks Procountor's shapes: its /products answer read through a schema of `Product` and
 * `ProductSearchResult` written from Procountor's OpenAPI (26.04, as rendered by a public generated client),
 * and every probe we send asks only for query parameters that OpenAPI defines for its endpoint.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LocalTokenExchange, ProcountorApiError, ProcountorClient } from '../../../main/connectors/procountor';
import { PROCOUNTOR_AREAS } from '../../../main/connectors/procountor/areas';
import { SlidingWindowLimiter } from '../../../main/connectors/procountor/rateLimit';
import { startProcountorSimulator, type ProcountorSimulator } from '../../../main/connectors/procountor/sandbox';
import { scenario } from './helpers';

/** OpenAPI 26.04 `Product`: type, name, discount, price, active and currency are required. */
const product = z.object({
  id: z.number().int().optional(),
  type: z.enum(['SALES', 'PURCHASE', 'TRAVEL']),
  name: z.string().max(100),
  code: z.string().max(40).optional(),
  unit: z.string().optional(),
  discount: z.number().min(0).max(100),
  price: z.number(),
  vat: z.number().optional(),
  active: z.boolean(),
  defaultAccount: z.string().optional(),
  vatStatus: z.number().int().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code'),
  productGroupId: z.number().int().optional(),
});
/** `ProductSearchResult`: results + SearchResultMetaData. */
const productSearchResult = z.object({
  results: z.array(product),
  meta: z.object({ pageNumber: z.number().int(), pageSize: z.number().int(), resultCount: z.number().int(), totalCount: z.number().int() }),
});

/**
 * The query parameters each search endpoint defines in the OpenAPI (26.04). Written here from the spec, apart
 * from the simulator's own list, so the two checks cannot share a mistake. The parameter-less reads we probe
 * (coa, fiscalyears, dimensions) define none.
 */
const OPENAPI_QUERY: Readonly<Record<string, ReadonlyArray<string>>> = {
  products: ['name', 'previousId', 'size', 'orderById', 'group', 'type', 'code', 'startDate', 'endDate', 'includeLocalizations', 'active'],
  ledgerreceipts: ['startDate', 'endDate', 'createdStartDate', 'createdEndDate', 'versionStartDate', 'versionEndDate', 'types', 'previousId', 'orderById', 'orderByDate', 'orderByCreated', 'orderByVersion', 'size', 'page'],
  invoices: ['status', 'startDate', 'endDate', 'createdStartDate', 'createdEndDate', 'versionStartDate', 'versionEndDate', 'types', 'businessPartnerId', 'factoringContractId', 'originalInvoiceNumber', 'invoiceNumber', 'previousId', 'orderById', 'orderByDate', 'orderByCreated', 'orderByVersion', 'size', 'page', 'invoiceChannel'],
  businesspartners: ['identifierType', 'customerNumber', 'mainGroup', 'partnerGroup', 'type', 'orderById', 'previousId', 'active', 'versionStartDate', 'versionEndDate', 'size', 'page'],
  coa: [],
  fiscalyears: [],
  dimensions: [],
};

let simulator: ProcountorSimulator;
beforeAll(async () => {
  simulator = await startProcountorSimulator();
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

function clientFor(scenarioId: string): ProcountorClient {
  const limiter = new SlidingWindowLimiter();
  return new ProcountorClient({
    baseUrl: simulator.url,
    environment: 'sandbox',
    apiKey: scenario(simulator, scenarioId).credentials.apiKey,
    exchange: new LocalTokenExchange({ ...simulator.partner, limiter }),
    limiter,
  });
}

describe('Procountor shapes', () => {
  it('/products answers ProductSearchResult with every Product field the OpenAPI requires, currency included', async () => {
    const reply = await clientFor('healthy').get('products', { size: '200' });
    const parsed = productSearchResult.safeParse(reply.data);
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([]);
    expect(parsed.data!.results.length).toBeGreaterThan(0);
    expect(parsed.data!.results.every((row) => row.currency === 'EUR')).toBe(true);
  });

  it('every probe asks only for query parameters its endpoint defines (no `page` on /products)', () => {
    const today = new Date(Date.UTC(2026, 10, 20));
    const undefinedParams = PROCOUNTOR_AREAS.flatMap((area) => {
      const defined = OPENAPI_QUERY[area.path];
      if (!defined) return [`${area.path}: not in the test's OpenAPI list`];
      return Object.keys(area.probe(today)).filter((name) => !defined.includes(name)).map((name) => `${area.path}?${name}`);
    });
    expect(undefinedParams).toEqual([]);
    expect(PROCOUNTOR_AREAS.find((area) => area.id === 'products')!.probe(today)).toEqual({ size: '1' });
  });

  it('the simulator refuses a parameter /products does not define: 400 with ErrorMessages naming it', async () => {
    const error = await clientFor('healthy').get('products', { size: '1', page: '0' }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ProcountorApiError);
    const apiError = error as ProcountorApiError;
    expect(apiError.httpStatus).toBe(400);
    expect(apiError.errors).toEqual([{ status: 400, field: 'page', message: "Unknown query parameter 'page' for GET /products" }]);
    // …while the parameters it does define are served.
    expect((await clientFor('healthy').get('products', { size: '1', orderById: 'ASC', previousId: '701' })).httpStatus).toBe(200);
  });

  it('the products probe passes against the simulator (the rights row for products is allowed)', async () => {
    const area = PROCOUNTOR_AREAS.find((candidate) => candidate.id === 'products')!;
    const reply = await clientFor('healthy').get(area.path, area.probe(new Date()));
    expect(productSearchResult.parse(reply.data).meta.totalCount).toBe(5);
  });
});
