/** Who is signed in, and the company domains they belong to. */
import type { DomainCalls } from './client';
import { domainListSchema, domainSchema, userSchema } from './schemas';
import { noScrub, type Call } from './transport';

export function domainCalls(call: Call): DomainCalls {
  return {
    me(options) {
      return call({ operation: 'me', method: 'GET', path: '/v1/me', expect: { statuses: [200], schema: userSchema, scrub: noScrub } }, options?.signal);
    },
    async listDomains(options) {
      const list = await call(
        { operation: 'listDomains', method: 'GET', path: '/v1/domains', expect: { statuses: [200], schema: domainListSchema, scrub: noScrub } },
        options?.signal,
      );
      return list.items;
    },
    createDomain(name, idempotencyKey, options) {
      return call(
        {
          operation: 'createDomain',
          method: 'POST',
          path: '/v1/domains',
          idempotencyKey,
          body: { name },
          expect: { statuses: [200, 201], schema: domainSchema, scrub: noScrub },
        },
        options?.signal,
      );
    },
  };
}
