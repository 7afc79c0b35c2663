/**
 * The simulator's mutable world: API users, their companies and the rights of interface resources per
 * customer, company and resource; the TransactionIds already used; who has a request in flight; and
 * one-shot faults queued by tests or the demo.
 */
import { SCENARIOS, SIMULATED_RESOURCES, type ScenarioSpec } from './scenarios';
import { SimulatorInputError } from '../../../sandbox/shared/input';

/** A one-shot misbehaviour for the next request of one customer. */
export type SimulatorFault =
  /** Answer FAILED with this raw code (e.g. SYSTEM_MAINTANANCE) and text. */
  | { readonly kind: 'error'; readonly code: string; readonly text: string }
  /** Answer 200 with this body instead of an envelope (HTML from a proxy, truncated XML). */
  | { readonly kind: 'malformed'; readonly body: string }
  /** Close the connection without an answer. */
  | { readonly kind: 'drop' }
  /** Never answer (the client's timeout must fire). */
  | { readonly kind: 'hang' };

export interface CompanyState {
  readonly businessId: string;
  readonly name: string;
  readonly apiInPlan: boolean;
  readonly modulesMissing: ReadonlySet<string>;
  readonly rights: Map<string, boolean>;
}

export interface CustomerState {
  readonly customerId: string;
  readonly customerKey: string;
  readonly partnerKnown: boolean;
  readonly clockOffsetMs: number;
  readonly companies: Map<string, CompanyState>;
  busy: boolean;
  readonly faults: SimulatorFault[];
  /** The scenario's misbehaviour for every request once no one-shot fault is queued. */
  readonly standingFault?: SimulatorFault;
}

export { SimulatorInputError };

// UNCERTAIN whether Netvisor checks TransactionId uniqueness per partner or globally; per partner here.
const MAX_REMEMBERED_TRANSACTIONS = 100_000;

function customerFrom(spec: ScenarioSpec): CustomerState {
  const blocked = new Set(spec.blocked ?? []);
  const rights = new Map<string, boolean>(SIMULATED_RESOURCES.map((resource) => [resource, !blocked.has(resource)]));
  const company: CompanyState = {
    businessId: spec.businessId,
    name: spec.companyName,
    apiInPlan: spec.apiInPlan ?? true,
    modulesMissing: new Set(spec.modulesMissing ?? []),
    rights,
  };
  return {
    customerId: spec.customerId,
    customerKey: spec.customerKey,
    partnerKnown: spec.partnerKnown ?? true,
    clockOffsetMs: spec.clockOffsetMs ?? 0,
    companies: new Map([[company.businessId, company]]),
    busy: false,
    faults: [],
    ...(spec.fault ? { standingFault: spec.fault } : {}),
  };
}

export class SimulatorState {
  readonly customers = new Map<string, CustomerState>();
  readonly #transactions = new Map<string, Set<string>>();

  constructor() {
    this.reset();
  }

  reset(): void {
    this.customers.clear();
    this.#transactions.clear();
    for (const spec of SCENARIOS) this.customers.set(spec.customerId, customerFrom(spec));
  }

  customer(customerId: string): CustomerState {
    const customer = this.customers.get(customerId);
    if (!customer) throw new SimulatorInputError(`unknown customerId "${customerId}"; use one of the scenario customers`);
    return customer;
  }

  setRight(customerId: string, resource: string, allowed: boolean, businessId?: string): void {
    const customer = this.customer(customerId);
    const path = resource.trim().toLowerCase();
    if (!(SIMULATED_RESOURCES as ReadonlyArray<string>).includes(path)) {
      throw new SimulatorInputError(`unknown resource "${resource}"; use one of ${SIMULATED_RESOURCES.join(', ')}`);
    }
    const companies = businessId ? [customer.companies.get(businessId)] : [...customer.companies.values()];
    if (companies.some((company) => company === undefined)) {
      throw new SimulatorInputError(`customer "${customerId}" has no company with Business ID "${businessId}"`);
    }
    for (const company of companies) company?.rights.set(path, allowed);
  }

  /** False when this partner already used the TransactionId (REQUEST_NOT_UNIQUE). */
  rememberTransaction(partnerId: string, transactionId: string): boolean {
    let seen = this.#transactions.get(partnerId);
    if (!seen) this.#transactions.set(partnerId, (seen = new Set()));
    if (seen.has(transactionId)) return false;
    if (seen.size >= MAX_REMEMBERED_TRANSACTIONS) {
      const oldest = seen.values().next().value;
      if (oldest !== undefined) seen.delete(oldest);
    }
    seen.add(transactionId);
    return true;
  }
}
