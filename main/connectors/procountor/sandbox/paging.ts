/**
 * Search paging as Procountor's OpenAPI describes it: `size` (default 50, at most 200), `page` (from 0),
 * keyset paging with `previousId`, and `orderById` ASC|DESC. Results carry
 * meta{pageNumber, pageSize, resultCount, totalCount}.
 * UNCERTAIN: how previousId combines with the default order; here it follows orderById (default DESC, the
 * documented default of the orderBy parameters): ASC gives ids above previousId, DESC ids below it.
 * totalCount counts the rows left after every filter, previousId included.
 */

export type PageAnswer =
  | { readonly ok: true; readonly body: { readonly results: ReadonlyArray<unknown>; readonly meta: Readonly<Record<string, number>> } }
  | { readonly ok: false; readonly field: string; readonly message: string };

const MAX_SIZE = 200;

function intParam(query: URLSearchParams, name: string, fallback: number): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  return /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
}

export function paginate<T>(rows: ReadonlyArray<T>, idOf: (row: T) => number, toJson: (row: T) => unknown, query: URLSearchParams): PageAnswer {
  const size = intParam(query, 'size', 50);
  if (size === undefined || size < 1) return { ok: false, field: 'size', message: 'must be a positive integer' };
  if (size > MAX_SIZE) return { ok: false, field: 'size', message: `must be less than or equal to ${MAX_SIZE}` };
  const page = intParam(query, 'page', 0);
  if (page === undefined) return { ok: false, field: 'page', message: 'must be a non-negative integer' };
  const order = (query.get('orderById') ?? 'DESC').toUpperCase();
  if (order !== 'ASC' && order !== 'DESC') return { ok: false, field: 'orderById', message: 'must be ASC or DESC' };
  const previousRaw = query.get('previousId');
  const previousId = previousRaw === null ? undefined : intParam(query, 'previousId', 0);
  if (previousRaw !== null && previousId === undefined) return { ok: false, field: 'previousId', message: 'must be a non-negative integer' };

  const sorted = [...rows].sort((a, b) => (order === 'ASC' ? idOf(a) - idOf(b) : idOf(b) - idOf(a)));
  const after = previousId === undefined ? sorted : sorted.filter((row) => (order === 'ASC' ? idOf(row) > previousId : idOf(row) < previousId));
  const slice = after.slice(page * size, page * size + size);
  return {
    ok: true,
    body: { results: slice.map(toJson), meta: { pageNumber: page, pageSize: size, resultCount: slice.length, totalCount: after.length } },
  };
}
