/**
 * Review and hand-off of a verified setup to the Exopen backend, then its status. The idempotency key is
 * derived from the draft and the exact configuration, so pressing "Hand off" twice, or a retry after a
 * lost response, never creates a second data source; changing a credential makes a new key.
 */
import { createHash } from 'node:crypto';
import type { DataSourceStatus, Review, ReviewItem } from '../../preload/contract';
import { secretFieldIds, type Connectors } from '../connectors/registry';
import { msg, type DataSourceConfig } from '../connectors/types';
import { ExopenError, toDataSourceStatus, type ExopenClient } from '../exopen';
import type { CheckService } from './checks';
import type { DraftStore } from './drafts';
import { AppError } from './errors';
import type { CredentialVault } from './vault';

export interface HandoffService {
  review(draftId: string): Promise<Review>;
  submit(draftId: string): Promise<{ dataSourceId: string }>;
  status(dataSourceId: string): Promise<DataSourceStatus>;
}

export const MASK = '••••••••';

export function createHandoffService(deps: {
  connectors: Connectors;
  drafts: DraftStore;
  vault: CredentialVault;
  checks: CheckService;
  exopen: ExopenClient;
  destination: string;
}): HandoffService {
  async function verifiedConfig(draftId: string): Promise<DataSourceConfig> {
    const draft = await deps.drafts.current();
    if (!draft || draft.id !== draftId) throw new AppError('E_NO_DRAFT', 'This setup is no longer in progress; start again.');
    const report = deps.checks.lastReport(draftId);
    if (!report || report.overall === 'failed')
      throw new AppError('E_NOT_VERIFIED', 'Run the checks and fix what failed before handing off.');
    const connector = deps.connectors[draft.system];
    const secrets = await deps.vault.read(draftId, secretFieldIds(connector.descriptor));
    const chosen = new Set(draft.selectedCompanies);
    const companies = report.companies.filter((company) => chosen.has(company.id));
    if (companies.length === 0) throw new AppError('E_NO_COMPANIES', 'Pick at least one company to connect.');
    return connector.buildConfig({ fields: draft.fields, secrets }, companies);
  }

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
      const config = await verifiedConfig(draftId);
      return {
        items: [{ field: 'displayName', label: msg('app:review.displayName'), value: config.displayName, masked: false }, ...reviewItems(config)],
        companies: config.companies.map((company) => ({ ...company, active: true })),
        destination: deps.destination,
      };
    },
    async submit(draftId) {
      const config = await verifiedConfig(draftId);
      const key = idempotencyKey(draftId, config);
      try {
        const created = await deps.exopen.createDataSource(config, key);
        const draft = await deps.drafts.current();
        if (draft) await deps.drafts.save({ ...draft, step: 'status', dataSourceId: created.id });
        return { dataSourceId: created.id };
      } catch (error) {
        throw asAppError(error);
      }
    },
    async status(dataSourceId) {
      try {
        return toDataSourceStatus(await deps.exopen.getDataSource(dataSourceId));
      } catch (error) {
        throw asAppError(error);
      }
    },
  };
}

/** A UUID-shaped key that is the same for the same draft and configuration (secrets included, hashed). */
export function idempotencyKey(draftId: string, config: DataSourceConfig): string {
  const hex = createHash('sha256').update(draftId).update('\0').update(JSON.stringify(config)).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function asAppError(error: unknown): unknown {
  if (!(error instanceof ExopenError)) return error;
  return new AppError(`E_EXOPEN_${error.code.toUpperCase().replace(/-/g, '_')}`, error.message, error.fieldErrors);
}
