/**
 * What one system is: everything about it lives in its folder under connectors/ and is handed to the rest of
 * the app through one `SystemModule` (its folder's `system.ts`), listed once in registry.ts. Every other list
 * of systems (the contract's enum, the wizard, Diagnose, the task pack, the CLI's subcommands, the sandbox's
 * simulators, the known-problems catalogue, the link allowlist, the locale namespaces) is derived from that.
 *
 * A system folder has three parts, kept apart by lint: the connector itself (descriptor, client, checks,
 * known problems; no sandbox, services, hosts), `sandbox/` (its simulator, loaded only in sandbox mode), and
 * `system.ts`, the wiring that names both.
 */
import type { ConnectorContext } from './context';
import type { CatalogueEntry } from './knownProblems';
import type { Connector } from './types';

/** A locale namespace: nested objects of strings, as i18next takes them. */
export interface LocaleResource {
  readonly [key: string]: string | LocaleResource;
}

/**
 * One system. `Id` is its literal id; `Simulator` its sandbox adapter (checked against the sandbox's contract
 * where the sandbox starts it). What a connector needs of Exopen's partner broker it declares in its own
 * folder by augmenting PartnerBroker (context.ts).
 * Write it with an explicit type annotation (`const x: SystemModule<'x', …> = …`): the SystemId type is
 * derived from the registry, and an annotation keeps that derivation from depending on itself.
 */
export interface SystemModule<Id extends string = string, Simulator = unknown> {
  readonly id: Id;
  /** Builds the connector (descriptor, validation, checks, config) for a context. */
  readonly createConnector: (ctx: ConnectorContext) => Connector;
  /** Known problems: the Diagnose catalogue entries of this system (texts under `<id>:catalogue.*`). */
  readonly knownProblems: ReadonlyArray<CatalogueEntry>;
  /** Names of Exopen's own partner credentials for this system (local mode: keychain or environment). */
  readonly partnerCredentials: ReadonlyArray<string>;
  /** Hosts this system's help links may open in the system browser, and hosts its API requests go to. */
  readonly vendorHosts: { readonly links: ReadonlyArray<string>; readonly api: ReadonlyArray<string> };
  /**
   * The vendor-side setup is done by an administrator who may not be the person running the assistant:
   * Diagnose and the CLI offer the admin checklist (task pack) for it.
   */
  readonly taskPack: boolean;
  /** Its locale namespace (`<id>`), per language; English is complete. */
  readonly locales: { readonly en: LocaleResource };
  /** Its simulator, loaded only when the sandbox starts. */
  readonly simulator: () => Promise<Simulator>;
}
