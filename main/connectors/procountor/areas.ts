/**
 * The areas of a Procountor company Exopen reads, each with the endpoint that proves access, the user
 * rights behind it (GET /users/rights) and the row-level restriction that can silently empty it.
 *
 * One probe per area serves both the rights and the data check: it asks for a single row over the last
 * 12 months, so a 200 proves access and its meta.totalCount says whether there is data.
 *
 * UNCERTAIN: which user right gates which endpoint is inferred from the rights model in Procountor's
 * OpenAPI (UserPermissions) and the endpoints' 403 texts; Procountor does not publish the mapping. The
 * names in `rightName` follow the rights' descriptions in that model, not verified UI labels.
 */
import { msg, type Msg } from '../types';

export type RightsGroup = 'management' | 'user' | 'sales' | 'purchases' | 'accounting';
/** A path into UserPermissions, e.g. `accounting.journalReceipts`. */
export type RightPath = `${RightsGroup}.${string}`;

/** How much an empty answer matters: core areas are never empty in a company that keeps books. */
export type DataExpectation = 'core' | 'usual' | 'optional';

export interface ProcountorArea {
  /** Stable id: the matrix row id (`rights:<id>`, `data:<id>`). */
  readonly id: string;
  readonly label: Msg;
  readonly path: string;
  readonly probe: (today: Date) => Readonly<Record<string, string>>;
  /** Any of these at VIEWING_RIGHTS or better gives access. */
  readonly rights: ReadonlyArray<RightPath>;
  /**
   * The right(s) to give the API user, as Procountor's user rights screen names them (quoted in fixes,
   * the way Netvisor's resource names are). UNCERTAIN: derived from the rights model, not from the UI.
   */
  readonly rightNames: string;
  /** A boolean limitation in UserPermissions that filters rows instead of refusing (personal-only). */
  readonly restriction?: RightPath;
  /** That limitation's name on the user rights screen (UNCERTAIN, as `rightNames`). */
  readonly restrictionName?: string;
  readonly data: DataExpectation;
  /** Counts the rows in a successful probe answer (totalCount of a search, length of a list). */
  readonly count: 'meta' | 'ledgerAccounts' | 'fiscalYears' | 'array';
}

const isoDate = (date: Date): string => date.toISOString().slice(0, 10);
const yearBefore = (today: Date): Date => new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), today.getUTCDate()));
const lastYear = (today: Date) => ({ startDate: isoDate(yearBefore(today)), endDate: isoDate(today) });
const one = { size: '1', page: '0' };
/** /products pages by previousId only (OpenAPI 26.04 defines no `page` there): one row is `size=1`. */
const oneProduct = { size: '1' };

const area = (spec: Omit<ProcountorArea, 'label'>): ProcountorArea => ({ ...spec, label: msg(`procountor:areas.${spec.id}`) });

export const PROCOUNTOR_AREAS: ReadonlyArray<ProcountorArea> = [
  area({
    id: 'ledgerReceipts',
    path: 'ledgerreceipts',
    probe: (today) => ({ ...lastYear(today), ...one }),
    rights: ['accounting.journalReceipts', 'accounting.journalReceiptSearch'],
    rightNames: 'Accounting › Journal receipts',
    restriction: 'accounting.personalJournalReceiptsOnly',
    restrictionName: 'Personal journal receipts only',
    data: 'core',
    count: 'meta',
  }),
  area({ id: 'chartOfAccounts', path: 'coa', probe: () => ({}), rights: ['management.chartOfAccountsAndDefaultReports'], rightNames: 'Management › Chart of accounts and default reports', data: 'core', count: 'ledgerAccounts' }),
  area({ id: 'fiscalYears', path: 'fiscalyears', probe: () => ({}), rights: ['management.basicAccountingInfo'], rightNames: 'Management › Basic accounting info', data: 'core', count: 'fiscalYears' }),
  area({
    id: 'salesInvoices',
    path: 'invoices',
    probe: (today) => ({ types: 'SALES_INVOICE', ...lastYear(today), ...one }),
    rights: ['sales.salesInvoiceSearch', 'sales.salesOrGroupInvoices'],
    rightNames: 'Sales › Sales invoice search',
    restriction: 'sales.personalSalesInvoicesOnly',
    restrictionName: 'Personal sales invoices only',
    data: 'usual',
    count: 'meta',
  }),
  area({
    id: 'purchaseInvoices',
    path: 'invoices',
    probe: (today) => ({ types: 'PURCHASE_INVOICE', ...lastYear(today), ...one }),
    rights: ['purchases.purchaseInvoiceSearch', 'purchases.purchaseInvoices'],
    rightNames: 'Purchases › Purchase invoice search',
    restriction: 'purchases.personalPurchaseInvoicesOnly',
    restrictionName: 'Personal purchase invoices only',
    data: 'usual',
    count: 'meta',
  }),
  area({ id: 'businessPartners', path: 'businesspartners', probe: () => one, rights: ['sales.customerRegister', 'purchases.supplierRegister'], rightNames: 'Sales › Customer register and Purchases › Supplier register', data: 'optional', count: 'meta' }),
  area({
    id: 'dimensions',
    path: 'dimensions',
    probe: () => ({}),
    rights: ['management.basicAccountingInfo'],
    rightNames: 'Management › Basic accounting info',
    restriction: 'user.limitedDimensions',
    restrictionName: 'Limited dimensions',
    data: 'optional',
    count: 'array',
  }),
  area({ id: 'products', path: 'products', probe: () => oneProduct, rights: ['sales.productRegister', 'purchases.productRegister'], rightNames: 'Sales › Product register', data: 'optional', count: 'meta' }),
];

export const findArea = (id: string): ProcountorArea | undefined => {
  const wanted = id.trim().toLowerCase();
  return PROCOUNTOR_AREAS.find((candidate) => candidate.id.toLowerCase() === wanted);
};

/** The areas whose emptiness the data check reports. */
export const DATA_AREAS = PROCOUNTOR_AREAS.filter((candidate) => candidate.data !== 'optional');
