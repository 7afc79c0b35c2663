/**
 * The setup-in-progress calls: drafts and the secrets typed into them. A recreate starts a draft from an
 * existing data source (same system and domain, its non-secret settings pre-filled, a new credential).
 */
import type { Handlers } from '../../preload/contract';
import { secretFieldIds, type Connectors } from '../connectors/registry';
import type { ExopenClient } from '../exopen';
import type { CheckService } from './checks';
import type { DraftStore } from './drafts';
import { AppError } from '../platform/errors';
import { viaExopen } from './exopen-errors';
import type { CredentialVault } from './vault';

type DraftHandlers = Pick<Handlers, 'drafts.current' | 'drafts.start' | 'drafts.recreate' | 'drafts.save' | 'drafts.discard' | 'secrets.put' | 'secrets.status'>;

export function createDraftHandlers(deps: {
  connectors: Connectors;
  drafts: DraftStore;
  vault: CredentialVault;
  checks: CheckService;
  exopen: ExopenClient;
}): DraftHandlers {
  const { connectors, drafts, vault, checks } = deps;

  async function requireDraft(id: string) {
    const draft = await drafts.current();
    if (!draft || draft.id !== id) throw new AppError('E_NO_DRAFT', 'This setup is no longer in progress; start again.');
    return draft;
  }

  /** A new setup replaces the one in progress: its secrets and its last report go with it. */
  async function discardCurrent() {
    const previous = await drafts.current();
    if (previous) await discard(previous.id);
  }

  async function discard(id: string) {
    await vault.forget(id);
    checks.forget(id);
    await drafts.discard(id);
  }

  return {
    'drafts.current': () => drafts.current(),
    'drafts.start': async ({ system }) => {
      await discardCurrent();
      return drafts.start(system);
    },
    'drafts.recreate': async ({ dataSourceId }) => {
      const dataSource = await viaExopen(() => deps.exopen.getDataSource(dataSourceId));
      const connector = connectors[dataSource.system as keyof Connectors];
      if (!connector) throw new AppError('E_UNKNOWN_SYSTEM', 'This version of the assistant does not know that system.');
      const known = new Set(connector.descriptor.fields.filter((field) => field.kind !== 'secret').map((field) => field.id));
      const fields = Object.fromEntries(Object.entries(dataSource.settings).filter(([field]) => known.has(field)));
      await discardCurrent();
      return drafts.start(connector.descriptor.id, {
        recreateOf: dataSource.id,
        domainId: dataSource.domainId,
        fields: { ...fields, ...(known.has('companyName') ? { companyName: dataSource.displayName } : {}) },
        selectedCompanies: dataSource.companies.map((company) => company.id),
      });
    },
    'drafts.save': async (input) => {
      await requireDraft(input.id);
      const saved = await drafts.save(input);
      const connector = connectors[saved.system];
      const stored = await vault.status(saved.id, secretFieldIds(connector.descriptor));
      return { draft: saved, errors: connector.validate(saved.fields, stored) };
    },
    'drafts.discard': async ({ id }) => {
      await discard(id);
      return { discarded: true };
    },
    'secrets.put': async ({ draftId, field, value }) => {
      const draft = await requireDraft(draftId);
      if (!secretFieldIds(connectors[draft.system].descriptor).includes(field))
        throw new AppError('E_NOT_SECRET', `${field} is not a secret field of this system.`);
      await vault.put(draftId, field, value);
      return { stored: true, backend: vault.backend.kind };
    },
    'secrets.status': async ({ draftId }) => {
      const draft = await requireDraft(draftId);
      return vault.status(draftId, secretFieldIds(connectors[draft.system].descriptor));
    },
  };
}
