/**
 * Visma Netvisor: the XML web-service API (`*.nv` resources) with MAC-signed requests, Business ID company
 * selection and per-integration rights of interface resources.
 */
import type { ConnectorContext } from '../context';
import type { Connector } from '../types';
import { runNetvisorChecks } from './checks';
import { buildNetvisorConfig } from './config';
import { createDescriptor } from './descriptor';
import { readSettings } from './settings';

export function createNetvisorConnector(ctx: ConnectorContext): Connector {
  return {
    descriptor: createDescriptor(ctx),
    validate: (fields, secrets) => {
      const read = readSettings(fields, secrets, ctx);
      return read.ok ? [] : read.errors;
    },
    runChecks: (input, options) => runNetvisorChecks(ctx, input, options),
    buildConfig: (input, companies) => buildNetvisorConfig(input, companies, ctx),
  };
}

export { CHECK_IDS, type CheckId } from './checkIds';
export { NetvisorClient, DEFAULT_TIMEOUT_MS, type NetvisorClientOptions, type NetvisorReply } from './client';
export { NetvisorApiError, NetvisorParseError, type NetvisorErrorCode } from './errors';
export { LocalSigner, type Signer } from './signer';
export { BrokerSigner, BrokerSignerError, brokerPortOf, type NetvisorBrokerPort, type NetvisorSignature } from './brokerSigner';
export { parseBusinessId, type BusinessIdResult } from './businessId';
export { NETVISOR_RESOURCES, type NetvisorResource } from './resources';
export { PARTNER_SEARCH_KEY } from './partnerKey';
export { UnknownCheckError } from './plan';
export { NetvisorConfigError } from './config';
