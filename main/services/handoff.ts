/**
 * Review and hand-off of a verified setup to the Exopen backend, then its status. The idempotency key is
 * derived from the draft and the exact configuration, so pressing "Hand off" twice, or a retry after a
 * lost response, never creates a second data source; changing a credential makes a new key. A setup that
 * recreates a data source must reach the same companies (a Procountor key of another company, say, is
 * refused before anything is replaced). Where one credential reaches several companies (Vitec), the
 * hand-off connects company by company instead (bulk-handoff.ts).
 */
import type { DataSourceStatus, HandoffResult, Review, ReviewItem } from '../../preload/contract';
import type { Connectors } from '../connectors/registry';
import { msg, type DataSourceConfig } from '../connectors/types';
import { toDataSourceStatus, type ExopenClient } from '../exopen';
import { createBulkHandoff } from './bulk-handoff';
import type { CheckService } from './checks';
import type { DraftStore } from './drafts';
import { AppError } from '../platform/errors';
import type { EventHub } from './events';
import { viaExopen } from './exopen-errors';
import { idempotencyKey } from './handoff-keys';
import type { CredentialVault } from './vault';
import { isBulk, loadVerified, requireSameCompanies } from './verified';

export { idempotencyKey, uuidFromHash } from './handoff-keys';

export interface HandoffService {
  review(draftId: string): Promise<Review>;
  submit(draftId: string): Promise<HandoffResult>;
  /** A bulk hand-off: connect only these companies again (those that failed); the others stay as they are. */
  retryCompanies(draftId: string, companyIds: ReadonlyArray<string>): Promise<HandoffResult>;
  status(dataSourceId: string): Promise<DataSourceStatus>;
}

export const MASK = '••••••••';

export function createHandoffService(deps: {
  connectors: Connectors;
  drafts: DraftStore;
  vault: CredentialVault;
  checks: CheckService;
  exopen: ExopenClient;
  events: EventHub;
  destination: string;
}): HandoffService {
  const verified = (draftId: string) => loadVerified(deps, draftId);
  const bulk = createBulkHandoff(deps);

  function reviewItems(config: DataSourceConfig): ReviewItem[] {
    const { descriptor } = deps.connectors[config.system];
    const items: ReviewItem[] = [];
    for (const field of descriptor.fields) {
      if (field.id in config.secrets) items.push({ field: field.id, label: field.label, value: MASK, masked: true });
      const value = config.settings[field.id];
      if (value === undefined || value === '') continue;
      const option = field.options?.find((candidate) => candidate.value === value);
      items.push({ field: field.id, label: field.label, value, masked: false, ...(option ? { display: option.label } : {}) });
    }
    return items;
  }

  return {
    async review(draftId) {
      const { config } = await verified(draftId);
      return {
        items: [{ field: 'displayName', label: msg('app:review.displayName'), value: config.displayName, masked: false }, ...reviewItems(config)],
        companies: config.companies.map((company) => ({ ...company, active: true })),
        destination: deps.destination,
      };
    },
    async submit(draftId) {
      const setup = await verified(draftId);
      if (isBulk(setup)) return bulk.submit(setup);
      const { draft, config, reached } = setup;
      if (!draft.domainId) throw new AppError('E_NO_DOMAIN', 'Choose the Exopen company domain to add the data source to.');
      const key = idempotencyKey(draftId, config);
      if (draft.recreateOf) await requireSameCompanies(deps.exopen, draft.recreateOf, reached);
      const created = draft.recreateOf
        ? await viaExopen(() => deps.exopen.recreateDataSource(draft.recreateOf!, { system: config.system, settings: config.settings, secrets: config.secrets }, key))
        : await viaExopen(() => deps.exopen.createDataSource(draft.domainId!, config, key));
      await deps.drafts.save({ ...draft, step: 'status', dataSourceId: created.id });
      return { dataSourceId: created.id, failed: [] };
    },
    async retryCompanies(draftId, companyIds) {
      const setup = await verified(draftId);
      if (!isBulk(setup)) throw new AppError('E_NOT_BULK', `${setup.connector.descriptor.name} connects one company per credential; hand off again instead.`);
      return bulk.retry(setup, companyIds);
    },
    status: (dataSourceId) => viaExopen(async () => toDataSourceStatus(await deps.exopen.getDataSource(dataSourceId))),
  };
}
