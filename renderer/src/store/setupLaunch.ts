/**
 * Starting a setup from the Data sources page: a new credential for a system (at "Before you start") or a
 * recreate of a broken data source (at Credentials). The unfinished setup it replaces is discarded; the page
 * asks before that happens.
 */
import { BridgeCallError } from '../../../preload/bridge';
import type { AvailableCompany, DataSourceCard } from '../../../preload/contract';
import { bridge } from '../bridge';
import type { Api } from './api';
import type { NextSetup } from './accountTypes';
import { cancelPendingSave } from './draftSync';
import { enter, transition } from './navigation';
import { sessionFromDraft } from './session';

export async function launchSetup(api: Api, next: NextSetup): Promise<void> {
  const { wizard, boot } = api.get();
  if (boot.phase !== 'ready') return;
  if (wizard.step === 'test' && wizard.run.running && wizard.run.operationId) {
    void bridge.checks.cancel({ operationId: wizard.run.operationId }).catch(() => undefined); // best effort: the draft is going away
  }
  cancelPendingSave();
  if (wizard.session) {
    await bridge.drafts.discard({ id: wizard.session.draftId });
    api.set({ wizard: enter.system(null), resumed: false });
  }
  const draft = next.kind === 'start' ? await bridge.drafts.start({ system: next.system }) : await bridge.drafts.recreate({ dataSourceId: next.cardId });
  const descriptor = boot.systems.find((system) => system.id === draft.system);
  if (!descriptor) throw new BridgeCallError('E_UNKNOWN_SYSTEM', `This version of Exopen Connect does not know the system "${draft.system}".`);
  const secrets = await bridge.secrets.status({ draftId: draft.id });
  const session = sessionFromDraft(draft, descriptor, secrets);
  transition(api, next.kind === 'start' ? enter.prepare(session) : enter.credentials(session));
  api.set({ view: 'wizard', resumed: false });
}

/**
 * The companies a connected credential reaches, for "Add companies". Exopen holds the credential after the
 * hand-off, so main asks the backend, which asks the vendor; the connected ones come back marked.
 */
export function companiesOfCredential(card: DataSourceCard): Promise<ReadonlyArray<AvailableCompany>> {
  return bridge.dataSources.companies({ id: card.id });
}
