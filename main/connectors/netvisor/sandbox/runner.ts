/**
 * The sandbox backend's initial data run, done for real: for a Netvisor data source it signs with the
 * sandbox partner key and reads every resource from the Netvisor simulator, so a resource the customer
 * has not allowed fails the run with Netvisor's own SERVICE_ACCESS_ERROR, as it would at Exopen.
 * A data source with no address to read from falls back to the timed default runner.
 */
import { createDefaultRunner, type InitialRunRunner } from '../../../sandbox/exopen';
import { NetvisorApiError, NetvisorParseError } from '../errors';
import { NetvisorClient } from '../client';
import { countRecords } from '../records';
import { NETVISOR_RESOURCES } from '../resources';
import { LocalSigner } from '../signer';

/** Netvisor data sources' initial run, read from the simulator at `sandboxUrl` with its partner key. */
export function netvisorRunner(sandboxUrl: string, partner: { readonly partnerId: string; readonly partnerKey: string }): InitialRunRunner {
  const fallback = createDefaultRunner();
  return async (dataSource, secrets, report, signal) => {
    const baseUrl = dataSource.settings.environment === 'sandbox' ? sandboxUrl : dataSource.settings.baseUrl;
    if (!baseUrl) return fallback(dataSource, secrets, report, signal);

    const client = new NetvisorClient({
      baseUrl,
      customerId: dataSource.settings.customerId ?? '',
      customerKey: secrets.customerKey ?? '',
      organisationId: dataSource.settings.businessId ?? '',
      signer: new LocalSigner(partner.partnerId, partner.partnerKey),
    });
    for (const resource of NETVISOR_RESOURCES) report({ resource: resource.path, status: 'queued' });
    for (const resource of NETVISOR_RESOURCES) {
      report({ resource: resource.path, status: 'running' });
      try {
        const reply = await client.get(resource.path, resource.probe(new Date()), { signal });
        report({ resource: resource.path, status: 'done', rows: countRecords(resource, reply.data, reply.httpStatus) });
      } catch (error) {
        if (error instanceof NetvisorParseError) {
          report({ resource: resource.path, status: 'failed', error: { message: `Netvisor's answer could not be read: ${error.detail}`, code: error.problem } });
          continue;
        }
        if (!(error instanceof NetvisorApiError)) throw error;
        report({ resource: resource.path, status: 'failed', error: { message: `${error.vendorCode} :: ${error.text}`, code: error.vendorCode } });
      }
    }
  };
}
