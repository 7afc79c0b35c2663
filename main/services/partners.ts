/**
 * Where Exopen's own partner credentials come from on this install. Production installs have none (the
 * Exopen backend broker signs for them, a later issue); the sandbox supplies its simulator's keys; support
 * installs may hold them in the keychain (`partner/<system>/<name>`) or in environment variables
 * (`NETVISOR_PARTNER_ID`, `NETVISOR_PARTNER_KEY`) for the CLI.
 */
import type { PartnerCredentialSource } from '../connectors/context';
import { secretEnvName, systemModule } from '../connectors/registry';
import type { SystemId } from '../connectors/types';
import type { SecretStore } from '../platform/ports';

/** The names of a system's partner credentials, declared in its folder (system.ts). */
const namesOf = (system: SystemId): ReadonlyArray<string> => systemModule(system).partnerCredentials;


export function fixedPartnerCredentials(values: Partial<Record<SystemId, Record<string, string>>>): PartnerCredentialSource {
  return {
    describe: async (system) => (values[system] ? 'sandbox' : 'none'),
    get: async (system) => values[system],
  };
}

export function localPartnerCredentials(openStore: () => Promise<SecretStore>, env: NodeJS.ProcessEnv = process.env): PartnerCredentialSource {
  const fromEnv = (system: SystemId) => {
    const entries = namesOf(system).map((name) => [name, env[secretEnvName(system, name)]] as const);
    return entries.every(([, value]) => value) ? (Object.fromEntries(entries) as Record<string, string>) : undefined;
  };
  const fromKeychain = async (system: SystemId) => {
    const store = await openStore();
    const entries: Array<[string, string]> = [];
    for (const name of namesOf(system)) {
      const value = await store.get(`partner/${system}/${name}`);
      if (!value) return undefined;
      entries.push([name, value]);
    }
    return Object.fromEntries(entries);
  };
  return {
    async describe(system) {
      if (fromEnv(system)) return 'environment';
      return (await fromKeychain(system)) ? 'keychain' : 'none';
    },
    get: async (system) => fromEnv(system) ?? (await fromKeychain(system)),
  };
}
