/**
 * Vitec Ekonomi: an installation at <subdomain>.vitec.net, an API user, and a partner integration (the
 * Integration ID) that must be enabled per company for changes to keep arriving. Vitec publishes no API
 * documentation: every assumption about the wire lives in assumedApi.ts (SPECULATIVE).
 */
import type { ConnectorContext } from '../context';
import type { Connector } from '../types';
import { runVitecChecks } from './checks';
import { probeCompany } from './companyProbe';
import { buildVitecConfig } from './config';
import { createDescriptor } from './descriptor';
import { readSettings } from './settings';

export function createVitecConnector(ctx: ConnectorContext): Connector {
  return {
    descriptor: createDescriptor(ctx),
    validate: (fields, secrets) => {
      const read = readSettings(fields, secrets, ctx);
      return read.ok ? [] : read.errors;
    },
    runChecks: (input, options) => runVitecChecks(ctx, input, options),
    buildConfig: (input, companies) => buildVitecConfig(input, companies, ctx),
    probeCompany: (input, companyId, signal) => probeCompany(ctx, input, companyId, signal),
  };
}

export { CHECK_IDS, type CheckId } from './checkIds';
export { VitecClient, DEFAULT_TIMEOUT_MS, type VitecClientOptions } from './client';
export { VitecApiError, VitecParseError, VitecConfigError } from './errors';
export { normaliseDomain, type DomainResult, type DomainProblem } from './domain';
export { probeCompany, type CompanyProbe } from './companyProbe';
export { UnknownCheckError } from './plan';
export type { Installation } from './assumedApi';
