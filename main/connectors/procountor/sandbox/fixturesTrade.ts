/**
 * Invoices, business partners, products and attachments with the JSON shapes of Procountor's OpenAPI
 * (InvoiceBasicInfo, BusinessPartner search results, Product, Document) and synthetic values.
 */
import { BOOKKEEPER_ID } from './fixturesAccounting';
import { DAY_MS, isoDate, isoDateTime, startOfDay } from './dates';

export interface Partner {
  readonly id: number;
  readonly type: 'CUSTOMER' | 'SUPPLIER';
  readonly name: string;
  readonly businessId: string;
  readonly city: string;
}

export const PARTNERS: ReadonlyArray<Partner> = [
  { id: 301, type: 'CUSTOMER', name: 'Asiakas Alfa Oy', businessId: '3605551-3', city: 'Helsinki' },
  { id: 302, type: 'CUSTOMER', name: 'Beta Kauppa Oy', businessId: '1259921-7', city: 'Tampere' },
  { id: 303, type: 'CUSTOMER', name: 'Gamma Palvelut Oy', businessId: '1442249-0', city: 'Turku' },
  { id: 304, type: 'CUSTOMER', name: 'Delta Rakennus Oy', businessId: '1587401-8', city: 'Oulu' },
  { id: 305, type: 'SUPPLIER', name: 'Toimittaja Epsilon Oy', businessId: '1618033-3', city: 'Espoo' },
  { id: 306, type: 'SUPPLIER', name: 'Zeta Tarvike Oy', businessId: '1414213-0', city: 'Vantaa' },
  { id: 307, type: 'SUPPLIER', name: 'Eta Energia Oy', businessId: '2449489-3', city: 'Jyväskylä' },
];

export const businessPartner = (partner: Partner, todayMs: number) => ({
  id: partner.id,
  name: partner.name,
  type: partner.type,
  billingAddress: { name: partner.name, street: 'Esimerkkikatu 1', zip: '00100', city: partner.city, country: 'FINLAND' },
  invoicingInfo: { identifier: partner.businessId, identifierType: 'FI', customerNumber: String(partner.id) },
  registryInfo: { active: true },
  version: isoDateTime(startOfDay(todayMs) - 90 * DAY_MS),
});

export interface Invoice {
  readonly id: number;
  readonly type: 'SALES_INVOICE' | 'PURCHASE_INVOICE';
  readonly date: string;
  readonly body: Readonly<Record<string, unknown>>;
  readonly createdBy: number;
}

/** `count` invoices of one type, one every 11 days back from today. */
export function invoices(type: Invoice['type'], todayMs: number, count: number): ReadonlyArray<Invoice> {
  const parties = PARTNERS.filter((partner) => partner.type === (type === 'SALES_INVOICE' ? 'CUSTOMER' : 'SUPPLIER'));
  const today = startOfDay(todayMs);
  return Array.from({ length: count }, (_, index) => {
    const day = today - index * 11 * DAY_MS;
    const partner = parties[index % parties.length]!;
    const id = (type === 'SALES_INVOICE' ? 50_000 : 60_000) + count - index;
    const net = Math.round((800 + index * 137.5) * 100) / 100;
    const vat = Math.round(net * 25.5) / 100;
    return {
      id,
      type,
      date: isoDate(day),
      createdBy: BOOKKEEPER_ID,
      body: {
        id,
        partnerId: partner.id,
        type,
        status: index < 2 ? 'SENT' : 'PAID',
        invoiceNumber: id - (type === 'SALES_INVOICE' ? 40_000 : 50_000),
        date: isoDate(day),
        dueDate: isoDate(day + 14 * DAY_MS),
        created: isoDateTime(day + 8 * 3_600_000),
        version: isoDateTime(day + 8 * 3_600_000),
        invoiceSumInfo: [{ currency: 'EUR', excludingVatTotal: net, vatSumTotal: vat, invoiceSumTotal: Math.round((net + vat) * 100) / 100 }],
        counterParty: {
          identifier: partner.businessId,
          counterPartyAddress: { name: partner.name, street: 'Esimerkkikatu 1', zip: '00100', city: partner.city, country: 'FINLAND' },
        },
      },
    };
  });
}

/**
 * Products as Procountor's OpenAPI (26.04) describes `Product`: `type`, `name`, `discount`, `price`, `active`
 * and `currency` are required; `unit` is one of its enum values.
 */
export const PRODUCTS = [
  { id: 701, type: 'SALES', name: 'Konsultointi', code: 'KONS', unit: 'HOUR', discount: 0, price: 120, vat: 25.5, active: true, currency: 'EUR' },
  { id: 702, type: 'SALES', name: 'Ylläpitosopimus', code: 'YLL', unit: 'MONTH', discount: 0, price: 450, vat: 25.5, active: true, currency: 'EUR' },
  { id: 703, type: 'SALES', name: 'Koulutus', code: 'KOUL', unit: 'DAY', discount: 10, price: 980, vat: 25.5, active: true, currency: 'EUR' },
  { id: 704, type: 'PURCHASE', name: 'Toimistotarvikkeet', code: 'TARV', unit: 'PIECE', discount: 0, price: 35, vat: 25.5, active: true, currency: 'EUR' },
  { id: 705, type: 'PURCHASE', name: 'Pilvipalvelu', code: 'PILVI', unit: 'MONTH', discount: 0, price: 89, vat: 25.5, active: false, currency: 'EUR' },
] as const;

/** Invoice images attached to the newest invoices. */
export function attachments(sales: ReadonlyArray<Invoice>, todayMs: number) {
  return sales.slice(0, 5).map((invoice, index) => ({
    attachmentId: 90_000 + index,
    name: `lasku-${String(invoice.body['invoiceNumber'])}.pdf`,
    size: 48_213 + index * 1_024,
    user: 'Kirjanpitäjä',
    referenceId: invoice.id,
    referenceType: 'INVOICE',
    attached: isoDateTime(startOfDay(todayMs) - index * DAY_MS),
  }));
}
