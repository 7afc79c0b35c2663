/**
 * The hand-off of a credential that reaches several companies: the bulk connect over the selected companies,
 * its progress streamed as `handoff.progress`, the data source recorded in the draft the moment it exists
 * (so a restart resumes at Status, and a retry adds to it instead of creating another), and a retry of just
 * the companies that failed.
 */
import type { HandoffResult } from '../../preload/contract';
import type { Company } from '../connectors/types';
import type { ExopenClient } from '../exopen';
import { bulkConnect, type BulkOutcome } from './bulk-connect';
import type { DraftStore } from './drafts';
import { AppError } from '../platform/errors';
import type { EventHub } from './events';
import { viaExopen } from './exopen-errors';
import type { VerifiedSetup } from './verified';

export interface BulkHandoff {
  /** Connects every selected company. */
  submit(setup: VerifiedSetup): Promise<HandoffResult>;
  /** Connects only `companyIds` (each must be selected); companies connected before are left as they are. */
  retry(setup: VerifiedSetup, companyIds: ReadonlyArray<string>): Promise<HandoffResult>;
}

export function createBulkHandoff(deps: { exopen: ExopenClient; drafts: DraftStore; events: EventHub; concurrency?: number }): BulkHandoff {
  async function run(setup: VerifiedSetup, companies: ReadonlyArray<Company>): Promise<HandoffResult> {
    const { draft, connector, input } = setup;
    const probeCompany = connector.probeCompany;
    if (!probeCompany) throw new AppError('E_NOT_BULK', `${connector.descriptor.name} connects one company per credential.`);
    if (!draft.dataSourceId && !draft.domainId) throw new AppError('E_NO_DOMAIN', 'Choose the Exopen company domain to add the data source to.');
    const saveStep = (step: 'handoff' | 'status', dataSourceId: string) => deps.drafts.save({ ...draft, step, dataSourceId });
    const outcome: BulkOutcome = await viaExopen(() =>
      bulkConnect(
        {
          exopen: deps.exopen,
          probe: (companyId, signal) => probeCompany(input, companyId, signal),
          onProgress: (progress) => deps.events.emit('handoff.progress', { draftId: draft.id, ...progress }),
          ...(deps.concurrency ? { concurrency: deps.concurrency } : {}),
        },
        {
          draftId: draft.id,
          domainId: draft.domainId ?? '',
          companies,
          ...(draft.dataSourceId ? { dataSourceId: draft.dataSourceId } : {}),
          configFor: (chosen) => connector.buildConfig(input, chosen),
          onCreated: async (dataSourceId) => void (await saveStep('handoff', dataSourceId)),
        },
      ),
    );
    if (!outcome.dataSourceId) {
      throw new AppError(
        'E_NO_COMPANY_CONNECTED',
        `None of the ${companies.length} companies could be connected, so no data source was created. Each company's reason is listed; fix them and retry.`,
      );
    }
    // Status only once nothing is left to retry; until then the draft stays at the hand-off (with its data source).
    await saveStep(outcome.failed.length === 0 ? 'status' : 'handoff', outcome.dataSourceId);
    return { dataSourceId: outcome.dataSourceId, failed: outcome.failed };
  }

  return {
    submit: (setup) => run(setup, setup.companies),
    retry(setup, companyIds) {
      const wanted = new Set(companyIds);
      const companies = setup.companies.filter((company) => wanted.has(company.id));
      const unknown = companyIds.filter((id) => !companies.some((company) => company.id === id));
      if (unknown.length > 0) throw new AppError('E_UNKNOWN_COMPANY', `Not among the selected companies of this setup: ${unknown.join(', ')}.`);
      return run(setup, companies);
    },
  };
}
