/** The Exopen backend client: typed from openapi/exopen.yaml. */
export {
  createExopenClient,
  defaultRetryPolicy,
  type CallOptions,
  type ExopenAttempt,
  type ExopenClient,
  type ExopenClientOptions,
  type ExopenOperation,
  type ExopenRetryPolicy,
} from './client';
export { ExopenError, formFieldOf, type ExopenErrorCode, type ExopenErrorDetails, type ExopenFieldError } from './errors';
export { systemIds, runStatuses, type DataSource, type ExopenSystemId, type InitialRun, type ResourceRun, type RunError, type RunStatus } from './schemas';
export { toDataSourceStatus } from './status';
