/** The Exopen backend client: typed from openapi/exopen.yaml. */
export {
  createExopenClient,
  defaultRetryPolicy,
  type BrokerCalls,
  type CallOptions,
  type CompanyInput,
  type CredentialInput,
  type DataSourceCalls,
  type DomainCalls,
  type ExopenAttempt,
  type ExopenClient,
  type ExopenClientOptions,
  type ExopenOperation,
  type ExopenRetryPolicy,
} from './client';
export { ExopenError, formFieldOf, type ExopenErrorCode, type ExopenErrorDetails, type ExopenFieldError, type UpstreamAnswer } from './errors';
export {
  domainRoles,
  runStatuses,
  syncKinds,
  systemIds,
  type AvailableCompany,
  type CompanyRemoval,
  type DataSource,
  type DomainRole,
  type ExopenDomain,
  type ExopenSystemId,
  type ExopenUser,
  type InitialRun,
  type ResourceRun,
  type RunError,
  type RunStatus,
  type Sync,
  type SyncKind,
} from './schemas';
export type {
  EconomicMethod,
  EconomicRelayInput,
  EconomicRelayResponse,
  ExactTokenInput,
  ExactTokens,
  NetvisorSignInput,
  NetvisorSignature,
  ProcountorToken,
  ProcountorTokenInput,
} from './broker-schemas';
export { toDataSourceStatus } from './status';
export { toDataSourceCard } from './card';
