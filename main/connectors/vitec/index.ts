/**
 * Vitec Ekonomi: an installation at <subdomain>.vitec.net, an API user, and a partner integration (the
 * Integration ID) that must be enabled per company for changes to keep arriving. Vitec publishes no API
 * documentation: every assumption about the wire lives in assumedApi.ts (SPECULATIVE).
 */
import { defineConnector } from '../shared/factory';
import { runVitecChecks } from './checks';
import { probeCompany } from './companyProbe';
import { buildVitecConfig } from './config';
import { createDescriptor } from './descriptor';
import { readSettings } from './settings';

export const createVitecConnector = defineConnector({
  createDescriptor,
  readSettings,
  runChecks: runVitecChecks,
  buildConfig: buildVitecConfig,
  probeCompany,
});

export { CHECK_IDS, type CheckId } from './checkIds';
export { VitecClient, DEFAULT_TIMEOUT_MS, type VitecClientOptions } from './client';
export { VitecApiError, VitecParseError } from './errors';
export { normaliseDomain, type DomainResult, type DomainProblem } from './domain';
export { probeCompany, type CompanyProbe } from './companyProbe';
export { ConnectorConfigError, UnknownCheckError, VendorApiError, VendorParseError } from '../shared/errors';
export type { Installation } from './assumedApi';
