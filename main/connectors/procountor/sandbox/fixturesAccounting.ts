/**
 * Accounting data with the JSON shapes of Procountor's OpenAPI (LedgerAccounts, FiscalYears, Dimension,
 * LedgerReceiptBasicInfo) and synthetic Finnish values. Generated per company from the simulator's
 * clock, so "the last 12 months" always has receipts in a full company.
 */
import { DAY_MS, isoDate, isoDateTime, startOfDay } from './dates';

export interface Receipt {
  readonly id: number;
  readonly type: 'JOURNAL' | 'SALES_INVOICE' | 'PURCHASE_INVOICE';
  readonly status: string;
  readonly name: string;
  readonly receiptDate: string;
  readonly receiptNumber: number;
  readonly created: string;
  readonly version: string;
  /** Who entered it (not sent): "personal receipts only" shows a user only their own. */
  readonly createdBy: number;
}

/** The bookkeeper who enters everything in the demo companies; never the API user. */
export const BOOKKEEPER_ID = 4001;

const ACCOUNTS: ReadonlyArray<readonly [code: string, fi: string, en: string]> = [
  ['1100', 'Koneet ja kalusto', 'Machinery and equipment'],
  ['1701', 'Myyntisaamiset', 'Trade receivables'],
  ['1763', 'Arvonlisäverosaamiset', 'VAT receivables'],
  ['1910', 'Pankkitili', 'Bank account'],
  ['2871', 'Ostovelat', 'Trade payables'],
  ['2939', 'Arvonlisäverovelka', 'VAT payable'],
  ['3000', 'Myynti', 'Sales'],
  ['3100', 'Palvelumyynti', 'Service sales'],
  ['4000', 'Ostot', 'Purchases'],
  ['5000', 'Palkat', 'Salaries'],
  ['6800', 'Poistot', 'Depreciation'],
  ['7680', 'Toimitilavuokrat', 'Office rents'],
  ['7700', 'ICT-kulut', 'ICT expenses'],
  ['9300', 'Korkotuotot', 'Interest income'],
];

export const chartOfAccounts = () => ({
  ledgerAccounts: ACCOUNTS.map(([code, fi, en]) => ({
    ledgerAccountCode: code,
    name: fi,
    active: true,
    translations: [
      { languageCode: 'fi', translation: fi },
      { languageCode: 'en', translation: en },
    ],
  })),
});

/** The current and previous calendar year, newest first, with monthly tracking periods. */
export function fiscalYears(todayMs: number) {
  const year = new Date(todayMs).getUTCFullYear();
  const modified = isoDateTime(startOfDay(todayMs) - 30 * DAY_MS);
  const months = (y: number, yearId: number) =>
    Array.from({ length: 12 }, (_, month) => {
      const start = Date.UTC(y, month, 1);
      const end = Date.UTC(y, month + 1, 0);
      return { id: yearId * 100 + month + 1, startDate: isoDate(start), endDate: isoDate(end), status: end < todayMs - 45 * DAY_MS ? 'CLOSED' : 'OPEN', modified };
    });
  return {
    fiscalYears: [year, year - 1].map((y, index) => ({
      id: 30 - index,
      startDate: `${y}-01-01`,
      endDate: `${y}-12-31`,
      modified,
      isOpen: index === 0,
      trackingPeriods: months(y, 30 - index),
    })),
  };
}

export const dimensions = () => [
  {
    id: 801,
    name: 'Kustannuspaikka',
    items: [
      { id: 8011, codeName: 'HALL', status: 'ACTIVE', description: 'Hallinto' },
      { id: 8012, codeName: 'MYYN', status: 'ACTIVE', description: 'Myynti' },
    ],
  },
  { id: 802, name: 'Projekti', items: [{ id: 8021, codeName: 'P100', status: 'ACTIVE', description: 'Verkkokauppa' }] },
];

const RECEIPT_TYPES = ['SALES_INVOICE', 'PURCHASE_INVOICE', 'JOURNAL'] as const;

/** 120 receipts, one every third day back from today (so all within the last 12 months). */
export function ledgerReceipts(todayMs: number, count = 120): ReadonlyArray<Receipt> {
  const today = startOfDay(todayMs);
  return Array.from({ length: count }, (_, index) => {
    const day = today - index * 3 * DAY_MS;
    const type = RECEIPT_TYPES[index % RECEIPT_TYPES.length]!;
    const number = count - index;
    return {
      id: 20_000 + number,
      type,
      status: type === 'JOURNAL' ? 'APPROVED' : 'PAID',
      name: type === 'JOURNAL' ? `Muistiotosite ${number}` : type === 'SALES_INVOICE' ? `Myyntilasku ${number}` : `Ostolasku ${number}`,
      receiptDate: isoDate(day),
      receiptNumber: number,
      created: isoDateTime(day + 9 * 3_600_000),
      version: isoDateTime(day + 10 * 3_600_000),
      createdBy: BOOKKEEPER_ID,
    };
  });
}
