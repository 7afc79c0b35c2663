/**
 * Review and hand-off of a verified setup to the Exopen backend, then its status. The idempotency key is
 * derived from the draft and the exact configuration, so pressing "Hand off" twice, or a retry after a
 * lost response, never creates a second data source; changing a credential makes a new key. A setup that
 * recreates a data source must reach the same companies (a Procountor key of another company, say, is
 * refused before anything is replaced).
 */
import { createHash } from 'node:crypto';
import type { DataSourceStatus, Review, ReviewItem } from '../../preload/contract';
import { secretFieldIds, type Connectors } from '../connectors/registry';
import { msg, type DataSourceConfig } from '../connectors/types';
import { toDataSourceStatus, type ExopenClient } from '../exopen';
import type { CheckService } from './checks';
import type { DraftStore } from './drafts';
import { AppError } from './errors';
import { viaExopen } from './exopen-errors';
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
  async function verified(draftId: string) {
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
    return { draft, config: connector.buildConfig({ fields: draft.fields, secrets }, companies), reached: report.companies };
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

  /** A recreate must reach every company the data source already has. */
  async function requireSameCompanies(dataSourceId: string, reached: ReadonlyArray<{ id: string; name: string }>): Promise<void> {
    const existing = await viaExopen(() => deps.exopen.getDataSource(dataSourceId));
    const reachable = new Set(reached.map((company) => company.id));
    const missing = existing.companies.filter((company) => !reachable.has(company.id));
    if (missing.length > 0) {
      const reachedNames = reached.map((company) => company.name).join(', ') || 'no company';
      throw new AppError(
        'E_OTHER_COMPANY',
        `This credential reaches ${reachedNames}, not ${missing.map((company) => company.name).join(', ')}: use a key of the same company to replace the old one.`,
      );
    }
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
      const { draft, config, reached } = await verified(draftId);
      if (!draft.domainId) throw new AppError('E_NO_DOMAIN', 'Choose the Exopen company domain to add the data source to.');
      const key = idempotencyKey(draftId, config);
      const created = draft.recreateOf
        ? await (async () => {
            await requireSameCompanies(draft.recreateOf!, reached);
            return viaExopen(() => deps.exopen.recreateDataSource(draft.recreateOf!, { system: config.system, settings: config.settings, secrets: config.secrets }, key));
          })()
        : await viaExopen(() => deps.exopen.createDataSource(draft.domainId!, config, key));
      await deps.drafts.save({ ...draft, step: 'status', dataSourceId: created.id });
      return { dataSourceId: created.id };
    },
    status: (dataSourceId) => viaExopen(async () => toDataSourceStatus(await deps.exopen.getDataSource(dataSourceId))),
  };
}

/** A UUID-shaped key that is the same for the same draft and configuration (secrets included, hashed). */
export function idempotencyKey(draftId: string, config: DataSourceConfig): string {
  return uuidFromHash(createHash('sha256').update(draftId).update('\0').update(JSON.stringify(config)).digest('hex'));
}

/** Formats 128 bits of a hex digest as a UUID (the shape the backend's Idempotency-Key expects). */
export const uuidFromHash = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
