/**
 * The sandbox backend's company listers: for a Vitec data source it asks the Vitec simulator (or, for a
 * production credential, the installation itself) with the password the backend holds in memory, through
 * the connector's own client, so the list is exactly what the wizard's check saw. Systems whose credential
 * reaches one company have no lister: the backend answers their connected companies.
 */
import { NetworkError } from '../../../platform/http';
import type { CompanyLister, CompanyListing } from '../../../sandbox/exopen';
import type { Installation } from '../assumedApi';
import { VitecClient } from '../client';
import { VitecApiError, VitecParseError } from '../errors';

function vitecInstallation(settings: Readonly<Record<string, string>>, sandboxUrl: string | undefined): Installation {
  const subdomain = settings.domain ?? '';
  return settings.environment === 'sandbox' && sandboxUrl ? { subdomain, sandboxUrl } : { subdomain };
}

/** A Vitec failure as the backend reports it: a 4xx is the vendor refusing the credential, the rest is no answer. */
function vitecFailure(error: unknown): CompanyListing {
  if (error instanceof VitecApiError && error.httpStatus < 500) {
    return { kind: 'refused', status: error.httpStatus, ...(error.vendorCode ? { error: error.vendorCode } : {}), errorDescription: error.verbatim };
  }
  if (error instanceof VitecApiError) return { kind: 'unavailable', why: `HTTP ${error.httpStatus}` };
  if (error instanceof VitecParseError) return { kind: 'unavailable', why: 'not a Vitec Ekonomi answer' };
  if (error instanceof NetworkError) return { kind: 'unavailable', why: `network ${error.failure}` };
  throw error;
}

export function vitecLister(sandboxUrl: string | undefined): CompanyLister {
  return async (dataSource, secrets, signal) => {
    const client = new VitecClient({
      installation: vitecInstallation(dataSource.settings, sandboxUrl),
      username: dataSource.settings.username ?? '',
      password: secrets.password ?? '',
    });
    try {
      const companies = await client.companies({ signal });
      return { kind: 'listed', companies: companies.map((company) => ({ id: company.companyId, name: company.name, active: company.active })) };
    } catch (error) {
      return vitecFailure(error);
    }
  };
}
