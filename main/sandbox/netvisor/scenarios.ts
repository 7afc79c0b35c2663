/**
 * Named demo customers. Each scenario is its own API user with its own company, so one simulator serves
 * all of them at once (tests, the demo mode and support training pick a scenario by its credentials).
 * Business IDs are invented but carry a correct check digit.
 */

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
];
