/**
 * The data-source calls of the Exopen client: create in a domain, read, list, the companies its credential
 * reaches, add and remove companies,
 * delete, recreate, sync history. Bodies are built field by field, so a caller's richer objects (a Company
 * with notes, a config with extras) never leak onto the wire.
 */
import { z } from 'zod';
import type { DataSourceConfig } from '../connectors/types';
import type { CallOptions, CompanyInput, CredentialInput, DataSourceCalls } from './client';
import {
  availableCompanyListSchema,
  companyRemovalSchema,
  dataSourceListSchema,
  dataSourceSchema,
  syncListSchema,
} from './schemas';
import { noScrub, scrubberOf, type Call } from './transport';

const segment = (id: string): string => encodeURIComponent(id);
const companiesOf = (companies: ReadonlyArray<CompanyInput>) => companies.map((company) => ({ id: company.id, name: company.name }));
const secretsScrub = (secrets: Readonly<Record<string, string>>) => scrubberOf(...Object.values(secrets));

export function dataSourceCalls(call: Call): DataSourceCalls {
  const signalOf = (options: CallOptions | undefined) => options?.signal;
  return {
    createDataSource(domainId, config: DataSourceConfig, idempotencyKey, options) {
      const body = {
        system: config.system,
        displayName: config.displayName,
        settings: { ...config.settings },
        secrets: { ...config.secrets },
        companies: companiesOf(config.companies),
      };
      return call(
        {
          operation: 'createDataSource',
          method: 'POST',
          path: `/v1/domains/${segment(domainId)}/data-sources`,
          idempotencyKey,
          body,
          expect: { statuses: [200, 201], schema: dataSourceSchema, scrub: secretsScrub(config.secrets) },
        },
        signalOf(options),
      );
    },
    getDataSource(id, options) {
      return call(
        { operation: 'getDataSource', method: 'GET', path: `/v1/data-sources/${segment(id)}`, expect: { statuses: [200], schema: dataSourceSchema, scrub: noScrub } },
        signalOf(options),
      );
    },
    async listDataSources(domainId, options) {
      const path = domainId === undefined ? '/v1/data-sources' : `/v1/domains/${segment(domainId)}/data-sources`;
      const list = await call(
        { operation: 'listDataSources', method: 'GET', path, expect: { statuses: [200], schema: dataSourceListSchema, scrub: noScrub } },
        signalOf(options),
      );
      return list.items;
    },
    async listAvailableCompanies(id, options) {
      const list = await call(
        {
          operation: 'listAvailableCompanies',
          method: 'GET',
          path: `/v1/data-sources/${segment(id)}/available-companies`,
          expect: { statuses: [200], schema: availableCompanyListSchema, scrub: noScrub },
        },
        signalOf(options),
      );
      return list.items;
    },
    addCompanies(id, companies, idempotencyKey, options) {
      return call(
        {
          operation: 'addCompanies',
          method: 'POST',
          path: `/v1/data-sources/${segment(id)}/companies`,
          idempotencyKey,
          body: { companies: companiesOf(companies) },
          expect: { statuses: [200], schema: dataSourceSchema, scrub: noScrub },
        },
        signalOf(options),
      );
    },
    removeCompanies(id, companyIds, idempotencyKey, options) {
      return call(
        {
          operation: 'removeCompanies',
          method: 'POST',
          path: `/v1/data-sources/${segment(id)}/companies/remove`,
          idempotencyKey,
          body: { companyIds: [...companyIds] },
          expect: { statuses: [200], schema: companyRemovalSchema, scrub: noScrub },
        },
        signalOf(options),
      );
    },
    deleteDataSource(id, idempotencyKey, options) {
      return call(
        {
          operation: 'deleteDataSource',
          method: 'DELETE',
          path: `/v1/data-sources/${segment(id)}`,
          idempotencyKey,
          expect: { statuses: [204], schema: z.undefined(), scrub: noScrub },
        },
        signalOf(options),
      );
    },
    recreateDataSource(id, credential: CredentialInput, idempotencyKey, options) {
      return call(
        {
          operation: 'recreateDataSource',
          method: 'POST',
          path: `/v1/data-sources/${segment(id)}/recreate`,
          idempotencyKey,
          body: { system: credential.system, settings: { ...credential.settings }, secrets: { ...credential.secrets } },
          expect: { statuses: [200], schema: dataSourceSchema, scrub: secretsScrub(credential.secrets) },
        },
        signalOf(options),
      );
    },
    async listSyncs(id, options) {
      const list = await call(
        { operation: 'listSyncs', method: 'GET', path: `/v1/data-sources/${segment(id)}/syncs`, expect: { statuses: [200], schema: syncListSchema, scrub: noScrub } },
        signalOf(options),
      );
      return list.items;
    },
  };
}
