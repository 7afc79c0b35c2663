/** What the handoff sends to Exopen for a Netvisor data source, built only from fields that validate. */
import { ConnectorConfigError } from '../shared/errors';
import type { ConnectorContext } from '../context';
import type { CheckInput, Company, DataSourceConfig } from '../types';
import { PARTNER_SEARCH_KEY } from './partnerKey';
import { readSettings } from './settings';

export function buildNetvisorConfig(input: CheckInput, companies: ReadonlyArray<Company>, ctx: ConnectorContext): DataSourceConfig {
  const customerKey = input.secrets['customerKey']?.trim() ?? '';
  const read = readSettings(input.fields, { customerKey: customerKey !== '' }, ctx);
  if (!read.ok) throw new ConnectorConfigError('netvisor', read.errors);
  const { settings } = read;
  return {
    system: 'netvisor',
    displayName: settings.companyName,
    settings: {
      businessId: settings.businessId,
      customerId: settings.customerId,
      environment: settings.environment,
      baseUrl: settings.baseUrl,
      partnerSearchKey: PARTNER_SEARCH_KEY,
    },
    secrets: { customerKey },
    companies: companies.map((company) => ({ id: company.id, name: company.name })),
  };
}
