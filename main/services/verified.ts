/**
 * The setup as the hand-off may use it: the current draft, checks that did not fail, its secrets read from
 * the vault just for this, the selected companies as the last report listed them, and the configuration
 * the connector builds from them. Review, hand-off and the bulk connect all start here, so they agree.
 */
import type { Draft } from '../../preload/contract';
import { secretFieldIds, type Connectors } from '../connectors/registry';
import type { CheckInput, Company, Connector, DataSourceConfig } from '../connectors/types';
import type { ExopenClient } from '../exopen';
import type { CheckService } from './checks';
import type { DraftStore } from './drafts';
import { AppError } from '../platform/errors';
import { viaExopen } from './exopen-errors';
import { createLogger } from '../platform/log';
import type { CredentialVault } from './vault';

const log = createLogger('verified');

export interface VerifiedSetup {
  readonly draft: Draft;
  readonly connector: Connector;
  readonly input: CheckInput;
  /** The selected companies, in the order the report listed them. */
  readonly companies: ReadonlyArray<Company>;
  readonly config: DataSourceConfig;
  /** Every company the credential reached in the last check run. */
  readonly reached: ReadonlyArray<Company>;
}

export interface VerifiedDeps {
  readonly connectors: Connectors;
  readonly drafts: DraftStore;
  readonly vault: CredentialVault;
  readonly checks: CheckService;
  readonly exopen: ExopenClient;
}

export async function loadVerified(deps: VerifiedDeps, draftId: string): Promise<VerifiedSetup> {
  const draft = await deps.drafts.current();
  if (!draft || draft.id !== draftId) throw new AppError('E_NO_DRAFT', 'This setup is no longer in progress; start again.');
  const report = deps.checks.lastReport(draftId);
  if (!report || report.overall === 'failed') throw new AppError('E_NOT_VERIFIED', 'Run the checks and fix what failed before handing off.');
  const connector = deps.connectors[draft.system];
  const secrets = await deps.vault.read(draftId, secretFieldIds(connector.descriptor));
  const chosen = new Set(draft.selectedCompanies);
  const companies = report.companies.filter((company) => chosen.has(company.id));
  // A recreate's old selection may not exist in a foreign key's report at all: "pick a company" would hide
  // the real problem, so name it. (With a selection, the hand-off itself checks the rule.)
  if (companies.length === 0 && draft.recreateOf) await requireSameCompanies(deps.exopen, draft.recreateOf, report.companies);
  if (companies.length === 0) throw new AppError('E_NO_COMPANIES', 'Pick at least one company to connect.');
  const input = { fields: draft.fields, secrets };
  return { draft, connector, input, companies, config: connector.buildConfig(input, companies), reached: report.companies };
}

/** Connects company by company: a credential that reaches several companies, of a connector that can verify each. */
export const isBulk = (setup: VerifiedSetup): boolean =>
  setup.connector.descriptor.reachesSeveralCompanies && setup.connector.probeCompany !== undefined && setup.draft.recreateOf === undefined;

/** A recreate must reach every company the data source already has (a key swap may not change company). */
export async function requireSameCompanies(exopen: ExopenClient, dataSourceId: string, reached: ReadonlyArray<Company>): Promise<void> {
  const existing = await viaExopen(() => exopen.getDataSource(dataSourceId));
  const reachable = new Set(reached.map((company) => company.id));
  const missing = existing.companies.filter((company) => !reachable.has(company.id));
  if (missing.length === 0) return;
  const reachedNames = reached.map((company) => company.name).join(', ') || 'no company';
  throw new AppError(
    'E_OTHER_COMPANY',
    `This credential reaches ${reachedNames}, not ${missing.map((company) => company.name).join(', ')}: use a key of the same company to replace the old one.`,
  );
}

/**
 * What a recreate's new credential must reach, for the checks to say so at Test: the data source's companies.
 * Undefined for a new setup, and when Exopen cannot be asked right now (signed out, offline): the hand-off
 * asks again and refuses then (requireSameCompanies), so nothing is lost by not knowing here.
 */
export async function swapCompanies(exopen: ExopenClient, draft: Draft): Promise<ReadonlyArray<Company> | undefined> {
  if (!draft.recreateOf) return undefined;
  try {
    const existing = await exopen.getDataSource(draft.recreateOf);
    return existing.companies.map((company) => ({ id: company.id, name: company.name, active: true }));
  } catch (error) {
    log.info('the data source being recreated could not be read; its company is checked at the hand-off', { error });
    return undefined;
  }
}
