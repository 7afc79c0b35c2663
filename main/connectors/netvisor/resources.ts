/**
 * The interface resources Exopen reads, in the order the rights matrix shows them. Each probe asks for as
 * little data as the resource allows (a one-week date range, today's balance) because Netvisor serves one
 * request at a time per customer and large reads take minutes.
 */
import { msg, type Msg } from '../types';

export interface NetvisorResource {
  /** The resource path, also the matrix row id (`rights:<path>` re-runs one row). */
  readonly path: string;
  readonly label: Msg;
  /**
   * The resource's name in Netvisor's "Rights of interface resources" list, quoted in the fix text.
   * UNCERTAIN: Netvisor's exact English labels are not published; these follow its resource titles.
   */
  readonly rightsName: string;
  readonly probe: (today: Date) => Readonly<Record<string, string>>;
  /**
   * Where the rows are in an answer: the element path below <Root>, its last step the repeated element
   * (Netvisor's response tables; records.ts counts them). Matched case-insensitively: Netvisor's own
   * spelling varies (`Customerlist`).
   */
  readonly records: ReadonlyArray<string>;
}

const isoDate = (date: Date): string => date.toISOString().slice(0, 10);
const daysBefore = (date: Date, days: number): Date => new Date(date.getTime() - days * 86_400_000);
const lastWeek = (today: Date) => ({ from: isoDate(daysBefore(today, 7)), to: isoDate(today) });

const resource = (path: string, rightsName: string, records: ReadonlyArray<string>, probe: NetvisorResource['probe'] = () => ({})): NetvisorResource => ({
  path,
  label: msg(`netvisor:resources.${path.replace(/\.nv$/, '')}`),
  rightsName,
  probe,
  records,
});

export const NETVISOR_RESOURCES: ReadonlyArray<NetvisorResource> = [
  resource('accountlist.nv', 'Account list', ['AccountList', 'Accounts', 'Account']),
  resource('accountingledger.nv', 'Accounting ledger', ['Vouchers', 'Voucher'], (today) => {
    const { from, to } = lastWeek(today);
    return { startdate: from, enddate: to };
  }),
  resource('accountingperiodlist.nv', 'Accounting period list', ['AccountingPeriodList', 'Period']),
  resource('vouchertypelist.nv', 'Voucher type list', ['VoucherTypeList', 'VoucherTypes', 'VoucherType']),
  resource('dimensionlist.nv', 'Dimension list', ['DimensionNameList', 'DimensionName']),
  resource('accountbalance.nv', 'Account balance', ['AccountBalances', 'Account'], (today) => ({ balancedates: isoDate(today) })),
  resource('customerlist.nv', 'Customer list', ['Customerlist', 'Customer'], (today) => ({ changedsince: `${isoDate(today)}T00:00:00` })),
  // Vendors have no list resource of their own; getvendor.nv lists them with paging or changedsince (the
  // answer's root is then <Vendors>; with one netvisorkey it would be a single <Vendor>).
  resource('getvendor.nv', 'Get vendor', ['Vendors', 'Vendor'], (today) => ({ changedsince: isoDate(today) })),
  resource('salesinvoicelist.nv', 'Sales invoice list', ['SalesInvoiceList', 'SalesInvoice'], (today) => {
    const { from, to } = lastWeek(today);
    return { begininvoicedate: from, endinvoicedate: to };
  }),
  resource('purchaseinvoicelist.nv', 'Purchase invoice list', ['PurchaseInvoiceList', 'PurchaseInvoice'], (today) => {
    const { from, to } = lastWeek(today);
    return { begininvoicedate: from, endinvoicedate: to };
  }),
];

/** The cheap read behind the authentication and company checks (no parameters, a handful of rows). */
export const AUTH_PROBE_PATH = 'accountingperiodlist.nv';

/** `AccountingLedger`, `accountingledger.nv` and ` accountingledger ` all name the same resource. */
export function findResource(name: string): NetvisorResource | undefined {
  const wanted = name.trim().toLowerCase().replace(/(?:\.nv)?$/, '.nv');
  return NETVISOR_RESOURCES.find((candidate) => candidate.path === wanted);
}
