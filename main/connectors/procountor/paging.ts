/**
 * Procountor's search endpoints page their results two ways: `page` + `size` (meta tells pageNumber,
 * pageSize, resultCount, totalCount) and keyset paging with `previousId` and `orderById`. Page numbers
 * shift when rows are added during a long read; keyset paging does not, so bulk reads prefer it.
 */
import { z } from 'zod';
import type { ProcountorClient, RequestOptions } from './client';
import { ProcountorParseError } from './errors';

/** Procountor's maximum page size. */
export const MAX_PAGE_SIZE = 200;

const meta = z.looseObject({
  pageNumber: z.number().int().optional(),
  pageSize: z.number().int().optional(),
  resultCount: z.number().int().optional(),
  totalCount: z.number().int().optional(),
});
const searchResult = z.looseObject({ results: z.array(z.unknown()), meta: meta.optional() });

export interface SearchPage {
  readonly results: ReadonlyArray<unknown>;
  readonly totalCount?: number;
}

/** Reads one search answer. Throws ProcountorParseError if it is not `{results:[…], meta}`. */
export function readSearchPage(data: unknown, httpStatus?: number): SearchPage {
  const parsed = searchResult.safeParse(data);
  if (!parsed.success) throw new ProcountorParseError('unexpected-shape', 'the answer has no results list', httpStatus);
  const total = parsed.data.meta?.totalCount;
  return { results: parsed.data.results, ...(total === undefined ? {} : { totalCount: total }) };
}

const idOf = (row: unknown): number | undefined => {
  const id = typeof row === 'object' && row !== null ? (row as { id?: unknown }).id : undefined;
  return typeof id === 'number' ? id : undefined;
};

export interface PagingOptions extends RequestOptions {
  readonly size?: number;
  /** `keyset` pages by previousId in ascending id order; `page` by page number. */
  readonly mode?: 'keyset' | 'page';
  /** Stops after this many pages (a guard against a server that never says "last page"). */
  readonly maxPages?: number;
}

/** Yields every row of a search, page by page. */
export async function* searchAll(
  client: ProcountorClient,
  path: string,
  params: Readonly<Record<string, string>>,
  options: PagingOptions = {},
): AsyncGenerator<unknown, void, undefined> {
  const size = Math.min(options.size ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  const maxPages = options.maxPages ?? 10_000;
  const request: RequestOptions = { ...(options.signal ? { signal: options.signal } : {}), ...(options.checkId ? { checkId: options.checkId } : {}) };
  let previousId: number | undefined;
  for (let page = 0; page < maxPages; page++) {
    const cursor: Record<string, string> = options.mode === 'page' ? { page: String(page) } : { orderById: 'ASC', ...(previousId === undefined ? {} : { previousId: String(previousId) }) };
    const reply = await client.get(path, { ...params, ...cursor, size: String(size) }, request);
    const { results, totalCount } = readSearchPage(reply.data, reply.httpStatus);
    yield* results;
    const last = idOf(results[results.length - 1]);
    if (results.length < size || (totalCount !== undefined && options.mode === 'page' && (page + 1) * size >= totalCount)) return;
    if (options.mode !== 'page') {
      if (last === undefined || (previousId !== undefined && last <= previousId)) return; // no progress: stop rather than loop
      previousId = last;
    }
  }
}
