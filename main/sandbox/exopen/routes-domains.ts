/** `GET /v1/me`, `GET /v1/domains`, `POST /v1/domains`. */
import { randomBytes } from 'node:crypto';
import { normalEmail } from './auth';
import { parseKeyedBody, type Route } from './context';
import { json, problem } from './http-io';
import type { KeyOutcome } from './types';
import { domainCreateRule } from './validation-ops';

export const me: Route = async ({ user }) => json(200, { sub: user.sub, email: user.email, name: user.name });

export const listDomains: Route = async ({ user, parts }) => json(200, { items: parts.directory.domainsOf(user.email) });

export const createDomain: Route = async (context) => {
  const { user, parts } = context;
  const read = parseKeyedBody(context, domainCreateRule);
  if (!read.ok) return read.answer;
  const name = read.value.name.trim();
  const replay = (outcome: KeyOutcome) => {
    const domain = parts.directory.domainsOf(user.email).find((item) => item.id === outcome.id);
    return domain ? json(200, domain) : problem({ status: 404, code: 'not-found', detail: 'The domain this request created is gone.' });
  };
  return parts.keyed.run({ scope: user.sub, key: read.key, request: ['createDomain', read.value] }, async (entryFor) => {
    if (parts.directory.hasDomainNamed(user.email, name))
      return problem({
        status: 409,
        code: 'domain-exists',
        detail: 'You already belong to a domain with this name.',
        errors: [{ field: 'name', message: `is already the name of one of your domains; pick it from the list, or choose another name` }],
      });
    const domain = { id: `dom-${randomBytes(6).toString('hex')}`, name, createdAt: new Date().toISOString() };
    const membership = { email: normalEmail(user.email), domainId: domain.id, role: 'admin' as const };
    await parts.store.commit(() => {
      parts.store.domains.set(domain.id, domain);
      parts.store.memberships.push(membership);
      const undoKey = parts.store.putKey(entryFor({ kind: 'domain', id: domain.id }));
      return {
        value: undefined,
        undo: () => {
          parts.store.domains.delete(domain.id);
          parts.store.memberships.splice(parts.store.memberships.indexOf(membership), 1);
          undoKey();
        },
      };
    });
    return json(201, { id: domain.id, name: domain.name, role: 'admin' });
  }, replay);
};
