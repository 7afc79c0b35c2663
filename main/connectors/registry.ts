/**
 * The list of systems. Adding a system = one folder under connectors/ (+ its simulator) and one line here.
 */
import type { ConnectorContext } from './context';
import { createNetvisorConnector } from './netvisor';
import type { Connector, SystemDescriptor, SystemId } from './types';

export const connectorFactories: { readonly [K in SystemId]: (ctx: ConnectorContext) => Connector } = {
  netvisor: createNetvisorConnector,
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
