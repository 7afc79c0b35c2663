/**
 * The simulator's mutable world: installations (one per scenario domain), their API user, companies, the
 * Exopen integration and which companies it is enabled for, a revision counter and change log per company,
 * and companies told to fail.
 */
import type { RevisionBody } from '../assumedApi';
import { companyId, companyName, orgNumber } from './companies';
import { SCENARIOS, type ScenarioSpec, type UserState } from './scenarios';
import { SimulatorInputError } from '../../../sandbox/shared/input';

export interface CompanyState {
  readonly id: string;
  readonly name: string;
  readonly orgNumber: string;
  readonly active: boolean;
  /** 1-based position, for the fixtures' per-company variation. */
  readonly position: number;
  integrationEnabled: boolean;
  failing: boolean;
  /** Every change bumps this, whether or not the integration passes it on. */
  revision: number;
  /** Changes the integration delivered (only while enabled). */
  readonly delivered: RevisionBody[];
}

export interface InstallationState {
  readonly domain: string;
  readonly username: string;
  readonly password: string;
  readonly user: UserState;
  readonly integrationId: string;
  readonly companies: Map<string, CompanyState>;
  readonly dropConnections: boolean;
}

export { SimulatorInputError };

const ENTITY_TYPES: ReadonlyArray<RevisionBody['entityType']> = ['voucher', 'customer', 'supplier', 'dimension', 'account'];
/** Each company starts with this much history, so "since 0" returns something where the integration is on. */
const INITIAL_CHANGES = 3;

function installationFrom(spec: ScenarioSpec, nowMs: number): InstallationState {
  const companies = new Map<string, CompanyState>();
  for (let position = 1; position <= spec.companyCount; position++) {
    const company: CompanyState = {
      id: companyId(position),
      name: companyName(spec.seed * 37 + position - 1),
      orgNumber: orgNumber(spec.seed, position),
      active: !spec.inactive?.includes(position),
      position,
      integrationEnabled: !spec.withoutIntegration?.includes(position),
      failing: spec.failing?.includes(position) ?? false,
      revision: 0,
      delivered: [],
    };
    addChanges(company, INITIAL_CHANGES, nowMs);
    companies.set(company.id, company);
  }
  return { domain: spec.domain, username: spec.username, password: spec.password, user: spec.user ?? 'active', integrationId: spec.integrationId, companies, dropConnections: spec.dropConnections ?? false };
}

/** Bookkeeping happened in the company; the integration passes the changes on only if it is enabled now. */
export function addChanges(company: CompanyState, count: number, nowMs: number, entityType?: RevisionBody['entityType']): void {
  for (let i = 0; i < count; i++) {
    company.revision += 1;
    const type = entityType ?? ENTITY_TYPES[company.revision % ENTITY_TYPES.length] ?? 'voucher';
    const change: RevisionBody = { revision: company.revision, entityType: type, entityId: `${type}-${company.revision}`, event: 'Update', changedAt: new Date(nowMs).toISOString() };
    if (company.integrationEnabled) company.delivered.push(change);
  }
}

export class VitecSimulatorState {
  readonly installations = new Map<string, InstallationState>();

  constructor(private readonly clock: () => number) {
    this.reset();
  }

  reset(): void {
    this.installations.clear();
    for (const spec of SCENARIOS) if (spec.installed !== false) this.installations.set(spec.domain, installationFrom(spec, this.clock()));
  }

  installation(domain: string): InstallationState {
    const found = this.installations.get(domain.trim().toLowerCase());
    if (!found) throw new SimulatorInputError(`unknown domain "${domain}"; use one of ${[...this.installations.keys()].join(', ')}`);
    return found;
  }

  company(domain: string, id: string): CompanyState {
    const found = this.installation(domain).companies.get(id);
    if (!found) throw new SimulatorInputError(`domain "${domain}" has no company "${id}"`);
    return found;
  }

  setIntegrationEnabled(domain: string, id: string, on: boolean): void {
    this.company(domain, id).integrationEnabled = on;
  }

  failCompany(domain: string, id: string, on: boolean): void {
    this.company(domain, id).failing = on;
  }

  addChanges(domain: string, id: string, count: number, entityType?: RevisionBody['entityType']): CompanyState {
    const company = this.company(domain, id);
    addChanges(company, count, this.clock(), entityType);
    return company;
  }
}
