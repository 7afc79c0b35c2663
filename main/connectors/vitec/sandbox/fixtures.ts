/**
 * Small, realistic Swedish bookkeeping per company: BAS accounts, customers, suppliers, cost centres and
 * projects, and balanced vouchers (sales, purchases, rent, salaries). Amounts vary by company so two
 * companies never look identical. Invented names; organisation numbers carry a correct check digit.
 */
import type { Dataset, DatasetBody } from '../assumedApi';
import { orgNumber } from './companies';
import type { CompanyState } from './state';

type Item = DatasetBody['items'][number];

const ACCOUNTS: ReadonlyArray<Item> = [
  { number: '1510', name: 'Kundfordringar', type: 'asset' },
  { number: '1930', name: 'Företagskonto / checkkonto', type: 'asset' },
  { number: '2440', name: 'Leverantörsskulder', type: 'liability' },
  { number: '2611', name: 'Utgående moms på försäljning inom Sverige, 25 %', type: 'liability' },
  { number: '2641', name: 'Debiterad ingående moms', type: 'asset' },
  { number: '2710', name: 'Personalskatt', type: 'liability' },
  { number: '3001', name: 'Försäljning inom Sverige, 25 % moms', type: 'revenue' },
  { number: '4010', name: 'Inköp material och varor', type: 'cost' },
  { number: '5010', name: 'Lokalhyra', type: 'cost' },
  { number: '7210', name: 'Löner till tjänstemän', type: 'cost' },
];

const CUSTOMERS = ['Byggmästarna i Mälardalen AB', 'Kaffekompaniet Göteborg AB', 'Norrlands Skog & Trä AB', 'Skärgårdens Båtvarv AB'];
const SUPPLIERS = ['Telekompaniet Norden AB', 'Kraftbolaget Syd AB', 'Grossisten VVS & Bygg AB'];

const DIMENSIONS: ReadonlyArray<Item> = [
  { dimension: 'Kostnadsställe', code: '100', name: 'Ledning' },
  { dimension: 'Kostnadsställe', code: '200', name: 'Försäljning' },
  { dimension: 'Kostnadsställe', code: '300', name: 'Produktion' },
  { dimension: 'Projekt', code: 'P-2401', name: 'Ombyggnad Storgatan 12' },
  { dimension: 'Projekt', code: 'P-2402', name: 'Underhåll Hamnen' },
];

const row = (account: string, debit: number, credit: number, costCentre?: string): Item => ({ account, debit, credit, ...(costCentre ? { costCentre } : {}) });

function vouchers(company: CompanyState): Item[] {
  const k = 1 + company.position / 10;
  const sale = Math.round(10_000 * k);
  const purchase = Math.round(4_000 * k);
  const rent = Math.round(15_000 * k);
  const salary = Math.round(38_000 * k);
  return [
    { series: 'A', number: 1, date: '2024-01-05', text: `Kundfaktura 1001 ${CUSTOMERS[0]}`, rows: [row('1510', sale * 1.25, 0), row('3001', 0, sale, '200'), row('2611', 0, sale * 0.25)] },
    { series: 'A', number: 2, date: '2024-01-12', text: `Leverantörsfaktura ${SUPPLIERS[2]}`, rows: [row('4010', purchase, 0, '300'), row('2641', purchase * 0.25, 0), row('2440', 0, purchase * 1.25)] },
    { series: 'A', number: 3, date: '2024-01-31', text: 'Lokalhyra januari', rows: [row('5010', rent, 0, '100'), row('1930', 0, rent)] },
    { series: 'L', number: 1, date: '2024-01-25', text: 'Löner januari', rows: [row('7210', salary, 0, '100'), row('2710', 0, Math.round(salary * 0.3)), row('1930', 0, salary - Math.round(salary * 0.3))] },
    { series: 'A', number: 4, date: '2024-02-02', text: `Inbetalning kundfaktura 1001`, rows: [row('1930', sale * 1.25, 0), row('1510', 0, sale * 1.25)] },
  ];
}

const inRange = (item: Item, from: string | null, to: string | null): boolean => {
  const date = String(item['date']);
  return (!from || date >= from) && (!to || date <= to);
};

/** The dataset for one company; vouchers honour the optional from/to dates (YYYY-MM-DD). */
export function dataset(company: CompanyState, name: Dataset, query: URLSearchParams, params: { from: string; to: string }): Item[] {
  switch (name) {
    case 'accounts':
      return [...ACCOUNTS];
    case 'customers':
      return CUSTOMERS.map((customer, i) => ({ customerId: `K${1001 + i}`, name: customer, orgNumber: orgNumber(100 + company.position, i) }));
    case 'suppliers':
      return SUPPLIERS.map((supplier, i) => ({ supplierId: `L${2001 + i}`, name: supplier, orgNumber: orgNumber(200 + company.position, i) }));
    case 'dimensions':
      return [...DIMENSIONS];
    case 'vouchers':
      return vouchers(company).filter((item) => inRange(item, query.get(params.from), query.get(params.to)));
  }
}
