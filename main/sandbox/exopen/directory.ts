/**
 * Company domains and who belongs to them. Seeded memberships (per email, from the sandbox options) live in
 * memory and are the same on every start; domains created through the API and their admins are stored.
 */
import { normalEmail } from './auth';
import type { SandboxStore } from './store';
import type { DomainRole } from './types';

export interface SeedMembership {
  readonly id: string;
  readonly name: string;
  readonly role: DomainRole;
}

export type MembershipSeeds = Readonly<Record<string, ReadonlyArray<SeedMembership>>>;

export const DEFAULT_MEMBERSHIPS: MembershipSeeds = {
  'admin@demo.exopen.test': [
    { id: 'dom-demo', name: 'Demo Group', role: 'admin' },
    { id: 'dom-nordic', name: 'Nordic Holding', role: 'member' },
  ],
  'viewer@demo.exopen.test': [{ id: 'dom-demo', name: 'Demo Group', role: 'member' }],
};

export interface DomainView {
  readonly id: string;
  readonly name: string;
  readonly role: DomainRole;
}

export interface Directory {
  /** The user's domains by name. */
  domainsOf(email: string): DomainView[];
  roleIn(email: string, domainId: string): DomainRole | undefined;
  /** Compared trimmed and without regard to case, as the document says. */
  hasDomainNamed(email: string, name: string): boolean;
}

const sameName = (a: string, b: string): boolean => a.trim().toLocaleLowerCase('en') === b.trim().toLocaleLowerCase('en');

export function createDirectory(store: SandboxStore, seeds: MembershipSeeds = DEFAULT_MEMBERSHIPS): Directory {
  const seededNames = new Map<string, string>();
  const seeded = Object.entries(seeds).flatMap(([email, list]) =>
    list.map((item) => {
      // Two seeds naming one id with different names: the first name wins, the id is what counts.
      if (!seededNames.has(item.id)) seededNames.set(item.id, item.name);
      return { email: normalEmail(email), domainId: item.id, role: item.role };
    }),
  );
  const nameOf = (id: string): string | undefined => store.domains.get(id)?.name ?? seededNames.get(id);
  const membershipsOf = (email: string) => [...seeded, ...store.memberships].filter((item) => item.email === normalEmail(email));

  const directory: Directory = {
    domainsOf(email) {
      const views = new Map<string, DomainView>();
      for (const item of membershipsOf(email)) {
        const name = nameOf(item.domainId);
        const known = views.get(item.domainId);
        // A user seeded as member who is also a stored admin is an admin: the stronger role counts.
        if (name !== undefined && known?.role !== 'admin') views.set(item.domainId, { id: item.domainId, name, role: item.role });
      }
      return [...views.values()].sort((a, b) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id));
    },
    roleIn: (email, domainId) => directory.domainsOf(email).find((domain) => domain.id === domainId)?.role,
    hasDomainNamed: (email, name) => directory.domainsOf(email).some((domain) => sameName(domain.name, name)),
  };
  return directory;
}
