/**
 * The query parameters Procountor's OpenAPI (26.04, as rendered by a public generated client) defines for the
 * search endpoints the simulator serves. A parameter outside the list is answered 400 with Procountor's
 * ErrorMessages body naming it, so a probe that drifts from the spec fails here instead of being silently
 * ignored (or refused) by the real API.
 * UNCERTAIN: whether Procountor itself refuses undefined parameters or ignores them is not documented; the
 * simulator is strict on purpose. Endpoints without a list here are not checked.
 */

export const QUERY_PARAMETERS: Readonly<Record<string, ReadonlySet<string>>> = {
  products: new Set(['name', 'previousId', 'size', 'orderById', 'group', 'type', 'code', 'startDate', 'endDate', 'includeLocalizations', 'active']),
  ledgerreceipts: new Set([
    'startDate', 'endDate', 'createdStartDate', 'createdEndDate', 'versionStartDate', 'versionEndDate', 'types',
    'previousId', 'orderById', 'orderByDate', 'orderByCreated', 'orderByVersion', 'size', 'page',
  ]),
  // dueStartDate, dueEndDate and searchTerm appear in a later rendering of the spec than the one read for the rest.
  invoices: new Set([
    'status', 'startDate', 'endDate', 'createdStartDate', 'createdEndDate', 'versionStartDate', 'versionEndDate', 'types',
    'businessPartnerId', 'factoringContractId', 'originalInvoiceNumber', 'invoiceNumber', 'previousId', 'orderById',
    'orderByDate', 'orderByCreated', 'orderByVersion', 'size', 'page', 'invoiceChannel', 'dueStartDate', 'dueEndDate', 'searchTerm',
  ]),
  businesspartners: new Set([
    'identifierType', 'customerNumber', 'mainGroup', 'partnerGroup', 'type', 'orderById', 'previousId', 'active',
    'versionStartDate', 'versionEndDate', 'size', 'page',
  ]),
};

/** The first parameter `path` does not define, or undefined when all are defined (or the path is unchecked). */
export function undefinedParameter(path: string, query: URLSearchParams): string | undefined {
  const allowed = QUERY_PARAMETERS[path];
  if (!allowed) return undefined;
  return [...query.keys()].find((name) => !allowed.has(name));
}
