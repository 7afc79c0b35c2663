/**
 * The one connector factory: a system's parts, each a function of the context, assembled into the
 * Connector every host uses. A connector's index.ts names its parts; nothing else differs between systems.
 */
import type { ConnectorContext } from '../context';
import type { CheckInput, CheckReport, Company, CompanyProbe, Connector, DataSourceConfig, FieldError, RunOptions, SystemDescriptor } from '../types';

export interface ConnectorParts {
  readonly createDescriptor: (ctx: ConnectorContext) => SystemDescriptor;
  /** Normalises and validates the fields; secrets are present or not (their values never come here). */
  readonly readSettings: (
    fields: Readonly<Record<string, string>>,
    secrets: Readonly<Record<string, boolean>>,
    ctx: ConnectorContext,
  ) => { readonly ok: true } | { readonly ok: false; readonly errors: ReadonlyArray<FieldError> };
  readonly runChecks: (ctx: ConnectorContext, input: CheckInput, options: RunOptions) => Promise<CheckReport>;
  readonly buildConfig: (input: CheckInput, companies: ReadonlyArray<Company>, ctx: ConnectorContext) => DataSourceConfig;
  /** For systems whose credential reaches several companies (see Connector.probeCompany). */
  readonly probeCompany?: (ctx: ConnectorContext, input: CheckInput, companyId: string, signal?: AbortSignal) => Promise<CompanyProbe>;
}

export function defineConnector(parts: ConnectorParts): (ctx: ConnectorContext) => Connector {
  return (ctx) => {
    const { probeCompany } = parts;
    return {
      descriptor: parts.createDescriptor(ctx),
      validate: (fields, secrets) => {
        const read = parts.readSettings(fields, secrets, ctx);
        return read.ok ? [] : read.errors;
      },
      runChecks: (input, options) => parts.runChecks(ctx, input, options),
      buildConfig: (input, companies) => parts.buildConfig(input, companies, ctx),
      ...(probeCompany ? { probeCompany: (input: CheckInput, companyId: string, signal?: AbortSignal) => probeCompany(ctx, input, companyId, signal) } : {}),
    };
  };
}
