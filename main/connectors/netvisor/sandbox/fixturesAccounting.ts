/**
 * Accounting reads with the element structure of public Netvisor fixtures and synthetic values: chart of
 * accounts, periods, voucher types, dimensions, balances and the ledger. Shapes of vouchertypelist.nv and
 * accountbalance.nv follow a public client's typings; their exact element names are UNCERTAIN.
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
];

const accountList: ResourceHandler = () => ({
  ok: true,
  data: [
    el('AccountList', [
      el('CompanyDefaultAccounts', [el('TradePayables', '2871'), el('PurchaseVATReceivable', '1763'), el('VATpayable', '2939'), el('SalesReceivables', '1701'), el('SalesDomesticDefault', '3000'), el('PurchaseDomesticDefault', '4000')]),
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
    data: [el('AccountingPeriodList', [el('PeriodLockInformation', [el('AccountingPeriodLockDate', `31.12.${year - 2}`, { format: 'ansi' })]), period(1, year - 1), period(2, year)])],
  };
};

const voucherTypes: ResourceHandler = () => {
  const types: ReadonlyArray<readonly [number, string, string]> = [[1, 'MU', 'Muistiotosite'], [2, 'MY', 'Myyntilasku'], [3, 'OL', 'Ostolasku'], [4, 'TO', 'Tiliote']];
  return {
    ok: true,
    data: [
      el('VoucherTypeList', [
        el('DefaultVoucherTypes', [el('SalesInvoices', [el('NetvisorKey', '2')]), el('PurchaseInvoices', [el('NetvisorKey', '3')])]),
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
  const balance = (key: number, base: number) =>
    el('Account', dates.map((date, index) => el('AccountBalance', [el('Debet', amount(base + index * 100)), el('Kredit', amount(index * 40)), el('Balance', amount(base + index * 60))], { date })), { netvisorkey: String(key) });
  return { ok: true, data: [el('AccountBalance', [balance(4, 12_550), balance(6, 48_210.35)])] };
};

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
      ...lines.map(([account, sum, vat], line) =>
        el('VoucherLine', [el('NetvisorKey', `${key}${line}`), el('LineSum', amount(sum)), el('Description', 'Demo'), el('AccountNumber', account), el('VatPercent', vat === '-' ? '0' : '25,5'), el('VatCode', vat)]),
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
