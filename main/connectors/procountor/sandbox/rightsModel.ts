/**
 * The user rights the simulator keeps per API user, in the shape of UserPrivileges in Procountor's
 * OpenAPI (groups of ALL_RIGHTS | VIEWING_RIGHTS | NO_ACCESS | NOT_ENABLED levels plus boolean
 * limitations), and which rights each endpoint needs.
 * UNCERTAIN: the endpoint → right mapping is not published; it follows the rights' descriptions. The
 * invoiceCirculation and payments groups are left out because their fields were not in the reference.
 */

export const LEVELS = ['ALL_RIGHTS', 'VIEWING_RIGHTS', 'NO_ACCESS', 'NOT_ENABLED'] as const;
export type Level = (typeof LEVELS)[number];
export type RightValue = Level | boolean;
export type Rights = Record<string, Record<string, RightValue>>;

const V: Level = 'VIEWING_RIGHTS';
const N: Level = 'NO_ACCESS';

/** A dedicated read-only API user with viewing rights to the whole company and no limitations. */
export function fullViewingRights(): Rights {
  return {
    management: {
      basicCompanyInfo: V, basicAccountingInfo: V, chartOfAccountsAndDefaultReports: V, usersAndUserRights: N, companyUserManagement: N,
      setUpACompany: N, importData: N, notifications: N, incomesRegisterCertificate: N, groupLetter: N, auditLog: N,
    },
    user: { editPersonalInfo: V, limitedDimensions: false, blockSoloLoginToProcountor: true },
    sales: { salesOrGroupInvoices: V, salesInvoiceSearch: V, personalSalesInvoicesOnly: false, customerRegister: V, productRegister: V },
    purchases: { purchaseInvoices: V, purchaseInvoiceSearch: V, personalPurchaseInvoicesOnly: false, supplierRegister: V, productRegister: V, fixedAssetsRegister: V },
    travelAndExpenses: { travelAndExpenseInvoices: V, travelAndExpenseInvoiceSearch: V, personalTravelAndExpenseInvoiceOnly: false },
    salaries: { payroll: N, personalSalariesOnly: false, personRegister: N, workingTimeTracking: N, personalWorkHourTrackingOnly: false },
    accounting: {
      journalReceipts: V, journalReceiptSearch: V, personalJournalReceiptsOnly: false, closingOfAccountTools: N,
      preventCreatingEditingInvoices: true, preventEditingAccountingPage: true, accountingReports: V, archive: V,
    },
  };
}

/** What each guarded endpoint needs: any of these rights at VIEWING_RIGHTS or better. */
export const ENDPOINT_RIGHTS = {
  company: ['management.basicCompanyInfo'],
  ledgerReceipts: ['accounting.journalReceipts', 'accounting.journalReceiptSearch'],
  chartOfAccounts: ['management.chartOfAccountsAndDefaultReports'],
  fiscalYears: ['management.basicAccountingInfo'],
  dimensions: ['management.basicAccountingInfo'],
  salesInvoices: ['sales.salesOrGroupInvoices', 'sales.salesInvoiceSearch'],
  purchaseInvoices: ['purchases.purchaseInvoices', 'purchases.purchaseInvoiceSearch'],
  customers: ['sales.customerRegister'],
  suppliers: ['purchases.supplierRegister'],
  products: ['sales.productRegister', 'purchases.productRegister'],
  attachments: ['accounting.archive'],
} as const satisfies Record<string, ReadonlyArray<string>>;

export type Guard = keyof typeof ENDPOINT_RIGHTS;

/** Admin-friendly area names (the connector's rows) → the rights they set. */
export const AREA_RIGHTS: Readonly<Record<string, ReadonlyArray<string>>> = {
  ledgerReceipts: ENDPOINT_RIGHTS.ledgerReceipts,
  chartOfAccounts: ENDPOINT_RIGHTS.chartOfAccounts,
  fiscalYears: ENDPOINT_RIGHTS.fiscalYears,
  dimensions: ENDPOINT_RIGHTS.dimensions,
  salesInvoices: ENDPOINT_RIGHTS.salesInvoices,
  purchaseInvoices: ENDPOINT_RIGHTS.purchaseInvoices,
  businessPartners: [...ENDPOINT_RIGHTS.customers, ...ENDPOINT_RIGHTS.suppliers],
  products: ENDPOINT_RIGHTS.products,
  companyInfo: ENDPOINT_RIGHTS.company,
  attachments: ENDPOINT_RIGHTS.attachments,
};

export function valueAt(rights: Rights, path: string): RightValue | undefined {
  const [group, name] = path.split('.', 2) as [string, string | undefined];
  return name === undefined ? undefined : rights[group]?.[name];
}

export function setAt(rights: Rights, path: string, value: RightValue): void {
  const [group, name] = path.split('.', 2) as [string, string | undefined];
  if (name === undefined) return;
  (rights[group] ??= {})[name] = value;
}

export const allows = (rights: Rights, guard: Guard): boolean =>
  ENDPOINT_RIGHTS[guard].some((path) => {
    const value = valueAt(rights, path);
    return value === 'ALL_RIGHTS' || value === 'VIEWING_RIGHTS';
  });

export const limited = (rights: Rights, path: string): boolean => valueAt(rights, path) === true;
