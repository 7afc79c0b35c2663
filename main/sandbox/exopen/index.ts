/** The sandbox Exopen backend (openapi/exopen.yaml) for sandbox mode, the demo and tests. */
export { SANDBOX_DEV_TOKEN, startExopenSandbox, type ExopenSandbox, type ExopenSandboxOptions } from './server';
export { createDefaultRunner, defaultResources } from './default-runner';
export { DEV_USER, type Authenticate, type SandboxUser } from './auth';
export { DEFAULT_MEMBERSHIPS, type MembershipSeeds, type SeedMembership } from './directory';
export { SandboxControlError } from './syncs';
export { FINGERPRINT_KEY_ACCOUNT, type FingerprintKeyStore } from './fingerprint-key';
export type { OAuthUpstream, Partners, Upstreams } from './upstream-config';
export type { CompanyLister, CompanyListing, DomainRole, FaultControls, InitialRunRunner, ListedCompany, RunDataSource, RunUpdate } from './types';
