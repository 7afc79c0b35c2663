/**
 * What the Data sources page shows for a data source: the bridge's DataSourceCard, built from the backend's
 * DataSource. The backend knows systems this version of the app may have no connector for; the caller says
 * which it knows (the registry's `SYSTEM_IDS`), and a data source of any other system has no card
 * rather than one the app could not act on. Passing the list keeps this module free of the registry, so
 * adding a system stays one line there.
 */
import type { DataSourceCard, SystemId } from '../../preload/contract';
import type { DataSource } from './schemas';
import { fixFor } from './status';

export function toDataSourceCard(dataSource: DataSource, knownSystems: ReadonlyArray<SystemId>): DataSourceCard | undefined {
  const system = knownSystems.find((known) => known === dataSource.system);
  if (system === undefined) return undefined;
  const run = dataSource.initialRun;
  return {
    id: dataSource.id,
    system,
    displayName: dataSource.displayName,
    domainId: dataSource.domainId,
    credentialLabel: dataSource.credentialLabel,
    companies: dataSource.companies.map((company) => ({ id: company.id, name: company.name })),
    status: run.status,
    ...(dataSource.lastSyncAt === undefined ? {} : { lastSyncAt: dataSource.lastSyncAt }),
    ...(run.error
      ? { error: { message: run.error.message, ...(run.error.resource ? { resource: run.error.resource } : {}), fix: fixFor(run.error) } }
      : {}),
  };
}
