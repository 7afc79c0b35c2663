/**
 * `GET /v1/data-sources/{id}/available-companies`: the companies the data source's credential reaches, for
 * "add companies later". The credential lives here (in the vault's memory), so the backend asks the vendor
 * through the system's lister; a system without one answers its connected companies, since its credential
 * reaches just those.
 */
import type { AvailableCompany } from '../../exopen/schemas';
import { dataSourceAccess } from './access';
import type { Route } from './context';
import { json, problem, type Answer } from './http-io';
import type { CompanyListing, StoredDataSource } from './types';
import { UPSTREAM_TIMEOUT_MS, upstreamUnavailable } from './upstream';

const credentialsLost = (): Answer =>
  problem({
    status: 409,
    code: 'credentials-lost',
    detail: 'The backend restarted and no longer holds the credential of this data source. Recreate the data source to list its companies.',
  });

/** The vendor's list, each marked connected or not, then connected companies the vendor no longer lists. */
export function markConnected(record: StoredDataSource, listed: ReadonlyArray<{ id: string; name: string; active: boolean }>): AvailableCompany[] {
  const connected = new Set(record.companies.map((company) => company.id));
  const seen = new Set(listed.map((company) => company.id));
  return [
    ...listed.map((company) => ({ id: company.id, name: company.name, active: company.active, connected: connected.has(company.id) })),
    ...record.companies.filter((company) => !seen.has(company.id)).map((company) => ({ id: company.id, name: company.name, active: false, connected: true })),
  ];
}

function answerListing(record: StoredDataSource, listing: CompanyListing): Answer {
  switch (listing.kind) {
    case 'listed':
      return json(200, { items: markConnected(record, listing.companies) });
    case 'refused': {
      const { status, error, errorDescription } = listing;
      return problem({
        status: 422,
        code: 'upstream-refused',
        detail: `${record.system} refused the stored credential (HTTP ${status}${error ? `, ${error}` : ''}). Recreate the data source with a working credential.`,
        extra: { upstream: { status, ...(error ? { error } : {}), ...(errorDescription ? { errorDescription } : {}) } },
      });
    }
    case 'unavailable':
      return upstreamUnavailable(record.system, listing.why);
  }
}

export const listAvailableCompanies: Route = async ({ user, parts, params }) => {
  // Admins only: listing uses the stored credential, and only admins may add what it finds.
  const found = dataSourceAccess(parts, user, params[0] ?? '', 'admin');
  if (!found.ok) return found.answer;
  const record = found.value;
  const lister = parts.listers[record.system];
  if (!lister) return json(200, { items: record.companies.map((company) => ({ id: company.id, name: company.name, active: true, connected: true })) });
  const secrets = parts.vault.get(record.id);
  if (!secrets) return credentialsLost();
  const view = { id: record.id, system: record.system, settings: { ...record.settings }, companies: record.companies.map((company) => ({ ...company })) };
  return answerListing(record, await lister(view, secrets, AbortSignal.timeout(UPSTREAM_TIMEOUT_MS)));
};
