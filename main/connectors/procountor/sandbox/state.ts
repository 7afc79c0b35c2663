/**
 * The simulator's mutable world: one company and API user per scenario (rights, Documents, data), the
 * API keys (fixed for the simulator's life so demo credentials stay valid across resets), the access
 * tokens issued, and the one-shot throttling of the throttled scenario.
 */
import { randomBytes } from 'node:crypto';
import { chartOfAccounts, dimensions, fiscalYears, ledgerReceipts, type Receipt } from './fixturesAccounting';
import { attachments, invoices, type Invoice } from './fixturesTrade';
import { signKey } from './jwt';
import { AREA_RIGHTS, fullViewingRights, LEVELS, setAt, type Level, type Rights } from './rightsModel';
import { SCENARIOS, type ScenarioSpec } from './scenarios';
import { SimulatorInputError } from '../../../sandbox/shared/input';

export const EXOPEN_CLIENT_ID = 'exopenClient';
/** A second registered API client, so a key made for another integration verifies but is not ours. */
export const OTHER_CLIENT_ID = 'otherIntegrationClient';

/** Access tokens live an hour, as public clients say Procountor's do (UNCERTAIN). */
export const TOKEN_LIFETIME_S = 3600;

export interface CompanyData {
  readonly receipts: ReadonlyArray<Receipt>;
  readonly sales: ReadonlyArray<Invoice>;
  readonly purchases: ReadonlyArray<Invoice>;
  readonly coa: ReturnType<typeof chartOfAccounts>;
  readonly fiscalYears: ReturnType<typeof fiscalYears>;
  readonly dimensions: ReturnType<typeof dimensions>;
  readonly attachments: ReturnType<typeof attachments>;
}

export interface UserState {
  readonly spec: ScenarioSpec;
  readonly rights: Rights;
  documents: boolean;
  throttleLeft: number;
  readonly data: CompanyData;
}

export interface IssuedToken {
  readonly clientId: string;
  readonly scenarioId: string;
  readonly expiresAt: number;
}

export { SimulatorInputError };

function companyData(spec: ScenarioSpec, todayMs: number): CompanyData {
  const empty = spec.data === 'empty';
  const sales = empty ? [] : invoices('SALES_INVOICE', todayMs, 30);
  return {
    receipts: empty ? [] : ledgerReceipts(todayMs),
    sales,
    purchases: empty ? [] : invoices('PURCHASE_INVOICE', todayMs, 24),
    coa: chartOfAccounts(),
    fiscalYears: fiscalYears(todayMs),
    dimensions: dimensions(),
    attachments: attachments(sales, todayMs),
  };
}

/** The key as handed out: cut inside the payload (no longer three parts), or with its signature's end changed. */
function demoKey(spec: ScenarioSpec, key: string): string {
  if (spec.key?.truncated) return key.slice(0, 60);
  if (spec.key?.brokenSignature) return `${key.slice(0, -4)}${key.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
  return key;
}

export class SimulatorState {
  readonly keySecret = randomBytes(32);
  /** Registered API clients and their secrets; Exopen's is fresh per start, nothing real can use it. */
  readonly clients = new Map<string, string>([
    [EXOPEN_CLIENT_ID, randomBytes(24).toString('base64url')],
    [OTHER_CLIENT_ID, randomBytes(24).toString('base64url')],
  ]);
  readonly users = new Map<string, UserState>();
  readonly tokens = new Map<string, IssuedToken>();
  /** The demo key of each scenario, as handed out (possibly cut short on purpose). */
  readonly demoKeys = new Map<string, string>();
  /** jti values Procountor no longer accepts. */
  readonly revoked = new Set<string>();

  constructor(
    readonly baseUrl: string,
    readonly clock: () => number,
  ) {
    for (const spec of SCENARIOS) {
      const claims = { sub: String(spec.user.id), aud: spec.key?.audience ?? EXOPEN_CLIENT_ID, iss: spec.key?.issuer ?? baseUrl, iat: 1_736_899_200, jti: `key-${spec.id}`, cid: spec.company.id };
      // A key of another server is signed with a secret this one never had, as that server's would be.
      this.demoKeys.set(spec.id, demoKey(spec, signKey(claims, spec.key?.issuer ? randomBytes(32) : this.keySecret)));
      if (spec.key?.revoked) this.revoked.add(claims.jti);
    }
    this.reset();
  }

  reset(): void {
    this.users.clear();
    this.tokens.clear();
    for (const spec of SCENARIOS) {
      const rights = fullViewingRights();
      for (const [path, value] of Object.entries(spec.rights ?? {})) setAt(rights, path, value);
      this.users.set(spec.id, { spec, rights, documents: spec.documents ?? true, throttleLeft: spec.throttleFirst ?? 0, data: companyData(spec, this.clock()) });
    }
  }

  /** The scenario of a jti (`key-<scenario>`) or of a scenario id or demo key given by an admin call. */
  user(reference: string): UserState {
    const byId = this.users.get(reference) ?? this.users.get(reference.replace(/^key-/, ''));
    if (byId) return byId;
    const byKey = [...this.demoKeys.entries()].find(([, key]) => key === reference);
    const user = byKey ? this.users.get(byKey[0]) : undefined;
    if (!user) throw new SimulatorInputError('unknown scenario or API key; use a scenario id such as "healthy"');
    return user;
  }

  /** Sets an area (a connector row id such as `ledgerReceipts`) or one right path (`accounting.archive`). */
  setRight(reference: string, area: string, level: string): void {
    const user = this.user(reference);
    if (!(LEVELS as ReadonlyArray<string>).includes(level)) throw new SimulatorInputError(`unknown level "${level}"; use one of ${LEVELS.join(', ')}`);
    const paths = AREA_RIGHTS[area] ?? (/^[a-zA-Z]+\.[a-zA-Z]+$/.test(area) ? [area] : undefined);
    if (!paths) throw new SimulatorInputError(`unknown area "${area}"; use one of ${Object.keys(AREA_RIGHTS).join(', ')} or a right path like accounting.archive`);
    for (const path of paths) setAt(user.rights, path, level as Level);
  }

  setLimitation(reference: string, path: string, on: boolean): void {
    if (!/^[a-zA-Z]+\.[a-zA-Z]+$/.test(path)) throw new SimulatorInputError(`"${path}" is not a right path like accounting.personalJournalReceiptsOnly`);
    setAt(this.user(reference).rights, path, on);
  }

  setDocuments(reference: string, on: boolean): void {
    this.user(reference).documents = on;
  }

  /** Makes every issued access token expire now (tests of the client's re-exchange). */
  expireTokens(): void {
    for (const [token, issued] of this.tokens) this.tokens.set(token, { ...issued, expiresAt: this.clock() - 1 });
  }
}
