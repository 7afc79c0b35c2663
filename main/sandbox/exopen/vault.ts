/**
 * The credentials of each data source, in this process's memory only: the store on disk never sees them.
 * After a restart they are gone, which is why an interrupted run or a later sync ends as `credentials-lost`.
 */
export interface SecretVault {
  get(dataSourceId: string): Readonly<Record<string, string>> | undefined;
  set(dataSourceId: string, secrets: Readonly<Record<string, string>>): void;
  delete(dataSourceId: string): void;
}

export function createSecretVault(): SecretVault {
  const secrets = new Map<string, Readonly<Record<string, string>>>();
  return {
    get: (id) => secrets.get(id),
    set: (id, values) => void secrets.set(id, Object.freeze({ ...values })),
    delete: (id) => void secrets.delete(id),
  };
}
