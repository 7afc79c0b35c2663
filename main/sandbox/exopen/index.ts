/** The sandbox Exopen backend (openapi/exopen.yaml) for sandbox mode, the demo and tests. */
export { SANDBOX_DEV_TOKEN, startExopenSandbox, type ExopenSandbox, type ExopenSandboxOptions } from './server';
export { createDefaultRunner, defaultResources } from './default-runner';
export type { FaultControls, InitialRunRunner, RunDataSource, RunUpdate } from './types';
