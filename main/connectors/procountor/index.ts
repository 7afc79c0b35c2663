/**
 * Procountor: the REST/JSON API with M2M authentication (an API key, bound to one user, one company and
 * Exopen's client ID, exchanged for a Bearer token), user rights per area and optional Documents.
 */
import { defineConnector } from '../shared/factory';
import { runProcountorChecks } from './checks';
import { buildProcountorConfig } from './config';
import { createDescriptor } from './descriptor';
import { readSettings } from './settings';

export const createProcountorConnector = defineConnector({
  createDescriptor,
  readSettings,
  runChecks: runProcountorChecks,
  buildConfig: buildProcountorConfig,
});

export { CHECK_IDS, type CheckId } from './checkIds';
export { EXOPEN_CLIENT_ID } from './clientId';
export { ProcountorClient, DEFAULT_TIMEOUT_MS, type ProcountorClientOptions, type ProcountorReply } from './client';
export { ProcountorApiError, ProcountorParseError, ProcountorTokenError, type ProcountorErrorMessage } from './errors';
export { LocalTokenExchange, type ProcountorTokenExchange, type ProcountorEnvironment, type ProcountorToken } from './tokenExchange';
export { PROCOUNTOR_AREAS, type ProcountorArea } from './areas';
export { searchAll, MAX_PAGE_SIZE } from './paging';
export { inspectApiKey, type ApiKeyInfo } from './apiKey';
export { ConnectorConfigError, UnknownCheckError, VendorApiError, VendorParseError } from '../shared/errors';
