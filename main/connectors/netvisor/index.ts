/**
 * Visma Netvisor: the XML web-service API (`*.nv` resources) with MAC-signed requests, Business ID company
 * selection and per-integration rights of interface resources.
 */
import { defineConnector } from '../shared/factory';
import { runNetvisorChecks } from './checks';
import { buildNetvisorConfig } from './config';
import { createDescriptor } from './descriptor';
import { readSettings } from './settings';

export const createNetvisorConnector = defineConnector({
  createDescriptor,
  readSettings,
  runChecks: runNetvisorChecks,
  buildConfig: buildNetvisorConfig,
});

export { CHECK_IDS, type CheckId } from './checkIds';
export { NetvisorClient, DEFAULT_TIMEOUT_MS, type NetvisorClientOptions, type NetvisorReply } from './client';
export { NetvisorApiError, NetvisorParseError, type NetvisorErrorCode } from './errors';
export { LocalSigner, type Signer } from './signer';
export { BrokerSigner, BrokerSignerError, brokerPortOf, type NetvisorBrokerPort, type NetvisorSignature } from './brokerSigner';
export { parseBusinessId, type BusinessIdResult } from './businessId';
export { NETVISOR_RESOURCES, type NetvisorResource } from './resources';
export { PARTNER_SEARCH_KEY } from './partnerKey';
export { ConnectorConfigError, UnknownCheckError, VendorApiError, VendorParseError } from '../shared/errors';
