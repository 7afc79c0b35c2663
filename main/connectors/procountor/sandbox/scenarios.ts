/**
 * Named demo customers. Each scenario is its own API user in its own company with its own API key, so one
 * simulator serves all of them at once (tests, the demo mode and support training pick a scenario by its
 * key). Company IDs and user IDs are invented; Business IDs carry a correct check digit.
 */
import type { Level, RightValue } from './rightsModel';

export interface ScenarioSpec {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly company: { readonly id: number; readonly name: string; readonly businessId: string };
  readonly user: { readonly id: number; readonly name: string };
  /** Overrides of the full viewing rights, by right path (`accounting.journalReceipts`). */
  readonly rights?: Readonly<Record<string, RightValue>>;
  /** Documents (document management) in use; default on. */
  readonly documents?: boolean;
  /** `empty`: the company has its chart of accounts and fiscal years but nothing booked or invoiced. */
  readonly data?: 'full' | 'empty';
  /**
   * How the demo key differs from a good one: made for another client, revoked, cut short, its signature
   * damaged, or made by another Procountor server (`issuer`, signed with a secret this server does not have).
   */
  readonly key?: { readonly audience?: string; readonly revoked?: boolean; readonly truncated?: boolean; readonly brokenSignature?: boolean; readonly issuer?: string };
  /** Every connection that presents this key is closed without an answer (a firewall or proxy cutting it). */
  readonly dropConnections?: boolean;
  /** The first N API calls with this key's tokens answer 429. */
  readonly throttleFirst?: number;
  /** Areas (connector row ids) the connector should report as refused or empty. */
  readonly expectMissing?: ReadonlyArray<string>;
  /** For a key swap: the scenario whose company this key is expected to belong to (and does not). */
  readonly swapFor?: string;
}

const NO: Level = 'NO_ACCESS';

export const SCENARIOS: ReadonlyArray<ScenarioSpec> = [
  {
    id: 'healthy',
    title: 'Healthy company',
    description: 'A dedicated API user with viewing rights to the whole company, a key for exopenClient, Documents on.',
    company: { id: 100201, name: 'Aurinkoranta Oy', businessId: '1123581-7' },
    user: { id: 5101, name: 'Exopen API' },
  },
  {
    id: 'no-accounting-rights',
    title: 'API user without accounting rights',
    description: 'The API user may not see journal receipts or the chart of accounts: ledger receipts and chart of accounts are refused.',
    company: { id: 100202, name: 'Rajattu Kirjanpito Oy', businessId: '3141593-8' },
    user: { id: 5102, name: 'Integraatio Käyttäjä' },
    rights: { 'accounting.journalReceipts': NO, 'accounting.journalReceiptSearch': NO, 'management.chartOfAccountsAndDefaultReports': NO },
    expectMissing: ['ledgerReceipts', 'chartOfAccounts'],
  },
  {
    id: 'documents-off',
    title: 'Documents off',
    description: 'Everything works, but Documents is not activated, so invoice images cannot be downloaded.',
    company: { id: 100203, name: 'Paperiton Oy', businessId: '1732051-0' },
    user: { id: 5103, name: 'Exopen API' },
    documents: false,
  },
  {
    id: 'revoked-key',
    title: 'Revoked API key',
    description: 'The key was revoked in Procountor (or its user left the company): the token exchange refuses it.',
    company: { id: 100204, name: 'Vanha Avain Oy', businessId: '2236068-0' },
    user: { id: 5104, name: 'Entinen Käyttäjä' },
    key: { revoked: true },
  },
  {
    id: 'other-company',
    title: 'Key of another company',
    description: "A valid key, but for another company than the healthy scenario's: a key swap for that data source must be refused.",
    company: { id: 100777, name: 'Toinen Yhtiö Oy', businessId: '1414214-9' },
    user: { id: 5177, name: 'Exopen API' },
    swapFor: 'healthy',
  },
  {
    id: 'throttled',
    title: 'Throttled',
    description: 'Procountor answers 429 with Retry-After to the first two API calls; the connector waits and carries on.',
    company: { id: 100205, name: 'Kiireinen Oy', businessId: '2645752-7' },
    user: { id: 5105, name: 'Exopen API' },
    throttleFirst: 2,
  },
  {
    id: 'empty-data',
    title: 'New company, nothing booked',
    description: 'Rights are fine, but there are no ledger receipts or invoices in the last 12 months.',
    company: { id: 100206, name: 'Vastaperustettu Oy', businessId: '3316625-0' },
    user: { id: 5106, name: 'Exopen API' },
    data: 'empty',
    expectMissing: ['ledgerReceipts', 'salesInvoices', 'purchaseInvoices'],
  },
  {
    id: 'personal-only',
    title: 'Personal receipts only',
    description: 'The API user is limited to its own receipts and invoices, so every list answers but comes back empty.',
    company: { id: 100207, name: 'Omat Tositteet Oy', businessId: '2449490-6' },
    user: { id: 5107, name: 'Exopen API' },
    rights: { 'accounting.personalJournalReceiptsOnly': true, 'sales.personalSalesInvoicesOnly': true, 'purchases.personalPurchaseInvoicesOnly': true },
    expectMissing: ['ledgerReceipts', 'salesInvoices', 'purchaseInvoices'],
  },
  {
    id: 'foreign-key',
    title: 'Key made for another integration',
    description: 'The key was created with another client ID than exopenClient.',
    company: { id: 100208, name: 'Väärä Asiakas Oy', businessId: '3605552-1' },
    user: { id: 5108, name: 'Exopen API' },
    key: { audience: 'otherIntegrationClient' },
  },
  {
    id: 'malformed-key',
    title: 'Key copied only in part',
    description: 'Only the beginning of the key was copied.',
    company: { id: 100209, name: 'Puolikas Oy', businessId: '1259922-5' },
    user: { id: 5109, name: 'Exopen API' },
    key: { truncated: true },
  },
  {
    id: 'purchases-not-enabled',
    title: 'Purchases not in the product',
    description: "The company's Procountor product has no purchase invoices; everything else works.",
    company: { id: 100210, name: 'Myyntitalo Oy', businessId: '2718282-8' },
    user: { id: 5110, name: 'Exopen API' },
    rights: { 'purchases.purchaseInvoices': 'NOT_ENABLED', 'purchases.purchaseInvoiceSearch': 'NOT_ENABLED' },
    expectMissing: ['purchaseInvoices'],
  },
  {
    id: 'no-archive-rights',
    title: 'No right to the archive',
    description: 'Documents is on, but the API user has no right to the archive, so invoice images are refused.',
    company: { id: 100211, name: 'Arkisto Kiinni Oy', businessId: '1010101-6' },
    user: { id: 5111, name: 'Exopen API' },
    rights: { 'accounting.archive': NO },
  },
  {
    id: 'invalid-key',
    title: 'Key with a damaged end',
    description: 'The key has the right shape, but its last characters were changed while copying: Procountor calls it invalid.',
    company: { id: 100212, name: 'Kirjoitusvirhe Oy', businessId: '3030303-7' },
    user: { id: 5112, name: 'Exopen API' },
    key: { brokenSignature: true },
  },
  {
    id: 'test-server-key',
    title: 'Key from the test server',
    description: "The key was made on Procountor's public test server (PTS), then used against production.",
    company: { id: 100213, name: 'Testiympäristö Oy', businessId: '1111112-8' },
    user: { id: 5113, name: 'Exopen API' },
    key: { issuer: 'https://pts-api.procountor.com/api' },
  },
  {
    id: 'connection-dropped',
    title: 'Connection cut',
    description: 'Something between this computer and Procountor (a firewall, a proxy) closes the connection before an answer arrives.',
    company: { id: 100214, name: 'Katkos Oy', businessId: '3333333-8' },
    user: { id: 5114, name: 'Exopen API' },
    dropConnections: true,
  },
];
