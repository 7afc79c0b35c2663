/**
 * The list of systems. Adding a system = one folder under connectors/ (+ its simulator) and one line here.
 */
import type { ConnectorContext } from './context';
import { createNetvisorConnector } from './netvisor';
import { createProcountorConnector } from './procountor';
import { createVitecConnector } from './vitec';
import type { Connector, SystemDescriptor, SystemId } from './types';

export const connectorFactories: { readonly [K in SystemId]: (ctx: ConnectorContext) => Connector } = {
  netvisor: createNetvisorConnector,
  procountor: createProcountorConnector,
  vitec: createVitecConnector,
};

export type Connectors = { readonly [K in SystemId]: Connector };

export function createConnectors(ctx: ConnectorContext): Connectors {
  const entries = Object.entries(connectorFactories).map(([id, factory]) => [id, factory(ctx)]);
  return Object.fromEntries(entries) as Connectors;
}

export const systemIds = Object.keys(connectorFactories) as ReadonlyArray<SystemId>;

/** Ids of the fields whose values are secrets (they go to the keychain, never to drafts or logs). */
export function secretFieldIds(descriptor: SystemDescriptor): ReadonlyArray<string> {
  return descriptor.fields.filter((field) => field.kind === 'secret').map((field) => field.id);
}

/** The environment variable the CLI reads a secret field from, e.g. NETVISOR_CUSTOMER_KEY. */
export const secretEnvName = (system: SystemId, field: string): string =>
  `${system}_${field.replace(/[A-Z]/g, (c) => `_${c}`)}`.toUpperCase();
