/**
 * What the handoff sends to Exopen for a Procountor data source, built only from fields that validate.
 * The company ID goes along so a later key swap can be checked against the same company.
 */
import type { ConnectorContext } from '../context';
import type { CheckInput, Company, DataSourceConfig, FieldError } from '../types';
import { EXOPEN_CLIENT_ID } from './clientId';
import { readSettingsWithKey } from './settings';

/** Thrown when the handoff is asked to build a config from fields that do not validate (a caller bug). */
export class ProcountorConfigError extends Error {
  readonly code = 'E_PROCOUNTOR_INVALID_FIELDS';

  constructor(readonly fieldErrors: ReadonlyArray<FieldError>) {
    super(`Procountor fields do not validate: ${fieldErrors.map((error) => error.field).join(', ')}`);
    this.name = 'ProcountorConfigError';
  }
}

export function buildProcountorConfig(input: CheckInput, companies: ReadonlyArray<Company>, ctx: ConnectorContext): DataSourceConfig {
  const apiKey = input.secrets['apiKey']?.trim() ?? '';
  const read = readSettingsWithKey(input.fields, apiKey, ctx);
  if (!read.ok) throw new ProcountorConfigError(read.errors);
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
