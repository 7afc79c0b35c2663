/**
 * Runs a connector's checks for the current setup: reads the secrets from the vault just for the run,
 * streams progress as `checks.progress` events, supports cancel, and remembers the last report per draft
 * so a partial re-run ("re-test what failed") keeps the rest and the handoff knows what was verified.
 */
import type { Draft } from '../../preload/contract';
import type { CheckReport, Company } from '../connectors/types';
import { secretFieldIds, type Connectors } from '../connectors/registry';
import type { DraftStore } from './drafts';
import { AppError } from '../platform/errors';
import type { EventHub } from './events';
import type { CredentialVault } from './vault';

export interface CheckService {
  run(input: { draftId: string; operationId: string; only?: ReadonlyArray<string> }): Promise<CheckReport>;
  cancel(operationId: string): boolean;
  lastReport(draftId: string): CheckReport | undefined;
  forget(draftId: string): void;
}

export function createCheckService(deps: {
  connectors: Connectors;
  drafts: DraftStore;
  vault: CredentialVault;
  events: EventHub;
  /** A recreate's data source companies (the new credential must reach them); undefined otherwise. */
  expectedCompanies?: (draft: Draft) => Promise<ReadonlyArray<Company> | undefined>;
}): CheckService {
  const running = new Map<string, AbortController>();
  const reports = new Map<string, CheckReport>();

  return {
    async run({ draftId, operationId, only }) {
      const draft = await deps.drafts.current();
      if (!draft || draft.id !== draftId) throw new AppError('E_NO_DRAFT', 'This setup is no longer in progress; start again.');
      const connector = deps.connectors[draft.system];
      const secretFields = secretFieldIds(connector.descriptor);
      const stored = await deps.vault.status(draftId, secretFields);
      const fieldErrors = connector.validate(draft.fields, stored);
      if (fieldErrors.length > 0) throw new AppError('E_INVALID_FIELDS', 'Some fields need attention before testing.', fieldErrors);
      if (running.has(operationId)) throw new AppError('E_BUSY', 'This check run is already in progress.');

      const controller = new AbortController();
      running.set(operationId, controller);
      try {
        const secrets = await deps.vault.read(draftId, secretFields);
        const previous = only ? reports.get(draftId) : undefined;
        const expectedCompanies = await deps.expectedCompanies?.(draft);
        const report = await connector.runChecks(
          { fields: draft.fields, secrets },
          {
            ...(only ? { only } : {}),
            ...(previous ? { previous } : {}),
            ...(expectedCompanies ? { expectedCompanies } : {}),
            signal: controller.signal,
            onEvent: (event) => deps.events.emit('checks.progress', { operationId, event }),
          },
        );
        reports.set(draftId, report);
        return report;
      } finally {
        running.delete(operationId);
      }
    },
    cancel(operationId) {
      const controller = running.get(operationId);
      controller?.abort();
      return controller !== undefined;
    },
    lastReport: (draftId) => reports.get(draftId),
    forget: (draftId) => void reports.delete(draftId),
  };
}
