/**
 * Who may see and change what. A domain or data source the caller cannot see answers 404, so its existence
 * does not leak; a member who asks to change something answers 403 `not-domain-admin`.
 */
import type { SandboxUser } from './auth';
import type { SandboxParts } from './context';
import { problem, type Answer } from './http-io';
import type { DomainRole, StoredDataSource } from './types';

export type Need = 'see' | 'admin';
export type Access<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly answer: Answer };

export const notFound = (what: string): Answer => problem({ status: 404, code: 'not-found', detail: `There is no ${what} with this id that you can see.` });

const notAdmin = (): Answer =>
  problem({
    status: 403,
    code: 'not-domain-admin',
    detail: 'Only an admin of this domain may change its data sources. Ask an admin of the domain to do it, or to make you one.',
  });

function allowed<T>(role: DomainRole | undefined, need: Need, what: string, value: T): Access<T> {
  if (role === undefined) return { ok: false, answer: notFound(what) };
  if (need === 'admin' && role !== 'admin') return { ok: false, answer: notAdmin() };
  return { ok: true, value };
}

export const domainAccess = (parts: SandboxParts, user: SandboxUser, domainId: string, need: Need): Access<string> =>
  allowed(parts.directory.roleIn(user.email, domainId), need, 'domain', domainId);

export function dataSourceAccess(parts: SandboxParts, user: SandboxUser, id: string, need: Need): Access<StoredDataSource> {
  const record = parts.store.dataSources.get(id);
  if (!record) return { ok: false, answer: notFound('data source') };
  return allowed(parts.directory.roleIn(user.email, record.domainId), need, 'data source', record);
}

/** The data sources the user can see, oldest first; of one domain when asked. */
export function visibleDataSources(parts: SandboxParts, user: SandboxUser, domainId?: string): StoredDataSource[] {
  const domains = new Set(parts.directory.domainsOf(user.email).map((domain) => domain.id));
  return [...parts.store.dataSources.values()]
    .filter((record) => domains.has(record.domainId) && (domainId === undefined || record.domainId === domainId))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
