/**
 * THE list of systems. Adding a system = its folder under connectors/ (connector, known problems, locale,
 * sandbox/ simulator, system.ts) and one line in SYSTEMS below. Everything else is derived from here: the
 * SystemId type, the contract's enum, the wizard's and Diagnose's lists, the task pack, the CLI's
 * subcommands, the sandbox's simulators, the catalogue, the link allowlist and the locale namespaces.
 */
import type { ConnectorContext } from './context';
import { netvisor } from './netvisor/system';
import { procountor } from './procountor/system';
import { vitec } from './vitec/system';
import type { Connector, SystemDescriptor } from './types';

export const SYSTEMS = [netvisor, procountor, vitec] as const;

export type SystemModuleOf = (typeof SYSTEMS)[number];
export type SystemIdOf = SystemModuleOf['id'];

/** Every system's id, in the list's order (the wizard shows them in this order). */
export const SYSTEM_IDS = SYSTEMS.map((system) => system.id) as unknown as readonly [SystemIdOf, ...SystemIdOf[]];

const byId = new Map<string, SystemModuleOf>(SYSTEMS.map((system) => [system.id, system]));

export const isSystemId = (value: string): value is SystemIdOf => byId.has(value);

export function systemModule<K extends SystemIdOf>(id: K): Extract<SystemModuleOf, { id: K }> {
  return byId.get(id) as Extract<SystemModuleOf, { id: K }>;
}

export type Connectors = { readonly [K in SystemIdOf]: Connector };

export function createConnectors(ctx: ConnectorContext): Connectors {
  return Object.fromEntries(SYSTEMS.map((system) => [system.id, system.createConnector(ctx)])) as Connectors;
}

/** Ids of the fields whose values are secrets (they go to the keychain, never to drafts or logs). */
export function secretFieldIds(descriptor: SystemDescriptor): ReadonlyArray<string> {
  return descriptor.fields.filter((field) => field.kind === 'secret').map((field) => field.id);
}

/** The environment variable the CLI reads a secret field from, e.g. NETVISOR_CUSTOMER_KEY. */
export const secretEnvName = (system: SystemIdOf, field: string): string =>
  `${system}_${field.replace(/[A-Z]/g, (c) => `_${c}`)}`.toUpperCase();
