/**
 * Every known problem in the catalogue is produced by the sandbox: every scenario of every system runs
 * through its connector against the real simulators, plus a few variants that need a fault injected
 * through the simulators' admin controls (Netvisor's failNext, Procountor's rights) or another field value.
 * Each case must show exactly the entries listed, so the matcher is tested for precision (healthy shows
 * nothing) as well as for recall (every entry shows somewhere).
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../../main/connectors/types';
import { CATALOGUE, type DiagnoseRun } from '../../../main/diagnose';
import { closedPort, diagnoseScenario, startSimulators, type SimulatedSystem, type Simulators } from './support';

interface Case {
  readonly system: SimulatedSystem;
  readonly scenario: string;
  readonly variant?: string;
  readonly expect: ReadonlyArray<string>;
  readonly run?: (sims: Simulators) => Promise<DiagnoseRun>;
}

const b64 = (value: string) => Buffer.from(value).toString('base64url');
/** An API key as Procountor issues them, but made on another Procountor server (signed with a key we do not have). */
const keyFromOtherServer = () => {
  const head = `${b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64(JSON.stringify({ sub: '5101', aud: 'exopenClient', iss: 'https://pts-api.procountor.com/api', iat: 1_700_000_000, jti: 'key-x', cid: 100201 }))}`;
  return `${head}.${createHmac('sha256', 'not-the-server-secret').update(head).digest('base64url')}`;
};
const healthyReportFor = (company: { id: string; name: string }): CheckReport => ({
  system: 'procountor', startedAt: '', finishedAt: '', overall: 'passed', results: [], requestCount: 0,
  companies: [{ id: company.id, name: company.name, active: true }],
});

const plain = (system: SimulatedSystem, scenario: string, expected: ReadonlyArray<string>): Case => ({ system, scenario, expect: expected.map((slug) => `${system}.${slug}`) });
const variant = (system: SimulatedSystem, scenario: string, name: string, expected: ReadonlyArray<string>, run: Case['run']): Case => ({ ...plain(system, scenario, expected), variant: name, ...(run ? { run } : {}) });

const NETVISOR_HEALTHY = 'demo-healthy';
const fault = (code: string, text: string) => (sims: Simulators) => {
  sims.netvisor.failNext(NETVISOR_HEALTHY, { kind: 'error', code, text });
  return diagnoseScenario(sims, 'netvisor', 'healthy');
};

const CASES: ReadonlyArray<Case> = [
  plain('netvisor', 'healthy', []),
  plain('netvisor', 'two-blocked', ['resource-blocked']),
  plain('netvisor', 'no-api', ['no-api']),
  plain('netvisor', 'wrong-keys', ['wrong-keys']),
  plain('netvisor', 'unknown-partner', ['unknown-partner']),
  plain('netvisor', 'clock-skew', ['clock-skew']),
  plain('netvisor', 'module-missing', ['module-missing']),
  plain('netvisor', 'no-rights-yet', ['resource-blocked', 'nothing-allowed']),
  plain('netvisor', 'other-business-id', ['no-company']),
  plain('netvisor', 'request-not-unique', ['request-not-unique']),
  plain('netvisor', 'mac-url', ['mac-url']),
  plain('netvisor', 'maintenance', ['maintenance']),
  plain('netvisor', 'proxy-page', ['not-netvisor']),
  plain('netvisor', 'connection-dropped', ['unreachable']),
  variant('netvisor', 'healthy', "another company's Business ID", ['no-company'], (sims) => diagnoseScenario(sims, 'netvisor', 'healthy', { fields: { businessId: '1414213-0' } })),
  variant('netvisor', 'healthy', 'a repeated TransactionId', ['request-not-unique'], fault('REQUEST_NOT_UNIQUE', 'Tapahtumatunnus on jo käytetty. Tunnuksen on vaihduttava joka pyynnössä')),
  variant('netvisor', 'healthy', 'a proxy rewrote the URL', ['mac-url'], fault('AUTHENTICATION_FAILED', 'URI-metodi ei kelpaa, katso dokumentaatio. Käytä MAC-tiivisteen laskentaan merkkijonoa: https://x/accountingperiodlist.nv&… :: 0A1B')),
  variant('netvisor', 'healthy', 'maintenance', ['maintenance'], fault('SYSTEM_MAINTANANCE', 'Järjestelmä on huollossa')),
  variant('netvisor', 'healthy', 'a proxy login page', ['not-netvisor'], (sims) => {
    sims.netvisor.failNext(NETVISOR_HEALTHY, { kind: 'malformed', body: '<html><body>Please sign in to the proxy</body></html>' });
    return diagnoseScenario(sims, 'netvisor', 'healthy');
  }),
  variant('netvisor', 'healthy', 'nothing listens at the address', ['unreachable'], async (sims) =>
    diagnoseScenario(sims, 'netvisor', 'healthy', { fields: { environment: 'custom', baseUrl: `http://127.0.0.1:${await closedPort()}` } }),
  ),

  plain('procountor', 'healthy', []),
  plain('procountor', 'no-accounting-rights', ['rights-gap']),
  plain('procountor', 'documents-off', ['documents-off']),
  plain('procountor', 'revoked-key', ['key-revoked']),
  plain('procountor', 'other-company', []),
  plain('procountor', 'throttled', ['throttled']),
  plain('procountor', 'empty-data', ['empty-data']),
  plain('procountor', 'personal-only', ['row-limitation']),
  plain('procountor', 'foreign-key', ['key-foreign']),
  plain('procountor', 'malformed-key', ['key-malformed']),
  plain('procountor', 'purchases-not-enabled', ['not-in-product']),
  plain('procountor', 'no-archive-rights', ['documents-no-rights']),
  plain('procountor', 'invalid-key', ['key-rejected']),
  plain('procountor', 'test-server-key', ['key-environment']),
  plain('procountor', 'connection-dropped', ['unreachable']),
  variant('procountor', 'other-company', 'swapped in for the healthy company', ['other-company'], (sims) => {
    const healthy = sims.procountor.scenarios.find((candidate) => candidate.id === 'healthy')!.company;
    return diagnoseScenario(sims, 'procountor', 'other-company', { previous: healthyReportFor(healthy) });
  }),
  variant('procountor', 'healthy', 'no right to the archive', ['documents-no-rights'], async (sims) => {
    sims.procountor.setRight('healthy', 'attachments', 'NO_ACCESS');
    try {
      return await diagnoseScenario(sims, 'procountor', 'healthy');
    } finally {
      sims.procountor.reset();
    }
  }),
  variant('procountor', 'healthy', 'a key with a broken signature', ['key-rejected'], (sims) => {
    const key = sims.procountor.scenarios.find((candidate) => candidate.id === 'healthy')!.credentials.apiKey;
    return diagnoseScenario(sims, 'procountor', 'healthy', { secrets: { apiKey: `${key.slice(0, -4)}${key.endsWith('AAAA') ? 'BBBB' : 'AAAA'}` } });
  }),
  variant('procountor', 'healthy', 'a key from the test server', ['key-environment'], (sims) => diagnoseScenario(sims, 'procountor', 'healthy', { secrets: { apiKey: keyFromOtherServer() } })),
  variant('procountor', 'healthy', 'nothing listens at the address', ['unreachable'], async (sims) =>
    diagnoseScenario(sims, 'procountor', 'healthy', { fields: { environment: 'custom', baseUrl: `http://127.0.0.1:${await closedPort()}/api` } }),
  ),

  plain('vitec', 'healthy', []),
  plain('vitec', 'integration-partial', ['integration-not-enabled']),
  plain('vitec', 'unknown-integration', ['unknown-integration']),
  plain('vitec', 'locked-user', ['user-locked']),
  plain('vitec', 'expired-password', ['password-expired']),
  plain('vitec', 'wrong-password', ['wrong-password']),
  plain('vitec', 'no-companies', ['no-companies']),
  plain('vitec', 'all-inactive', ['all-inactive']),
  plain('vitec', 'company-fails', []),
  plain('vitec', 'large', []),
  plain('vitec', 'unknown-domain', ['unknown-domain']),
  plain('vitec', 'connection-dropped', ['unreachable']),
  variant('vitec', 'healthy', 'a domain that does not exist', ['unknown-domain'], (sims) => diagnoseScenario(sims, 'vitec', 'healthy', { fields: { domain: 'no-such-installation' } })),
  variant('vitec', 'healthy', 'an installation that does not answer', ['unreachable'], async (sims) =>
    diagnoseScenario(sims, 'vitec', 'healthy', { context: { sandboxUrls: { vitec: `http://127.0.0.1:${await closedPort()}` } } }),
  ),
];

describe('the known-problems catalogue against the sandbox', () => {
  let sims: Simulators;
  const produced = new Set<string>();

  beforeAll(async () => {
    sims = await startSimulators();
  });
  afterAll(() => sims.close());

  it('runs every scenario of every simulator (none is left out of this test)', () => {
    for (const system of ['netvisor', 'procountor', 'vitec'] as const) {
      const covered = new Set(CASES.filter((entry) => entry.system === system).map((entry) => entry.scenario));
      expect([...covered].sort()).toEqual(sims[system].scenarios.map((scenario) => scenario.id).sort());
    }
  });

  it.each(CASES.map((entry) => [`${entry.system}/${entry.scenario}${entry.variant ? ` (${entry.variant})` : ''}`, entry] as const))('%s', async (_name, entry) => {
    sims.netvisor.reset();
    const run = await (entry.run ?? ((s: Simulators) => diagnoseScenario(s, entry.system, entry.scenario)))(sims);
    const ids = run.diagnosis.knownProblems.map((problem) => problem.id);
    expect([...ids].sort()).toEqual([...entry.expect].sort());
    // Every match points at a check of the run, and each result lists what its rows and requests showed.
    for (const problem of run.diagnosis.knownProblems) {
      expect(problem.checkIds.length).toBeGreaterThan(0);
      for (const checkId of problem.checkIds) expect(run.diagnosis.results.find((result) => result.checkId === checkId)?.entries).toContain(problem.id);
    }
    for (const id of ids) produced.add(id);
  });

  it("names, for every entry, a scenario of its own system that shows it (the CLI and UI sweeps run those)", () => {
    for (const entry of CATALOGUE) {
      const showing = CASES.filter((candidate) => candidate.system === entry.system && candidate.scenario === entry.scenario && candidate.expect.includes(entry.id));
      expect(showing, `${entry.id} → scenario ${entry.scenario}`).not.toEqual([]);
    }
  });

  it('produced every catalogue entry', () => {
    expect(CATALOGUE.map((entry) => entry.id).filter((id) => !produced.has(id))).toEqual([]);
  });
});
