/**
 * The credential vault: secret field values of a setup, kept in the SecretStore under
 * `draft/<draftId>/<field>`. Values go in once and are only read back inside main for a check run or a
 * handoff; nothing here returns a value across the bridge.
 */
import type { SecretStore } from '../platform/ports';

const account = (draftId: string, field: string) => `draft/${draftId}/${field}`;

export interface CredentialVault {
  readonly backend: SecretStore['backend'];
  put(draftId: string, field: string, value: string): Promise<void>;
  /** Which of `fields` have a stored value (names only). */
  status(draftId: string, fields: ReadonlyArray<string>): Promise<Record<string, boolean>>;
  read(draftId: string, fields: ReadonlyArray<string>): Promise<Record<string, string>>;
  /** Deletes every stored secret of the setup; answers how many there were. */
  forget(draftId: string): Promise<number>;
}

export function createCredentialVault(store: SecretStore): CredentialVault {
  return {
    backend: store.backend,
    put: (draftId, field, value) => store.set(account(draftId, field), value),
    async status(draftId, fields) {
      const stored = new Set(await store.list(`draft/${draftId}/`));
      return Object.fromEntries(fields.map((field) => [field, stored.has(account(draftId, field))]));
    },
    async read(draftId, fields) {
      const values: Record<string, string> = {};
      for (const field of fields) {
        const value = await store.get(account(draftId, field));
        if (value !== undefined) values[field] = value;
      }
      return values;
    },
    async forget(draftId) {
      const names = await store.list(`draft/${draftId}/`);
      for (const name of names) await store.delete(name);
      return names.length;
    },
  };
}
