/**
 * The signed-in side of the assistant: Exopen sign-in, company domains and the Data sources page (with the
 * companies a connected credential reaches, for "Add companies"). Every
 * modifying backend call gets an idempotency key derived from who asks and what they ask, so pressing a
 * button again after a lost answer repeats the same request instead of making a second one.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { DataSourceCard, Domain, Handlers } from '../../preload/contract';
import type { AuthService } from '../auth';
import type { SystemId } from '../connectors/types';
import { toDataSourceCard, type DataSource, type ExopenClient } from '../exopen';
import { AppError } from '../platform/errors';
import { viaExopen } from './exopen-errors';
import { uuidFromHash } from './handoff-keys';

type AccountHandlers = Pick<
  Handlers,
  | 'auth.status'
  | 'auth.signIn'
  | 'auth.cancel'
  | 'auth.signOut'
  | 'domains.list'
  | 'domains.create'
  | 'dataSources.list'
  | 'dataSources.companies'
  | 'dataSources.addCompanies'
  | 'dataSources.removeCompanies'
  | 'dataSources.delete'
>;

export function createAccountHandlers(deps: { auth: AuthService; exopen: ExopenClient; systems: ReadonlyArray<SystemId> }): AccountHandlers {
  const { auth, exopen } = deps;

  const keyFor = (operation: string, payload: unknown) => {
    const session = auth.status();
    const who = session.signedIn ? session.user.email : 'anonymous';
    return uuidFromHash(createHash('sha256').update(`${who}\0${operation}\0${JSON.stringify(payload)}`).digest('hex'));
  };

  // Part of the key: how many changes to this data source succeeded here. A double click or a retry after a
  // lost answer repeats one request (same key); adding a company again after removing it is a new request
  // (the same key would replay the earlier answer and change nothing).
  // The session salt keeps a new run of the assistant from replaying an old run's answer (adding a
  // connected company or removing a gone one is harmless at the backend, a stale replay is not).
  const changes = new Map<string, number>();
  const session = randomUUID();
  const generation = (id: string) => `${session}/${changes.get(id) ?? 0}`;
  const changed = <T>(id: string, result: T): T => {
    changes.set(id, (changes.get(id) ?? 0) + 1);
    return result;
  };

  const card = (dataSource: DataSource): DataSourceCard => {
    const mapped = toDataSourceCard(dataSource, deps.systems);
    if (!mapped) throw new AppError('E_UNKNOWN_SYSTEM', `This version of the assistant does not know the system of ${dataSource.displayName}.`);
    return mapped;
  };

  return {
    'auth.status': async () => auth.status(),
    'auth.signIn': () => auth.signIn(),
    'auth.cancel': async () => ({ cancelled: auth.cancel() }),
    'auth.signOut': () => auth.signOut(),
    'domains.list': () =>
      viaExopen(async () =>
        (await exopen.listDomains()).map((domain): Domain => ({ id: domain.id, name: domain.name, canAdminister: domain.role === 'admin' })),
      ),
    'domains.create': ({ name }) =>
      viaExopen(async () => {
        const domain = await exopen.createDomain(name, keyFor('domains.create', { name }));
        return { id: domain.id, name: domain.name, canAdminister: domain.role === 'admin' };
      }),
    'dataSources.list': () =>
      viaExopen(async () =>
        (await exopen.listDataSources()).flatMap((dataSource) => {
          const mapped = toDataSourceCard(dataSource, deps.systems);
          return mapped ? [mapped] : [];
        }),
      ),
    // Exopen holds the credential after the hand-off, so it asks the vendor; this side never sees the secret again.
    'dataSources.companies': ({ id }) =>
      viaExopen(async () =>
        (await exopen.listAvailableCompanies(id)).map(({ id: companyId, name, active, connected }) => ({ id: companyId, name, active, connected })),
      ),
    'dataSources.addCompanies': ({ id, companies }) =>
      viaExopen(async () => changed(id, card(await exopen.addCompanies(id, companies, keyFor('addCompanies', { id, companies, generation: generation(id) }))))),
    'dataSources.removeCompanies': ({ id, companyIds }) =>
      viaExopen(async () => {
        const removal = changed(id, await exopen.removeCompanies(id, companyIds, keyFor('removeCompanies', { id, companyIds, generation: generation(id) })));
        return removal.deleted ? { deleted: true } : { deleted: false, card: card(removal.dataSource) };
      }),
    'dataSources.delete': ({ id }) =>
      viaExopen(async () => {
        await exopen.deleteDataSource(id, keyFor('delete', { id }));
        return { deleted: true as const };
      }),
  };
}
