/**
 * Procountor: the REST/JSON API with M2M authentication (an API key, bound to one user, one company and
 * Exopen's client ID, exchanged for a Bearer token), user rights per area and optional Documents.
 */
import type { ConnectorContext } from '../context';
import type { Connector } from '../types';
import { runProcountorChecks } from './checks';
import { buildProcountorConfig } from './config';
import { createDescriptor } from './descriptor';
import { readSettings } from './settings';

export function createProcountorConnector(ctx: ConnectorContext): Connector {
  return {
    descriptor: createDescriptor(ctx),
    validate: (fields, secrets) => {
      const read = readSettings(fields, secrets, ctx);
      return read.ok ? [] : read.errors;
    },
    runChecks: (input, options) => runProcountorChecks(ctx, input, options),
    buildConfig: (input, companies) => buildProcountorConfig(input, companies, ctx),
  };
}

export { CHECK_IDS, type CheckId } from './checkIds';
export { EXOPEN_CLIENT_ID } from './clientId';
export { ProcountorClient, DEFAULT_TIMEOUT_MS, type ProcountorClientOptions, type ProcountorReply } from './client';
export { ProcountorApiError, ProcountorParseError, ProcountorTokenError, type ProcountorErrorMessage } from './errors';
export { LocalTokenExchange, type ProcountorTokenExchange, type ProcountorEnvironment, type ProcountorToken } from './tokenExchange';
export { PROCOUNTOR_AREAS, type ProcountorArea } from './areas';
export { searchAll, MAX_PAGE_SIZE } from './paging';
export { inspectApiKey, type ApiKeyInfo } from './apiKey';
export { UnknownCheckError } from './plan';
export { ProcountorConfigError } from './config';
