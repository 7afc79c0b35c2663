/** Pure questions over the app state that several components and actions ask. */
import type { AvailableCompany, BackendEnvironment, DataSourceCard, Domain, RunStatus, SignerMode, SystemId } from '../../../preload/contract';
import type { AppState, Session, WizardState } from './types';

export const isActiveRun = (status: RunStatus): boolean => status === 'queued' || status === 'running';

export const isSignedIn = (state: AppState): boolean => state.auth.phase === 'signedIn';

/** The signer saved for a system, if the settings name one (only systems that need Exopen's partner secret). */
export function signerOf(state: AppState, system: SystemId): SignerMode | undefined {
  return state.settings.phase === 'ready' ? state.settings.value.signers[system] : undefined;
}

/** The checks of this system go through Exopen's broker, and nobody is signed in to Exopen. */
export function needsBrokerSignIn(state: AppState, system: SystemId): boolean {
  return signerOf(state, system) === 'broker' && !isSignedIn(state);
}

/**
 * The backend the running assistant talks to. Saved settings count only once they are active; until the
 * restart, what app.info reported at start is still in force.
 */
export function backendInForce(state: AppState): { readonly environment: BackendEnvironment; readonly url: string } | null {
  if (state.settings.phase === 'ready' && state.settings.value.active) return state.settings.value;
  return state.boot.phase === 'ready' ? state.boot.appInfo.backend : null;
}

/** A setup that would be lost by starting another one. A handed-off setup (Status) is finished. */
export function hasUnfinishedSetup(wizard: WizardState): boolean {
  return wizard.session !== null && wizard.step !== 'status';
}

export function domainsList(state: AppState): ReadonlyArray<Domain> {
  return state.domains.list.phase === 'ready' ? state.domains.list.list : [];
}

/** The domain the draft goes to, if it is known and the user may add data sources to it. */
export function chosenDomain(state: AppState, session: Session): Domain | null {
  const domain = domainsList(state).find((d) => d.id === session.domainId);
  return domain?.canAdminister ? domain : null;
}

export function cardById(state: AppState, id: string): DataSourceCard | undefined {
  return state.dataSources.cards?.find((card) => card.id === id);
}

/**
 * Whether one credential of a system reaches several companies, so "Add companies" makes sense: the system's
 * descriptor says so (a Netvisor API user belongs to exactly one company; a Vitec API user sees many).
 */
export function canAddCompanies(state: AppState, system: SystemId): boolean {
  return state.boot.phase === 'ready' && state.boot.systems.some((descriptor) => descriptor.id === system && descriptor.reachesSeveralCompanies);
}

/** Connected companies of a card: those on the card, and those the listing marks connected (it may be fresher). */
export function connectedIds(card: DataSourceCard | undefined, available: ReadonlyArray<AvailableCompany> | null): ReadonlySet<string> {
  return new Set([...(card?.companies.map((c) => c.id) ?? []), ...(available ?? []).filter((c) => c.connected).map((c) => c.id)]);
}
