/**
 * What the Status step of the wizard shows for a data source: the bridge's DataSourceStatus, built from the
 * backend's DataSource. The fix for a failed run is chosen here, from the run error's code.
 */
import type { DataSourceStatus } from '../../preload/contract';
import { msg, type Msg } from '../connectors/types';
import type { DataSource, RunError } from './schemas';

/** Run error codes the backend documents, with the fix each needs; anything else is a vendor's own code. */
export function fixFor(error: RunError): Msg {
  if (error.code === 'credentials-lost') return msg('exopen:run.fix.credentialsLost');
  if (error.code === 'runner-error') return msg('exopen:run.fix.runnerError');
  if (error.resource) return msg('exopen:run.fix.resource', { resource: error.resource });
  return msg('exopen:run.fix.generic');
}

export function toDataSourceStatus(dataSource: DataSource): DataSourceStatus {
  const run = dataSource.initialRun;
  return {
    dataSourceId: dataSource.id,
    displayName: dataSource.displayName,
    status: run.status,
    progress: run.progress,
    resources: run.resources.map((resource) => ({
      name: resource.name,
      status: resource.status,
      ...(resource.rows === undefined ? {} : { rows: resource.rows }),
      ...(resource.error ? { error: resource.error.message } : {}),
    })),
    ...(run.error
      ? {
          error: {
            message: run.error.message,
            ...(run.error.resource ? { resource: run.error.resource } : {}),
            fix: fixFor(run.error),
          },
        }
      : {}),
  };
}
