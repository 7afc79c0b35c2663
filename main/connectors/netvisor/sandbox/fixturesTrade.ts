/**
 * Customer, vendor and invoice reads. Customer and invoice lists follow public Netvisor fixtures; the
 * getvendor.nv answer shape is not published and is UNCERTAIN (element names follow the customer list).
 */
import { dateRange, isoDate, spreadDays } from './dates';
import type { ResourceHandler } from './fixturesAccounting';
import { amount, el } from './xml';

const CUSTOMERS: ReadonlyArray<readonly [key: number, name: string, code: string, businessId: string]> = [
  [165, 'Asiakas Alfa Oy', 'ALFA', '3605551-3'],
  [166, 'Beta Kauppa Oy', 'BETA', '1259921-7'],
  [167, 'Matti Meikäläinen', '', ''],
];

const VENDORS: ReadonlyArray<readonly [key: number, name: string, code: string, businessId: string]> = [
  [301, 'Toimittaja Gamma Oy', 'GAMMA', '1442249-0'],
  [302, 'Delta Palvelut Oy', 'DELTA', '1587401-8'],
];

const customerList: ResourceHandler = (_query, _company, _now) => ({
  ok: true,
  data: [
    // "Customerlist" with a lower-case l, as Netvisor spells it.
    el('Customerlist', CUSTOMERS.map(([key, name, code, businessId]) =>
      el('Customer', [el('Netvisorkey', String(key)), el('Name', name), el('Code', code), el('OrganisationIdentifier', businessId), el('Uri', `/getcustomer.nv?id=${key}`)]),
    )),
  ],
});

const vendors: ResourceHandler = () => ({
  ok: true,
  data: [
    el('Vendors', VENDORS.map(([key, name, code, businessId]) =>
      el('Vendor', [el('NetvisorKey', String(key)), el('Code', code), el('Name', name), el('OrganizationId', businessId), el('IsActive', '1')]),
    )),
  ],
});

const salesInvoices: ResourceHandler = (query, _company, nowMs) => {
  const range = dateRange(query, 'begininvoicedate', 'endinvoicedate', nowMs, 30);
  if (!range.ok) return range;
  const invoices = spreadDays(range.from, range.to, 4).map((day, index) => {
    const [key, name, code] = CUSTOMERS[index % CUSTOMERS.length]!;
    const sum = 1255 + index * 310.5;
    return el('SalesInvoice', [
      el('NetvisorKey', String(500 + index)),
      el('InvoiceNumber', String(10_001 + index)),
      el('Invoicedate', isoDate(day), { format: 'ansi' }),
      el('InvoiceStatus', index === 0 ? 'open' : 'paid', index === 0 ? { substatus: 'overdue' } : undefined),
      el('CustomerCode', code),
      el('CustomerName', name),
      el('ReferenceNumber', String(1070 + index * 13)),
      el('InvoiceSum', amount(sum)),
      el('OpenSum', amount(index === 0 ? sum : 0)),
      el('Uri', `/getsalesinvoice.nv?netvisorkey=${500 + index}&customer=${key}`),
    ]);
  });
  return { ok: true, data: [el('SalesInvoiceList', invoices)] };
};

const purchaseInvoices: ResourceHandler = (query, _company, nowMs) => {
  const range = dateRange(query, 'begininvoicedate', 'endinvoicedate', nowMs, 30);
  if (!range.ok) return range;
  const invoices = spreadDays(range.from, range.to, 3).map((day, index) => {
    const [, name, , businessId] = VENDORS[index % VENDORS.length]!;
    const sum = 1004 + index * 99.9;
    const paid = index % 2 === 1 ? sum : 0;
    return el('PurchaseInvoice', [
      el('NetvisorKey', String(700 + index)),
      el('InvoiceNumber', `OL-${2000 + index}`),
      el('InvoiceDate', isoDate(day), { format: 'ansi' }),
      el('Vendor', name),
      el('VendorOrganizationIdentifier', businessId),
      el('Sum', amount(sum)),
      el('Payments', amount(paid)),
      el('OpenSum', amount(sum - paid)),
      el('Uri', `/getpurchaseinvoice.nv?netvisorkey=${700 + index}`),
    ]);
  });
  return { ok: true, data: [el('PurchaseInvoiceList', invoices)] };
};

export const TRADE_HANDLERS: Readonly<Record<string, ResourceHandler>> = {
  'customerlist.nv': customerList,
  'getvendor.nv': vendors,
  'salesinvoicelist.nv': salesInvoices,
  'purchaseinvoicelist.nv': purchaseInvoices,
};
