/**
 * Customer, vendor and invoice reads. Customer and invoice lists follow public Netvisor fixtures; getvendor.nv
 * follows Netvisor's "Get vendor" response table and a public client's parser: each vendor nests its data in
 * VendorBaseInformation, VendorContactDetails and VendorAdditionalInformation.
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

/** Netvisor pages getvendor.nv in groups of 500 (`page`); the sandbox has fewer, so page 1 holds them all. */
const VENDOR_PAGE_SIZE = 500;

const customerList: ResourceHandler = (_query, _company, _now) => ({
  ok: true,
  data: [
    // "Customerlist" with a lower-case l, as Netvisor spells it.
    el('Customerlist', CUSTOMERS.map(([key, name, code, businessId]) =>
      el('Customer', [el('Netvisorkey', String(key)), el('Name', name), el('Code', code), el('OrganisationIdentifier', businessId), el('Uri', `/getcustomer.nv?id=${key}`)]),
    )),
  ],
});

const vendor = ([key, name, code, businessId]: (typeof VENDORS)[number]) =>
  el('Vendor', [
    el('NetvisorKey', String(key)),
    el('VendorBaseInformation', [
      el('Code', code),
      el('Name', name),
      el('Address', 'Toimittajakatu 1'),
      el('PostCode', '00100'),
      el('City', 'Helsinki'),
      el('Country', 'FI', { type: 'ISO-3166' }),
      el('OrganizationId', businessId),
      el('GroupName', 'Kotimaiset'),
      el('VendorBankAccounts', [
        el('VendorDomesticBankAccounts', [el('VendorDomesticBankAccount', [el('NetvisorKey', String(key * 10)), el('IBAN', 'FI2112345600000785'), el('BankName', 'Demo Pankki'), el('IsDefault', '1')])]),
      ]),
    ]),
    el('VendorContactDetails', [el('PhoneNumber', '+358 9 123 4567'), el('Email', `laskut@${code.toLowerCase()}.example`), el('ContactPersonName', 'Maija Meikäläinen')]),
    // UNCERTAIN: IsPartialVatReducedPrivileged is how a public client reads the response; the import
    // resource vendor.nv spells it IsPartialVatReducePrivileged.
    el('VendorAdditionalInformation', [el('DefaultVatPercent', '25,5'), el('IsPartialVatReducedPrivileged', '0'), el('PaymentTerm', '14')]),
  ]);

/**
 * `netvisorkey` answers one vendor under a <Vendor> root; `netvisorkeylist`, `changedsince` or nothing answer
 * a <Vendors> list (empty when nothing changed), as Netvisor's parameter table says.
 */
const vendors: ResourceHandler = (query) => {
  const one = query.get('netvisorkey');
  if (one !== null) {
    const found = VENDORS.find(([key]) => String(key) === one.trim());
    return found ? { ok: true, data: [vendor(found)] } : { ok: false, invalid: `Data form incorrect:. Vendor not found with Netvisor identifier: ${one}` };
  }
  const list = query.get('netvisorkeylist');
  const page = query.get('page');
  if (page !== null && !/^[1-9]\d{0,6}$/.test(page)) return { ok: false, invalid: 'Data form incorrect:. Parameter page must be a positive integer' };
  let rows = VENDORS;
  if (list !== null) {
    const keys = list.split(',').map((key) => key.trim());
    const missing = keys.find((key) => !VENDORS.some(([candidate]) => String(candidate) === key));
    if (missing !== undefined) return { ok: false, invalid: `Data form incorrect:. Vendor not found with Netvisor identifier: ${missing}` };
    rows = VENDORS.filter(([key]) => keys.includes(String(key)));
  }
  const from = (Number(page ?? '1') - 1) * VENDOR_PAGE_SIZE;
  return { ok: true, data: [el('Vendors', rows.slice(from, from + VENDOR_PAGE_SIZE).map(vendor))] };
};

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
