/**
 * The read endpoints, each answering for one API user in one company: rights are checked the way the
 * spec's 403 responses suggest, row-level limitations filter silently (UNCERTAIN, see rightsModel.ts).
 */
import { isoDate, parseIsoDate } from './dates';
import { PARTNERS, PRODUCTS, businessPartner } from './fixturesTrade';
import { paginate, type PageAnswer } from './paging';
import { allows, limited, type Guard } from './rightsModel';
import type { UserState } from './state';
import { TEXTS } from './texts';

export type EndpointAnswer =
  | { readonly ok: true; readonly body: unknown }
  | { readonly ok: false; readonly status: number; readonly message: string; readonly field?: string };

type Handler = (user: UserState, query: URLSearchParams, todayMs: number) => EndpointAnswer;

const refused = (message: string = TEXTS.insufficientRights): EndpointAnswer => ({ ok: false, status: 403, message });
const guarded = (guard: Guard, handler: Handler, message?: string): Handler => (user, query, today) =>
  allows(user.rights, guard) ? handler(user, query, today) : refused(message);
const fromPage = (page: PageAnswer): EndpointAnswer => (page.ok ? page : { ok: false, status: 400, field: page.field, message: page.message });

/** Optional start/end date filter on `yyyy-MM-dd` values; undefined when a given date is invalid. */
function dateFilter(query: URLSearchParams): ((date: string) => boolean) | undefined {
  const start = query.get('startDate');
  const end = query.get('endDate');
  const from = start === null ? -Infinity : parseIsoDate(start);
  const to = end === null ? Infinity : parseIsoDate(end);
  if (from === undefined || to === undefined) return undefined;
  return (date) => {
    const at = parseIsoDate(date) ?? 0;
    return at >= from && at <= to;
  };
}

const sessionInfo: Handler = (user) => ({
  ok: true,
  body: {
    companyId: user.spec.company.id,
    name: user.spec.company.name,
    country: 'FINLAND',
    productVersion: 'FINANCIALS_PREMIUM',
    userId: user.spec.user.id,
    userName: user.spec.user.name,
    companySettings: { invoiceDiscussionEnabled: false },
  },
});

const company: Handler = guarded('company', (user) => ({
  ok: true,
  body: {
    id: user.spec.company.id,
    name: user.spec.company.name,
    country: 'FINLAND',
    productVersion: 'FINANCIALS_PREMIUM',
    businessIdentifier: { brnType: 'FI', code: user.spec.company.businessId },
    companyCurrency: 'EUR',
    companyAddress: { street: 'Mannerheimintie 1', zip: '00100', city: 'Helsinki', country: 'FINLAND' },
  },
}), TEXTS.noCompanyInfo);

const ledgerReceipts: Handler = guarded('ledgerReceipts', (user, query) => {
  const inRange = dateFilter(query);
  if (!inRange) return { ok: false, status: 400, field: 'startDate', message: TEXTS.invalidDate };
  const types = query.get('types')?.split(',').filter(Boolean);
  const personal = limited(user.rights, 'accounting.personalJournalReceiptsOnly');
  const rows = user.data.receipts.filter((row) => inRange(row.receiptDate) && (!types || types.includes(row.type)) && (!personal || row.createdBy === user.spec.user.id));
  return fromPage(paginate(rows, (row) => row.id, ({ createdBy: _createdBy, ...json }) => json, query));
});

const invoiceList: Handler = (user, query) => {
  const inRange = dateFilter(query);
  if (!inRange) return { ok: false, status: 400, field: 'startDate', message: TEXTS.invalidDate };
  const wanted = query.get('types')?.split(',').filter(Boolean) ?? ['SALES_INVOICE', 'PURCHASE_INVOICE'];
  const sales = wanted.includes('SALES_INVOICE');
  const purchases = wanted.includes('PURCHASE_INVOICE');
  // Asking for a type the user may not see is refused; asking for none in particular shows what may be seen.
  if (query.has('types') && ((sales && !allows(user.rights, 'salesInvoices')) || (purchases && !allows(user.rights, 'purchaseInvoices')))) return refused();
  const personal = (path: string) => limited(user.rights, path);
  const rows = [
    ...(sales && allows(user.rights, 'salesInvoices') ? user.data.sales.filter((row) => !personal('sales.personalSalesInvoicesOnly') || row.createdBy === user.spec.user.id) : []),
    ...(purchases && allows(user.rights, 'purchaseInvoices') ? user.data.purchases.filter((row) => !personal('purchases.personalPurchaseInvoicesOnly') || row.createdBy === user.spec.user.id) : []),
  ].filter((row) => inRange(row.date));
  return fromPage(paginate(rows, (row) => row.id, (row) => row.body, query));
};

const businessPartners: Handler = (user, query, today) => {
  const type = query.get('type');
  const customers = allows(user.rights, 'customers');
  const suppliers = allows(user.rights, 'suppliers');
  if ((type === 'CUSTOMER' && !customers) || (type === 'SUPPLIER' && !suppliers) || (!customers && !suppliers)) return refused();
  const rows = PARTNERS.filter((partner) => (type ? partner.type === type : partner.type === 'CUSTOMER' ? customers : suppliers));
  return fromPage(paginate(rows, (row) => row.id, (row) => businessPartner(row, today), query));
};

const products: Handler = guarded('products', (_user, query) => fromPage(paginate(PRODUCTS, (row) => row.id, (row) => row, query)));

const attachments: Handler = (user, query) => {
  if (!user.documents) return refused(TEXTS.documentsOff);
  if (!allows(user.rights, 'attachments')) return refused();
  return fromPage(paginate(user.data.attachments, (row) => row.attachmentId, (row) => row, query));
};

const userRights: Handler = (user) => ({ ok: true, body: { role: 'USER', rights: user.rights } });

const currentUser: Handler = (user) => ({
  ok: true,
  body: { id: user.spec.user.id, username: `api.${user.spec.user.id}`, companyId: user.spec.company.id, firstName: user.spec.user.name, lastName: '', email: '', mobilePhone: '' },
});

export const ENDPOINTS: Readonly<Record<string, Handler>> = {
  sessioninfo: sessionInfo,
  company,
  users: currentUser,
  'users/rights': userRights,
  coa: guarded('chartOfAccounts', (user) => ({ ok: true, body: user.data.coa })),
  fiscalyears: guarded('fiscalYears', (user) => ({ ok: true, body: user.data.fiscalYears })),
  dimensions: guarded('dimensions', (user) => ({ ok: true, body: limited(user.rights, 'user.limitedDimensions') ? [] : user.data.dimensions }), TEXTS.noDimensions),
  ledgerreceipts: ledgerReceipts,
  invoices: invoiceList,
  businesspartners: businessPartners,
  products,
  attachments,
};

/** GET /status needs no token (UNCERTAIN); it tells what the simulator pretends to be. */
export const status = (nowMs: number) => ({ name: 'Procountor API (Exopen Connect sandbox)', version: '26.04', status: 'OK', procountorVersion: `sandbox-${isoDate(nowMs)}` });
