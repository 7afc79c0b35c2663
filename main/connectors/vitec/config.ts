/** What the handoff sends to Exopen for a Vitec data source, built only from fields that validate. */
import type { ConnectorContext } from '../context';
import type { CheckInput, Company, DataSourceConfig } from '../types';
import { installationBaseUrl, VITEC_HOST_SUFFIX } from './assumedApi';
import { ConnectorConfigError } from '../shared/errors';
import { readSettings } from './settings';
import { VITEC } from './systemId';

export function buildVitecConfig(input: CheckInput, companies: ReadonlyArray<Company>, ctx: ConnectorContext): DataSourceConfig {
  // The password goes as typed: unlike a pasted key, spaces in a password may be real.
  const password = input.secrets['password'] ?? '';
  const read = readSettings(input.fields, { password: password !== '' }, ctx);
  if (!read.ok) throw new ConnectorConfigError('vitec', read.errors);
  const { settings } = read;
  return {
    system: VITEC,
    displayName: `${settings.subdomain}${VITEC_HOST_SUFFIX}`,
    settings: {
      domain: settings.subdomain,
      username: settings.username,
      integrationId: settings.integrationId,
      environment: settings.environment,
      baseUrl: installationBaseUrl(settings.installation),
    },
    secrets: { password },
    companies: companies.map((company) => ({ id: company.id, name: company.name })),
  };
}
