/**
 * Named demo customers. Each scenario is its own API user with its own company, so one simulator serves
 * all of them at once (tests, the demo mode and support training pick a scenario by its credentials).
 * Business IDs are invented but carry a correct check digit.
 */

import type { SimulatorFault } from './state';

/** Every read resource the simulator serves; rights are kept per customer, company and resource. */
export const SIMULATED_RESOURCES = [
  'accountlist.nv',
  'accountingledger.nv',
  'accountingperiodlist.nv',
  'vouchertypelist.nv',
  'dimensionlist.nv',
  'accountbalance.nv',
  'customerlist.nv',
  'getvendor.nv',
  'salesinvoicelist.nv',
  'purchaseinvoicelist.nv',
] as const;

export interface ScenarioSpec {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly customerId: string;
  /** The key the simulator holds for this API user. */
  readonly customerKey: string;
  /** The key handed out as demo credentials, when it deliberately differs (wrong-keys). */
  readonly demoCustomerKey?: string;
  readonly businessId: string;
  readonly companyName: string;
  /** Resources not allowed for the integration in Rights of interface resources. */
  readonly blocked?: ReadonlyArray<string>;
  /** Resources whose Netvisor module is not in the company's plan. */
  readonly modulesMissing?: ReadonlyArray<string>;
  /** False: the plan (e.g. Basic, Starter) has no web-service interface at all. */
  readonly apiInPlan?: boolean;
  /** False: this customer's Netvisor environment does not know the partner (e.g. test keys on production). */
  readonly partnerKnown?: boolean;
  /** The simulator's clock for this customer runs this far ahead of the real one. */
  readonly clockOffsetMs?: number;
  /** The Business ID handed out as demo credentials, when it deliberately differs (another company's). */
  readonly demoBusinessId?: string;
  /**
   * How every request of this customer misbehaves once its MAC checks out (maintenance, a proxy's page, a
   * dropped connection…): a standing version of the one-shot faults tests queue with failNext.
   */
  readonly fault?: SimulatorFault;
}

export const SCENARIOS: ReadonlyArray<ScenarioSpec> = [
  {
    id: 'healthy',
    title: 'Healthy company',
    description: 'Everything is set up: keys valid, every Exopen resource allowed.',
    customerId: 'demo-healthy',
    customerKey: 'demo-key-healthy-4b1f',
    businessId: '1618033-3',
    companyName: 'Kultainen Leikkaus Oy',
  },
  {
    id: 'two-blocked',
    title: 'Two resources blocked',
    description: 'Accounting ledger and sales invoice list are not allowed for Exopen in Rights of interface resources.',
    customerId: 'demo-two-blocked',
    customerKey: 'demo-key-blocked-93c2',
    businessId: '1414213-0',
    companyName: 'Neliöjuuri Oy',
    blocked: ['accountingledger.nv', 'salesinvoicelist.nv'],
  },
  {
    id: 'no-api',
    title: 'API not in the plan',
    description: "The company's Netvisor plan does not include the web-service interface: every resource is refused.",
    customerId: 'demo-no-api',
    customerKey: 'demo-key-noapi-18aa',
    businessId: '1732050-2',
    companyName: 'Perustaso Oy',
    apiInPlan: false,
  },
  {
    id: 'wrong-keys',
    title: 'Wrong API key',
    description: 'The API key given does not belong to the API user ID (a typo or an old key).',
    customerId: 'demo-wrong-keys',
    customerKey: 'demo-key-wrong-real-5e77',
    demoCustomerKey: 'demo-key-wrong-typo-5e71',
    businessId: '2236067-2',
    companyName: 'Avainhukka Oy',
  },
  {
    id: 'unknown-partner',
    title: 'Unknown partner',
    description: "This Netvisor environment does not know Exopen's partner ID (for example test keys used on production).",
    customerId: 'demo-unknown-partner',
    customerKey: 'demo-key-partner-c0de',
    businessId: '2645751-9',
    companyName: 'Väärä Ympäristö Oy',
    partnerKnown: false,
  },
  {
    id: 'clock-skew',
    title: 'Computer clock off',
    description: "Netvisor's clock is 17 minutes ahead of this computer's, so the request timestamp is rejected.",
    customerId: 'demo-clock-skew',
    customerKey: 'demo-key-clock-0917',
    businessId: '3316624-2',
    companyName: 'Kelloseppä Oy',
    clockOffsetMs: 17 * 60_000,
  },
  {
    id: 'module-missing',
    title: 'Purchase module not in the plan',
    description: 'The purchase invoice module is not in use, so purchase invoices cannot be read; everything else works.',
    customerId: 'demo-module-missing',
    customerKey: 'demo-key-module-77b0',
    businessId: '2449489-3',
    companyName: 'Myyntipainotteinen Oy',
    modulesMissing: ['purchaseinvoicelist.nv'],
  },
  {
    id: 'no-rights-yet',
    title: 'No resources allowed yet',
    description: 'The API user exists but no resource has been allowed for Exopen (Netvisor blocks all by default).',
    customerId: 'demo-no-rights',
    customerKey: 'demo-key-norights-2d4e',
    businessId: '2828427-9',
    companyName: 'Vastaperustettu Oy',
    blocked: [...SIMULATED_RESOURCES],
  },
  {
    id: 'other-business-id',
    title: "Another company's Business ID",
    description: "The keys are right, but the Business ID given is another company's: the API user has no access to that organisation.",
    customerId: 'demo-other-business-id',
    customerKey: 'demo-key-otherid-41c3',
    businessId: '3605551-3',
    demoBusinessId: '1414213-0',
    companyName: 'Oikea Yritys Oy',
  },
  {
    id: 'request-not-unique',
    title: 'Request answered as a repeat',
    description: 'Netvisor answers REQUEST_NOT_UNIQUE to every request, as it does when a proxy or a retry resends one with the same TransactionId.',
    customerId: 'demo-not-unique',
    customerKey: 'demo-key-notunique-6a21',
    businessId: '1234567-1',
    companyName: 'Toistuva Oy',
    fault: { kind: 'error', code: 'REQUEST_NOT_UNIQUE', text: 'Tapahtumatunnus on jo käytetty. Tunnuksen on vaihduttava joka pyynnössä' },
  },
  {
    id: 'mac-url',
    title: 'Address changed on the way',
    description: 'A proxy rewrites the request address, so the MAC Netvisor computes differs: AUTHENTICATION_FAILED naming the URI.',
    customerId: 'demo-mac-url',
    customerKey: 'demo-key-macurl-0b5e',
    businessId: '7654321-2',
    companyName: 'Välityspalvelin Oy',
    fault: {
      kind: 'error',
      code: 'AUTHENTICATION_FAILED',
      text: 'URI-metodi ei kelpaa, katso dokumentaatio. Käytä MAC-tiivisteen laskentaan merkkijonoa: https://integration.netvisor.fi/accountingperiodlist.nv&… :: 0A1B',
    },
  },
  {
    id: 'maintenance',
    title: 'Netvisor in maintenance',
    description: 'Netvisor answers SYSTEM_MAINTANANCE (its own spelling) to every request during a service break.',
    customerId: 'demo-maintenance',
    customerKey: 'demo-key-maint-3f90',
    businessId: '1111112-8',
    companyName: 'Huoltokatko Oy',
    fault: { kind: 'error', code: 'SYSTEM_MAINTANANCE', text: 'Järjestelmä on huollossa' },
  },
  {
    id: 'proxy-page',
    title: "A proxy's sign-in page",
    description: "A company proxy answers with its own web page instead of passing the request to Netvisor.",
    customerId: 'demo-proxy-page',
    customerKey: 'demo-key-proxy-8d2c',
    businessId: '2222222-9',
    companyName: 'Palomuuri Oy',
    fault: { kind: 'malformed', body: '<html><head><title>Sign in</title></head><body>Please sign in to the proxy</body></html>' },
  },
  {
    id: 'connection-dropped',
    title: 'Connection cut',
    description: 'Something between this computer and Netvisor (a firewall, a proxy) closes every connection before an answer arrives.',
    customerId: 'demo-dropped',
    customerKey: 'demo-key-dropped-c4a7',
    businessId: '3333333-8',
    companyName: 'Katkos Oy',
    fault: { kind: 'drop' },
  },
];
