/**
 * What the handoff sends to Exopen for a Procountor data source, built only from fields that validate.
 * The company ID goes along so a later key swap can be checked against the same company.
 */
import { ConnectorConfigError } from '../shared/errors';
import type { ConnectorContext } from '../context';
import type { CheckInput, Company, DataSourceConfig } from '../types';
import { EXOPEN_CLIENT_ID } from './clientId';
import { readSettingsWithKey } from './settings';

export function buildProcountorConfig(input: CheckInput, companies: ReadonlyArray<Company>, ctx: ConnectorContext): DataSourceConfig {
  const apiKey = input.secrets['apiKey']?.trim() ?? '';
  const read = readSettingsWithKey(input.fields, apiKey, ctx);
  if (!read.ok) throw new ConnectorConfigError('procountor', read.errors);
  const { settings } = read;
  const company = companies[0];
  return {
    system: 'procountor',
    displayName: company?.name ?? 'Procountor',
    settings: {
      environment: settings.environment,
      baseUrl: settings.baseUrl,
      clientId: EXOPEN_CLIENT_ID,
      ...(company ? { companyId: company.id } : {}),
    },
    secrets: { apiKey },
    companies: companies.map((entry) => ({ id: entry.id, name: entry.name })),
  };
}
