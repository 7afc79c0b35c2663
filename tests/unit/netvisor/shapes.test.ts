/**
 * The simulator speaks Netvisor's shapes. Each answer is parsed here with an XML parser of its own (not the
 * connector's) and read through a schema written from Netvisor's documentation and public clients:
 * - getvendor.nv: the "Get vendor" response table (Vendor > NetvisorKey, VendorBaseInformation, …) and a
 *   public TypeScript client's parser (VendorContactDetails, VendorAdditionalInformation);
 * - accountbalance.nv: the "Get account balances" table (AccountBalances > Account[@netvisorkey] > AccountBalance[@date]);
 * - vouchertypelist.nv: the "Get voucher types" table (DefaultVoucherTypes with its seven children);
 * - accountlist.nv / accountingperiodlist.nv / accountingledger.nv: a public Python client's fixtures
 *   (22 CompanyDefaultAccounts, three lock dates in PeriodLockInformation, VoucherNetvisorURI on vouchers).
 * Then the connector's own reader (records.ts) counts the rows of those real-shaped answers.
 */
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NetvisorClient } from '../../../main/connectors/netvisor/client';
import { parseEnvelope } from '../../../main/connectors/netvisor/envelope';
import { NetvisorParseError } from '../../../main/connectors/netvisor/errors';
import { authHeaders } from '../../../main/connectors/netvisor/headers';
import { countRecords } from '../../../main/connectors/netvisor/records';
import { findResource, NETVISOR_RESOURCES } from '../../../main/connectors/netvisor/resources';
import { LocalSigner } from '../../../main/connectors/netvisor/signer';
import { startNetvisorSimulator, type NetvisorSimulator } from '../../../main/connectors/netvisor/sandbox';
import { netvisorRunner } from '../../../main/connectors/netvisor/sandbox/runner';
import type { RunUpdate } from '../../../main/sandbox/exopen';
import { scenario } from './helpers';

let simulator: NetvisorSimulator;
beforeAll(async () => {
  simulator = await startNetvisorSimulator();
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

const signer = () => new LocalSigner(simulator.partner.partnerId, simulator.partner.partnerKey);

async function rawGet(pathAndQuery: string, expectedStatus = 200): Promise<string> {
  const { credentials } = scenario(simulator, 'healthy');
  const url = `${simulator.url}/${pathAndQuery}`;
  const headers = await authHeaders(url, { customerId: credentials.customerId, customerKey: credentials.customerKey, organisationId: credentials.businessId, signer: signer() }, Date.now());
  const response = await fetch(url, { headers });
  expect(response.status).toBe(expectedStatus);
  return response.text();
}

/** Elements that repeat in Netvisor's answers always parse as arrays here, so the schemas can be exact. */
const REPEATED = new Set(['Vendor', 'Account', 'AccountBalance', 'VoucherType', 'Voucher', 'VoucherLine', 'Period', 'Dimension', 'VendorDomesticBankAccount']);
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, parseAttributeValue: false, isArray: (name) => REPEATED.has(name) });
const rootOf = (body: string): Record<string, unknown> => (xml.parse(body) as { Root: Record<string, unknown> }).Root;

const numeric = z.string().regex(/^\d+$/, 'a Netvisor key (digits)');
const decimalComma = z.string().regex(/^-?\d+(,\d+)?$/, 'a number with a decimal comma');
const finnishAnsiDate = z.object({ '#text': z.string().regex(/^\d{1,2}\.\d{1,2}\.\d{4}$/), '@format': z.literal('ansi') });

const issues = (result: { success: boolean; error?: z.ZodError }) =>
  result.success ? [] : result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe('Netvisor shapes: getvendor.nv', () => {
  const vendor = z.object({
    NetvisorKey: numeric,
    VendorBaseInformation: z.object({
      Code: z.string().optional(),
      Name: z.string().min(1),
      Address: z.string().optional(),
      PostCode: z.string().optional(),
      City: z.string().optional(),
      Country: z.object({ '#text': z.string().length(2), '@type': z.literal('ISO-3166') }).optional(),
      OrganizationId: z.string().optional(),
      GroupName: z.string().optional(),
    }),
    VendorContactDetails: z.record(z.string(), z.string()).optional(),
    VendorAdditionalInformation: z.object({ DefaultVatPercent: decimalComma, PaymentTerm: numeric.optional() }),
  });

  it('lists vendors under <Vendors>, each nested in VendorBaseInformation and VendorAdditionalInformation', async () => {
    const root = rootOf(await rawGet('getvendor.nv?changedsince=2024-01-01'));
    const parsed = z.object({ Vendors: z.object({ Vendor: z.array(vendor).min(1) }) }).safeParse(root);
    expect(issues(parsed)).toEqual([]);
    // Nothing of the vendor's own data sits directly in <Vendor> (the flat shape Netvisor never sends).
    for (const row of parsed.data!.Vendors.Vendor) expect(Object.keys(row).filter((key) => !/^Netvisor|^Vendor/.test(key))).toEqual([]);
  });

  it('answers one netvisorkey with a single <Vendor> root, an unknown one with INVALID_DATA', async () => {
    const root = rootOf(await rawGet('getvendor.nv?netvisorkey=301'));
    expect(issues(z.object({ Vendor: z.array(vendor).length(1) }).safeParse(root))).toEqual([]);
    const missing = parseEnvelope(await rawGet('getvendor.nv?netvisorkey=999', 400));
    expect(missing.ok ? 'OK' : missing.error.verbatim).toMatch(/^INVALID_DATA :: .*999/);
  });
});

describe('Netvisor shapes: accountbalance.nv', () => {
  it('wraps the accounts in <AccountBalances>, one <AccountBalance date> per asked date, Balance = Debet − Kredit', async () => {
    const root = rootOf(await rawGet('accountbalance.nv?balancedates=2024-09-01,2024-09-30'));
    const schema = z
      .object({
        AccountBalances: z.object({
          Account: z
            .array(
              z.object({
                '@netvisorkey': numeric,
                AccountBalance: z.array(z.object({ '@date': z.string().regex(/^\d{4}-\d{2}-\d{2}$/), Debet: decimalComma, Kredit: decimalComma, Balance: decimalComma })).length(2),
              }),
            )
            .min(1),
        }),
      })
      .refine((value) => !('AccountBalance' in value), 'no <AccountBalance> directly under <Root>');
    const parsed = schema.safeParse(root);
    expect(issues(parsed)).toEqual([]);
    const value = (text: string) => Number(text.replace(',', '.'));
    for (const account of parsed.data!.AccountBalances.Account) {
      expect(account.AccountBalance.map((row) => row['@date'])).toEqual(['2024-09-01', '2024-09-30']);
      for (const row of account.AccountBalance) expect(value(row.Balance)).toBeCloseTo(value(row.Debet) - value(row.Kredit), 2);
    }
  });
});

describe('Netvisor shapes: vouchertypelist.nv', () => {
  const SEVEN = ['SalesInvoices', 'SalesInvoicePayments', 'PurchaseInvoices', 'PurchaseInvoicePayments', 'OtherSystemGeneratedVouchers', 'BankStatementViewVouchers', 'Accruals'];

  it('gives all seven default voucher types, each pointing to a listed voucher type', async () => {
    const root = rootOf(await rawGet('vouchertypelist.nv'));
    // The response table spells the key NetvisorKey or Netvisorkey; accept either.
    const keyed = z.record(z.string(), z.string()).refine((entry) => Object.keys(entry).some((key) => key.toLowerCase() === 'netvisorkey'), 'has a NetvisorKey');
    const schema = z.object({
      VoucherTypeList: z.object({
        DefaultVoucherTypes: z.object(Object.fromEntries(SEVEN.map((name) => [name, keyed]))),
        VoucherTypes: z.object({ VoucherType: z.array(z.object({ NetvisorKey: numeric, Abbreviation: z.string().min(1), Name: z.string().min(1) })).min(1) }),
      }),
    });
    const parsed = schema.safeParse(root);
    expect(issues(parsed)).toEqual([]);
    const list = parsed.data!.VoucherTypeList;
    expect(Object.keys(list.DefaultVoucherTypes)).toEqual(SEVEN);
    const known = new Set(list.VoucherTypes.VoucherType.map((type) => type.NetvisorKey));
    for (const name of SEVEN) expect(known.has(Object.values(list.DefaultVoucherTypes[name]!)[0]!)).toBe(true);
  });
});

describe('Netvisor shapes: default accounts, lock dates, ledger', () => {
  const DEFAULT_ACCOUNTS = [
    'TradePayables', 'PurchaseVATReceivable', 'RoundingOffDifference', 'VATpayable', 'TaxAccount', 'AdvancePayments', 'SalesReceivables',
    'SalesVATDebt', 'Inventory', 'SalesDiscount', 'SalesExchangeRateDifferences', 'Collection', 'PurchasesDiscounts',
    'PurchasesExchangeRateDifferences', 'PurchaseInvoiceAccrual', 'SalesInvoiceAccrual', 'PurchaseDomesticDefault', 'PurchaseEUDefault',
    'PurchaseOutsideEUDefault', 'SalesDomesticDefault', 'SalesEUDefault', 'SalesOutsideEUDefault',
  ];

  it('accountlist.nv carries all 22 company default accounts, each an account of the chart', async () => {
    const root = rootOf(await rawGet('accountlist.nv'));
    const schema = z.object({
      AccountList: z.object({
        CompanyDefaultAccounts: z.object(Object.fromEntries(DEFAULT_ACCOUNTS.map((name) => [name, z.string().regex(/^\d{3,6}$/)]))),
        Accounts: z.object({ Account: z.array(z.object({ NetvisorKey: numeric, Number: z.string(), Name: z.string(), AccountType: z.enum(['account', 'accountgroup']) })).min(1) }),
      }),
    });
    const parsed = schema.safeParse(root);
    expect(issues(parsed)).toEqual([]);
    const list = parsed.data!.AccountList;
    expect(Object.keys(list.CompanyDefaultAccounts)).toEqual(DEFAULT_ACCOUNTS);
    const numbers = new Set(list.Accounts.Account.map((account) => account.Number));
    expect(Object.values(list.CompanyDefaultAccounts).filter((number) => !numbers.has(number))).toEqual([]);
  });

  it('accountingperiodlist.nv carries the three lock dates in PeriodLockInformation', async () => {
    const root = rootOf(await rawGet('accountingperiodlist.nv'));
    const schema = z.object({
      AccountingPeriodList: z.object({
        PeriodLockInformation: z.object({ AccountingPeriodLockDate: finnishAnsiDate, VatPeriodLockDate: finnishAnsiDate, PurchaseLockDate: finnishAnsiDate }),
        Period: z.array(z.object({ NetvisorKey: numeric, Name: z.string(), BeginDate: finnishAnsiDate, EndDate: finnishAnsiDate })).min(1),
      }),
    });
    expect(issues(schema.safeParse(root))).toEqual([]);
  });

  it('accountingledger.nv vouchers carry VoucherNetvisorURI, in the documented element order', async () => {
    const body = await rawGet('accountingledger.nv?startdate=2024-01-01&enddate=2024-01-31');
    const line = z.object({ NetvisorKey: numeric, LineSum: decimalComma, Description: z.string(), AccountNumber: z.string(), VatPercent: z.string(), VatCode: z.string() });
    const voucher = z.object({
      '@Status': z.enum(['valid', 'invalidated', 'deleted']),
      NetvisorKey: numeric,
      VoucherDate: z.string().regex(/^\d{1,2}\.\d{1,2}\.\d{4}$/),
      VoucherNumber: numeric,
      VoucherDescription: z.string(),
      VoucherClass: z.string(),
      LinkedSourceNetvisorKey: z.object({ '#text': numeric, '@type': z.enum(['salesinvoice', 'purchaseinvoice']) }),
      VoucherNetvisorURI: z.string().min(1),
      VoucherLine: z.array(line).min(1),
    });
    const parsed = z.object({ Vouchers: z.object({ Voucher: z.array(voucher).min(1) }) }).safeParse(rootOf(body));
    expect(issues(parsed)).toEqual([]);
    // Netvisor asks for DTD order: the URI follows LinkedSourceNetvisorKey and precedes the lines.
    const order = [...body.matchAll(/<(LinkedSourceNetvisorKey|VoucherNetvisorURI|VoucherLine)\b/g)].slice(0, 3).map((match) => match[1]);
    expect(order).toEqual(['LinkedSourceNetvisorKey', 'VoucherNetvisorURI', 'VoucherLine']);
  });
});

describe('the connector reads the real-shaped answers', () => {
  it('counts the records of every resource it probes, by the documented container', async () => {
    const { credentials } = scenario(simulator, 'healthy');
    const client = new NetvisorClient({ baseUrl: simulator.url, customerId: credentials.customerId, customerKey: credentials.customerKey, organisationId: credentials.businessId, signer: signer() });
    const counts: Record<string, number> = {};
    for (const resource of NETVISOR_RESOURCES) {
      const reply = await client.get(resource.path, resource.probe(new Date(Date.UTC(2024, 0, 31))));
      counts[resource.path] = countRecords(resource, reply.data);
    }
    expect(counts).toMatchObject({
      'accountlist.nv': 27,
      'accountingperiodlist.nv': 2,
      'vouchertypelist.nv': 8,
      'dimensionlist.nv': 2,
      'accountbalance.nv': 2,
      'customerlist.nv': 3,
      'getvendor.nv': 2,
    });
    expect(counts['accountingledger.nv']).toBeGreaterThan(0);
  });

  it('the sandbox data run reads every resource and reports its rows', async () => {
    const { credentials } = scenario(simulator, 'healthy');
    const updates: RunUpdate[] = [];
    const run = netvisorRunner(simulator.url, simulator.partner);
    const dataSource = { id: 'ds-1', system: 'netvisor' as const, settings: { environment: 'sandbox', customerId: credentials.customerId, businessId: credentials.businessId }, companies: [] };
    await run(dataSource, { customerKey: credentials.customerKey }, (update) => updates.push(update), new AbortController().signal);
    const done = Object.fromEntries(updates.filter((update) => update.status === 'done').map((update) => [update.resource, update.rows]));
    expect(updates.filter((update) => update.status === 'failed')).toEqual([]);
    expect(done).toMatchObject({ 'accountbalance.nv': 2, 'getvendor.nv': 2, 'vouchertypelist.nv': 8, 'accountlist.nv': 27 });
  });

  it('counts vouchers, not their lines, and an empty <Vendors /> as none', () => {
    const ledger = parseEnvelope(
      '<Root><ResponseStatus><Status>OK</Status><TimeStamp>1.1.2024 12:00:00</TimeStamp></ResponseStatus><Vouchers><Voucher Status="valid"><NetvisorKey>1</NetvisorKey>' +
        '<VoucherLine><NetvisorKey>11</NetvisorKey></VoucherLine><VoucherLine><NetvisorKey>12</NetvisorKey></VoucherLine><VoucherLine><NetvisorKey>13</NetvisorKey></VoucherLine>' +
        '</Voucher></Vouchers></Root>',
    );
    expect(ledger.ok && countRecords(findResource('accountingledger')!, ledger.data)).toBe(1);
    const none = parseEnvelope('<Root><ResponseStatus><Status>OK</Status></ResponseStatus><Vendors /></Root>');
    expect(none.ok && countRecords(findResource('getvendor')!, none.data)).toBe(0);
  });

  it('an answer without the documented container is a typed parse error naming it', () => {
    const flat = parseEnvelope('<Root><ResponseStatus><Status>OK</Status></ResponseStatus><AccountBalance><Account netvisorkey="4" /></AccountBalance></Root>');
    expect(flat.ok).toBe(true);
    let caught: unknown;
    try {
      countRecords(findResource('accountbalance')!, flat.ok ? flat.data : {});
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NetvisorParseError);
    expect((caught as NetvisorParseError).problem).toBe('unexpected-shape');
    expect((caught as NetvisorParseError).detail).toBe('the accountbalance.nv answer has no <AccountBalances>');
  });
});
