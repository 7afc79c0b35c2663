/**
 * Typed client of the Exopen backend (openapi/exopen.yaml). Every call goes through one transport with the
 * retry policy (transport.ts); every call that creates or changes something takes an Idempotency-Key from
 * the caller, who keeps it for the logical operation so a retry after a lost response reuses it.
 */
import type { DataSourceConfig } from '../connectors/types';
import { brokerCalls } from './broker-calls';
import type {
  EconomicRelayInput,
  EconomicRelayResponse,
  ExactTokenInput,
  ExactTokens,
  NetvisorSignInput,
  NetvisorSignature,
  ProcountorToken,
  ProcountorTokenInput,
} from './broker-schemas';
import { dataSourceCalls } from './data-source-calls';
import { domainCalls } from './domain-calls';
import type { AvailableCompany, CompanyRemoval, DataSource, ExopenDomain, ExopenUser, Sync } from './schemas';
import { createTransport, type TransportOptions } from './transport';

export { defaultRetryPolicy, type ExopenAttempt, type ExopenOperation, type ExopenRetryPolicy } from './transport';

export type ExopenClientOptions = TransportOptions;

export interface CallOptions {
  readonly signal?: AbortSignal;
}

export interface CompanyInput {
  readonly id: string;
  readonly name: string;
}

/** The credential part of a configuration: what a recreate replaces. */
export type CredentialInput = Pick<DataSourceConfig, 'system' | 'settings' | 'secrets'>;

export interface DomainCalls {
  me(options?: CallOptions): Promise<ExopenUser>;
  listDomains(options?: CallOptions): Promise<ReadonlyArray<ExopenDomain>>;
  /** Creates a domain with the caller as its admin, or returns the one an earlier request with this key made. */
  createDomain(name: string, idempotencyKey: string, options?: CallOptions): Promise<ExopenDomain>;
}

export interface DataSourceCalls {
  /** Creates the data source, or returns the one an earlier request with this key created. */
  createDataSource(domainId: string, config: DataSourceConfig, idempotencyKey: string, options?: CallOptions): Promise<DataSource>;
  getDataSource(id: string, options?: CallOptions): Promise<DataSource>;
  /** Every data source the user can see, or those of one domain. */
  listDataSources(domainId?: string, options?: CallOptions): Promise<ReadonlyArray<DataSource>>;
  /** Every company the data source's credential reaches at the vendor, marked connected or not (the backend asks the vendor). */
  listAvailableCompanies(id: string, options?: CallOptions): Promise<ReadonlyArray<AvailableCompany>>;
  /** Already connected companies are left as they are. */
  addCompanies(id: string, companies: ReadonlyArray<CompanyInput>, idempotencyKey: string, options?: CallOptions): Promise<DataSource>;
  /** Removing the last company deletes the data source and its credential (`{deleted: true}`). */
  removeCompanies(id: string, companyIds: ReadonlyArray<string>, idempotencyKey: string, options?: CallOptions): Promise<CompanyRemoval>;
  deleteDataSource(id: string, idempotencyKey: string, options?: CallOptions): Promise<void>;
  /** Replaces the credential (same system) and starts a new initial run; the id stays. */
  recreateDataSource(id: string, credential: CredentialInput, idempotencyKey: string, options?: CallOptions): Promise<DataSource>;
  listSyncs(id: string, options?: CallOptions): Promise<ReadonlyArray<Sync>>;
}

export interface BrokerCalls {
  brokerNetvisorSign(input: NetvisorSignInput, options?: CallOptions): Promise<NetvisorSignature>;
  brokerProcountorToken(input: ProcountorTokenInput, options?: CallOptions): Promise<ProcountorToken>;
  brokerExactToken(input: ExactTokenInput, options?: CallOptions): Promise<ExactTokens>;
  brokerExactRefresh(refreshToken: string, options?: CallOptions): Promise<ExactTokens>;
  brokerEconomicRelay(input: EconomicRelayInput, options?: CallOptions): Promise<EconomicRelayResponse>;
}

export interface ExopenClient extends DomainCalls, DataSourceCalls, BrokerCalls {}

export function createExopenClient(options: ExopenClientOptions): ExopenClient {
  const call = createTransport(options);
  return { ...domainCalls(call), ...dataSourceCalls(call), ...brokerCalls(call) };
}
