/**
 * Accounting reads with the element structure Netvisor documents and public clients parse, with synthetic
 * values: chart of accounts with the company's default accounts, periods with the lock dates, voucher types
 * with the seven default voucher types, dimensions, balances and the ledger.
 * Sources: Netvisor's resource pages (vouchertypelist.nv, accountbalance.nv: response tables) and the
 * fixtures of a public Python client (AccountList.xml, AccountingPeriodList.xml, AccountingLedger.xml).
 * tests/unit/netvisor/shapes.test.ts reads every answer through a schema of those documented shapes.
 */
import type { CompanyState } from './state';
import { amount, el, finnishDate, type XmlNode } from './xml';
import { dateRange, isoDate, parseIsoDate, spreadDays } from './dates';

export type ResourceAnswer = { readonly ok: true; readonly data: ReadonlyArray<XmlNode> } | { readonly ok: false; readonly invalid: string };
export type ResourceHandler = (query: URLSearchParams, company: CompanyState, nowMs: number) => ResourceAnswer;

const ACCOUNTS: ReadonlyArray<readonly [key: number, number: string, name: string, type: 'account' | 'accountgroup', father: number]> = [
  [1, '', 'Vastaavaa', 'accountgroup', 0],
  [2, '1000', 'PYSYVÄT VASTAAVAT', 'accountgroup', 1],
  [3, '1100', 'Koneet ja kalusto', 'account', 2],
  [4, '1701', 'Myyntisaamiset', 'account', 1],
  [5, '1763', 'Arvonlisäverosaamiset', 'account', 1],
  [6, '1910', 'Pankkitili', 'account', 1],
  [7, '', 'Vastattavaa', 'accountgroup', 0],
  [8, '2871', 'Ostovelat', 'account', 7],
  [9, '2939', 'Arvonlisäverovelka', 'account', 7],
  [10, '3000', 'Myynti', 'account', 0],
  [11, '4000', 'Ostot', 'account', 0],
  [12, '7680', 'Toimitilavuokrat', 'account', 0],
  [13, '1521', 'Aineet ja tarvikkeet', 'account', 1],
  [14, '1849', 'Ostolaskujen jaksotukset', 'account', 1],
  [15, '2861', 'Saadut ennakot', 'account', 7],
  [16, '2946', 'Tilitettävä arvonlisävero', 'account', 7],
  [17, '2948', 'Verotili', 'account', 7],
  [18, '3360', 'Myynti EU', 'account', 0],
  [19, '3380', 'Myynti EU:n ulkopuolelle', 'account', 0],
  [20, '3500', 'Myynnin alennukset', 'account', 0],
  [21, '3580', 'Myynnin kurssierot', 'account', 0],
  [22, '4110', 'Ostot EU', 'account', 0],
  [23, '4130', 'Ostot EU:n ulkopuolelta', 'account', 0],
  [24, '4230', 'Ostojen alennukset', 'account', 0],
  [25, '4370', 'Ostojen kurssierot', 'account', 0],
  [26, '8570', 'Pyöristyserot', 'account', 0],
  [27, '9170', 'Perintä', 'account', 0],
];

/**
 * The 22 children of <CompanyDefaultAccounts>, in Netvisor's order and spelling (VATpayable, SalesVATDebt,
 * PurchasesDiscounts are spelled so in the public fixture). Every account number exists in ACCOUNTS.
 */
export const DEFAULT_ACCOUNTS: ReadonlyArray<readonly [element: string, account: string]> = [
  ['TradePayables', '2871'],
  ['PurchaseVATReceivable', '1763'],
  ['RoundingOffDifference', '8570'],
  ['VATpayable', '2946'],
  ['TaxAccount', '2948'],
  ['AdvancePayments', '2861'],
  ['SalesReceivables', '1701'],
  ['SalesVATDebt', '2939'],
  ['Inventory', '1521'],
  ['SalesDiscount', '3500'],
  ['SalesExchangeRateDifferences', '3580'],
  ['Collection', '9170'],
  ['PurchasesDiscounts', '4230'],
  ['PurchasesExchangeRateDifferences', '4370'],
  ['PurchaseInvoiceAccrual', '1849'],
  ['SalesInvoiceAccrual', '1701'],
  ['PurchaseDomesticDefault', '4000'],
  ['PurchaseEUDefault', '4110'],
  ['PurchaseOutsideEUDefault', '4130'],
  ['SalesDomesticDefault', '3000'],
  ['SalesEUDefault', '3360'],
  ['SalesOutsideEUDefault', '3380'],
];

const accountList: ResourceHandler = () => ({
  ok: true,
  data: [
    el('AccountList', [
      el('CompanyDefaultAccounts', DEFAULT_ACCOUNTS.map(([element, account]) => el(element, account))),
      el(
        'Accounts',
        ACCOUNTS.map(([key, number, name, type, father], index) =>
          el('Account', [
            el('NetvisorKey', String(key)),
            el('Number', number),
            el('Name', name),
            el('AccountType', type),
            el('FatherNetvisorKey', String(father)),
            el('IsActive', '1'),
            el('IsCumulative', type === 'accountgroup' ? '1' : '0'),
            el('Sort', String(index)),
            el('EndSort', String(index)),
            el('IsNaturalNegative', number.startsWith('2') || number.startsWith('3') ? '1' : '0'),
          ]),
        ),
      ),
    ]),
  ],
});

const periodList: ResourceHandler = (_query, _company, nowMs) => {
  const year = new Date(nowMs).getUTCFullYear();
  const period = (key: number, y: number) =>
    el('Period', [el('NetvisorKey', String(key)), el('Name', String(y)), el('BeginDate', `1.1.${y}`, { format: 'ansi' }), el('EndDate', `31.12.${y}`, { format: 'ansi' })]);
  return {
    ok: true,
    data: [
      el('AccountingPeriodList', [
        // The three lock dates Netvisor reports: bookkeeping, VAT periods and purchase invoices.
        el('PeriodLockInformation', [
          el('AccountingPeriodLockDate', `31.12.${year - 2}`, { format: 'ansi' }),
          el('VatPeriodLockDate', `31.1.${year - 1}`, { format: 'ansi' }),
          el('PurchaseLockDate', `31.12.${year - 2}`, { format: 'ansi' }),
        ]),
        period(1, year - 1),
        period(2, year),
      ]),
    ],
  };
};

/**
 * The seven default voucher types, in the order of Netvisor's response table, with the voucher type each
 * points to. (The table spells the key `Netvisorkey` under PurchaseInvoices and BankStatementViewVouchers
 * and `NetvisorKey` elsewhere; UNCERTAIN whether the server does too, so we send `NetvisorKey` throughout.)
 */
export const DEFAULT_VOUCHER_TYPES: ReadonlyArray<readonly [element: string, key: number]> = [
  ['SalesInvoices', 2],
  ['SalesInvoicePayments', 5],
  ['PurchaseInvoices', 3],
  ['PurchaseInvoicePayments', 6],
  ['OtherSystemGeneratedVouchers', 7],
  ['BankStatementViewVouchers', 4],
  ['Accruals', 8],
];

const voucherTypes: ResourceHandler = () => {
  const types: ReadonlyArray<readonly [number, string, string]> = [
    [1, 'MU', 'Muistiotosite'],
    [2, 'MY', 'Myyntilasku'],
    [3, 'OL', 'Ostolasku'],
    [4, 'TO', 'Tiliote'],
    [5, 'MS', 'Myyntisuoritus'],
    [6, 'OS', 'Ostosuoritus'],
    [7, 'JT', 'Järjestelmän tosite'],
    [8, 'JA', 'Jaksotus'],
  ];
  return {
    ok: true,
    data: [
      el('VoucherTypeList', [
        el('DefaultVoucherTypes', DEFAULT_VOUCHER_TYPES.map(([element, key]) => el(element, [el('NetvisorKey', String(key))]))),
        el('VoucherTypes', types.map(([key, abbreviation, name]) => el('VoucherType', [el('NetvisorKey', String(key)), el('Abbreviation', abbreviation), el('Name', name)]))),
      ]),
    ],
  };
};

const dimensionList: ResourceHandler = () => {
  const detail = (key: number, name: string, sort: number) =>
    el('DimensionDetail', [el('Netvisorkey', String(key)), el('Name', name), el('IsHidden', 'False'), el('Level', '1'), el('Sort', String(sort)), el('EndSort', String(sort)), el('FatherID', '0')]);
  const dimension = (key: number, name: string, details: XmlNode[]) =>
    el('DimensionName', [el('Netvisorkey', String(key)), el('Name', name), el('IsHidden', 'False'), el('LinkType', '0'), el('DimensionDetails', details)]);
  return {
    ok: true,
    data: [el('DimensionNameList', [dimension(1, 'Kustannuspaikka', [detail(11, 'Hallinto', 0), detail(12, 'Myynti', 1)]), dimension(2, 'Projekti', [detail(21, 'P100 Verkkokauppa', 0)])])],
  };
};

const accountBalance: ResourceHandler = (query) => {
  const dates = (query.get('balancedates') ?? '').split(',').filter(Boolean);
  if (dates.length === 0 || dates.some((date) => parseIsoDate(date) === undefined)) {
    return { ok: false, invalid: 'Data form incorrect:. Parameter balancedates is required (yyyy-MM-dd, comma separated)' };
  }
  // <AccountBalances><Account netvisorkey=…>[Number, Name (added 19.2.2026)] <AccountBalance date=…>…
  // UNCERTAIN: the attribute names' case (the response table writes "Netvisorkey" and "Date").
  const balance = (key: number, base: number) => {
    const [, number, name] = ACCOUNTS.find(([candidate]) => candidate === key)!;
    const balances = dates.map((date, index) => {
      const debet = base + index * 100;
      const kredit = index * 40;
      return el('AccountBalance', [el('Debet', amount(debet)), el('Kredit', amount(kredit)), el('Balance', amount(debet - kredit))], { date });
    });
    return el('Account', [el('Number', number), el('Name', name), ...balances], { netvisorkey: String(key) });
  };
  return { ok: true, data: [el('AccountBalances', [balance(4, 12_550), balance(6, 48_210.35)])] };
};

const VOUCHER_URI_BASE = 'https://sandbox.netvisor.invalid/voucher/';

const ledger: ResourceHandler = (query, _company, nowMs) => {
  const filters = ['netvisorkey', 'netvisorkeylist', 'changedsince', 'lastmodifiedstart', 'lastmodifiedend'];
  const hasDates = query.has('startdate') || query.has('enddate');
  if (!hasDates && !filters.some((name) => query.has(name))) {
    return { ok: false, invalid: 'Data form incorrect:. Give startdate and enddate or another filter' };
  }
  const range = dateRange(query, 'startdate', 'enddate', nowMs, 30);
  if (!range.ok) return range;
  const vouchers = spreadDays(range.from, range.to, 6).map((day, index) => {
    const sale = index % 2 === 0;
    const key = 1000 + index;
    const lines: ReadonlyArray<readonly [string, number, string]> = sale
      ? [['1701', 1255, '-'], ['3000', -1000, 'KOMY'], ['2939', -255, '-']]
      : [['4000', 800, 'KOOS'], ['1763', 204, '-'], ['2871', -1004, '-']];
    return el('Voucher', [
      el('NetvisorKey', String(key)),
      el('VoucherDate', finnishDate(isoDate(day))),
      el('VoucherNumber', String(index + 1)),
      el('VoucherDescription', sale ? `Myyntilasku ${index + 1}` : `Ostolasku ${index + 1}`),
      el('VoucherClass', sale ? 'MY Myyntilasku' : 'OL Ostolasku'),
      el('LinkedSourceNetvisorKey', String(500 + index), { type: sale ? 'salesinvoice' : 'purchaseinvoice' }),
      // UNCERTAIN: the URI's form (the public fixture's value is synthetic); the element is always there.
      el('VoucherNetvisorURI', `${VOUCHER_URI_BASE}${key}`),
      ...lines.map(([account, sum, vat], line) =>
        el('VoucherLine', [
          el('NetvisorKey', `${key}${line}`),
          el('LineSum', amount(sum)),
          el('Description', 'Demo'),
          el('AccountNumber', account),
          el('VatPercent', vat === '-' ? '0' : '25,5'),
          el('VatCode', vat),
          ...(line === 1 ? [el('Dimension', [el('DimensionName', 'Kustannuspaikka'), el('DimensionItem', sale ? 'Myynti' : 'Hallinto')])] : []),
        ]),
      ),
    ], { Status: 'valid' });
  });
  return { ok: true, data: [el('Vouchers', vouchers)] };
};

export const ACCOUNTING_HANDLERS: Readonly<Record<string, ResourceHandler>> = {
  'accountlist.nv': accountList,
  'accountingperiodlist.nv': periodList,
  'vouchertypelist.nv': voucherTypes,
  'dimensionlist.nv': dimensionList,
  'accountbalance.nv': accountBalance,
  'accountingledger.nv': ledger,
};
