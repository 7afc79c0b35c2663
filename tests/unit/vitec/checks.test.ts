/**
 * Every check path against every scenario of the Vitec simulator. The simulator speaks the SPECULATIVE
 * assumed API (connectors/vitec/assumedApi.ts): these tests pin our behaviour, not Vitec's.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createVitecConnector } from '../../../main/connectors/vitec';
import type { ConnectorContext } from '../../../main/connectors/context';
import { startVitecSimulator, type VitecSimulator } from '../../../main/connectors/vitec/sandbox';
import { collectEvents, contextFor, failing, inputFor, messagesIn, render, resultOf, rowsOf, scenario, statuses } from './helpers';

let simulator: VitecSimulator;
beforeAll(async () => {
  simulator = await startVitecSimulator();
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

async function run(scenarioId: string, fields: Record<string, string> = {}, secrets: Record<string, string> = {}, extra: Partial<ConnectorContext> = {}) {
  const ctx = contextFor(simulator.url, extra);
  const { events, onEvent } = collectEvents();
  const report = await createVitecConnector(ctx).runChecks(inputFor(scenario(simulator, scenarioId), fields, secrets), { onEvent });
  // Every message the run produced exists in English with every placeholder filled.
  for (const message of messagesIn(report)) render(message);
  for (const message of messagesIn(events)) render(message);
  return { report, events, requests: ctx.requests };
}

describe('Vitec checks: healthy', () => {
  it('passes all four checks, lists 40 companies (5 inactive) and streams one row per company', async () => {
    const { report, events, requests } = await run('healthy');
    expect(statuses(report)).toEqual({ domain: 'passed', login: 'passed', companies: 'passed', integration: 'passed' });
    expect(report.overall).toBe('passed');
    expect(report.system).toBe('vitec');
    expect(report.companies).toHaveLength(40);
    expect(report.companies.filter((company) => !company.active).map((company) => company.id)).toEqual(['1008', '1016', '1024', '1032', '1040']);
    expect(report.companies.every((company) => company.note === undefined)).toBe(true);
    expect(report.companies[0]).toMatchObject({ id: '1001', active: true, businessId: expect.stringMatching(/^559\d{3}-\d{4}$/) });
    expect(render(resultOf(report.results, 'companies').summary)).toBe('exopen.api reaches 40 companies, 5 of them inactive.');
    expect(render(resultOf(report.results, 'integration').summary)).toBe('The Exopen integration is enabled for all 40 companies.');
    expect(render(resultOf(report.results, 'domain').summary)).toBe('demo-healthy.vitec.net (sandbox) answered (HTTP 200).');
    expect(rowsOf(report)).toHaveLength(40);
    expect(rowsOf(report).every((row) => row.status === 'allowed')).toBe(true);
    // status + me + one company page + the integration: the company list is fetched once for two checks.
    expect(report.requestCount).toBe(4);
    expect(requests.map((request) => request.checkId)).toEqual(['domain', 'login', 'companies', 'integration']);
    const types = events.map((event) => event.type);
    expect(types.filter((type) => type === 'row')).toHaveLength(40);
    expect(types.at(-1)).toBe('run-finished');
    const lastRow = events.filter((event) => event.type === 'row').at(-1);
    expect(lastRow).toMatchObject({ checkId: 'integration', done: 40, total: 40 });
  });
});

describe('Vitec checks: the integration', () => {
  it('enabled for only some: exactly the 3 companies without it, in the rows and in companies[].note', async () => {
    const { report } = await run('integration-partial');
    const expected = scenario(simulator, 'integration-partial').expectWithoutIntegration;
    expect(expected).toEqual(['1007', '1019', '1033']);
    expect(statuses(report)).toEqual({ domain: 'passed', login: 'passed', companies: 'passed', integration: 'warning' });
    expect(report.overall).toBe('warning');
    const missing = rowsOf(report).filter((row) => row.status !== 'allowed');
    expect(missing.map((row) => row.id)).toEqual(expected);
    for (const row of missing) {
      expect(row.status).toBe('error');
      const company = report.companies.find((candidate) => candidate.id === row.id)!;
      expect(render(row.fix)).toBe(`Enable the Exopen integration for ${company.name} in Vitec Ekonomi (integration settings), then test again.`);
      expect(render(row.meaning)).toContain('later changes never arrive');
    }
    expect(report.companies.filter((company) => company.note).map((company) => company.id)).toEqual(expected);
    const noted = report.companies.find((company) => company.note)!;
    expect(render(noted.note!)).toMatch(/^The Exopen integration is not enabled for this company in Vitec Ekonomi/);
    const integration = failing(report, 'integration');
    expect(integration.kind).toBe('customer-action');
    expect(render(integration.summary)).toBe('The Exopen integration is not enabled for 3 of 40 companies.');
    expect(render(integration.meaning)).toContain('the first import works, but later vouchers, customers and dimensions never arrive');
    const names = missing.map((row) => report.companies.find((company) => company.id === row.id)!.name).join(', ');
    expect(render(integration.fix)).toBe(`Ask your Vitec administrator to enable the Exopen integration for ${names} in Vitec Ekonomi's integration settings, then test again.`);
  });

  it('enabled for none: fails, and every company carries the note', async () => {
    const { credentials } = scenario(simulator, 'company-fails');
    for (let id = 1001; id <= 1012; id++) simulator.setIntegrationEnabled(credentials.domain, String(id), false);
    const { report } = await run('company-fails');
    const integration = failing(report, 'integration');
    expect(integration.status).toBe('failed');
    expect(render(integration.summary)).toBe('The Exopen integration is not enabled for any of the 12 companies.');
    expect(render(integration.fix)).toMatch(/and 7 more\) in Vitec Ekonomi's integration settings/);
    expect(report.companies.every((company) => company.note)).toBe(true);
  });

  it('unknown Integration ID: Vitec\'s own words, our meaning, the fix', async () => {
    const { report } = await run('unknown-integration');
    expect(statuses(report)).toEqual({ domain: 'passed', login: 'passed', companies: 'passed', integration: 'failed' });
    const integration = failing(report, 'integration');
    expect(integration.kind).toBe('input');
    expect(integration.vendor).toEqual({ code: 'unknown-integration', text: 'Det finns ingen integration med id c3f1a2d4-7b6e-4e0a-9d51-999999999999.', httpStatus: 404 });
    expect(render(integration.summary)).toBe('Vitec does not know the Integration ID “c3f1a2d4-7b6e-4e0a-9d51-999999999999”.');
    expect(render(integration.meaning)).toContain('no partner integration with that ID is registered in this installation');
    expect(render(integration.fix)).toContain("Vitec Ekonomi's integration settings");
    expect(rowsOf(report)).toEqual([]);
    // The companies are still listed (the sign-in works), without notes: the failed check explains.
    expect(report.companies).toHaveLength(6);
    expect(report.companies.some((company) => company.note)).toBe(false);
  });
});

describe('Vitec checks: the sign-in', () => {
  it('wrong password: rejected, told apart from a locked user', async () => {
    const { report } = await run('wrong-password');
    expect(statuses(report)).toEqual({ domain: 'passed', login: 'failed', companies: 'skipped', integration: 'skipped' });
    const login = failing(report, 'login');
    expect(login.kind).toBe('input');
    expect(login.vendor).toEqual({ code: 'invalid-credentials', text: 'Felaktigt användarnamn eller lösenord.', httpStatus: 401 });
    expect(render(login.summary)).toBe('Vitec did not accept the username and password.');
    expect(render(login.meaning)).toContain('the username or the password is wrong');
    expect(render(resultOf(report.results, 'companies').summary)).toBe('Skipped: Vitec did not accept the sign-in.');
    expect(render(resultOf(report.results, 'integration').summary)).toBe('Skipped: no companies could be listed.');
    expect(report.companies).toEqual([]);
  });

  it('wrong user name: the same rejection', async () => {
    const { report } = await run('healthy', { username: 'someone.else' });
    expect(failing(report, 'login').meaning.key).toBe('vitec:diagnosis.login.wrongCredentials.meaning');
  });

  it('a password pasted with a trailing space: the explanation points at the space', async () => {
    const { credentials } = scenario(simulator, 'healthy');
    const { report } = await run('healthy', {}, { password: `${credentials.password} ` });
    expect(render(failing(report, 'login').meaning)).toContain('starts or ends with a space');
  });

  it('locked user: the administrator must unlock it; retrying will not help', async () => {
    const { report } = await run('locked-user');
    const login = failing(report, 'login');
    expect(login.kind).toBe('customer-action');
    expect(login.vendor).toEqual({ code: 'user-locked', text: 'Användaren exopen.api är låst. Kontakta din administratör.', httpStatus: 423 });
    expect(render(login.summary)).toBe('Vitec has locked the user exopen.api.');
    expect(render(login.meaning)).toContain('This is not a typo');
    expect(render(login.fix)).toMatch(/unlock the API user/);
  });

  it('expired password: a new password is needed', async () => {
    const { report } = await run('expired-password');
    const login = failing(report, 'login');
    expect(login.kind).toBe('customer-action');
    expect(login.vendor?.code).toBe('password-expired');
    expect(render(login.summary)).toBe('The password of exopen.api has expired.');
    expect(render(login.fix)).toContain('choose a new password');
  });
});

describe('Vitec checks: "no companies found" is never said alone', () => {
  it('zero companies: the sign-in works but the user reaches no company', async () => {
    const { report } = await run('no-companies');
    expect(statuses(report)).toEqual({ domain: 'passed', login: 'passed', companies: 'failed', integration: 'skipped' });
    const companies = failing(report, 'companies');
    expect(companies.kind).toBe('customer-action');
    expect(render(companies.summary)).toBe('The sign-in works, but exopen.api reaches no company.');
    expect(render(companies.fix)).toMatch(/^Give the API user access to the companies Exopen should read in Vitec Ekonomi/);
    expect(report.companies).toEqual([]);
  });

  it('all companies inactive: a warning that names Show inactive; the companies are still listed', async () => {
    const { report } = await run('all-inactive');
    expect(statuses(report)).toEqual({ domain: 'passed', login: 'passed', companies: 'warning', integration: 'passed' });
    const companies = failing(report, 'companies');
    expect(render(companies.summary)).toBe('Every company exopen.api reaches is inactive (4).');
    expect(render(companies.fix)).toMatch(/^If you mean to connect these inactive companies, turn on Show inactive/);
    expect(report.companies).toHaveLength(4);
    expect(report.companies.every((company) => !company.active)).toBe(true);
  });

  it('a domain Vitec does not know: its own 404 explained as the domain', async () => {
    const { report } = await run('healthy', { domain: 'https://nosuch.vitec.net/' });
    expect(statuses(report)).toEqual({ domain: 'failed', login: 'skipped', companies: 'skipped', integration: 'skipped' });
    const domain = failing(report, 'domain');
    expect(domain.kind).toBe('input');
    expect(domain.vendor).toEqual({ code: 'unknown-domain', text: 'Installationen nosuch.vitec.net finns inte.', httpStatus: 404 });
    expect(render(domain.meaning)).toBe('There is no Vitec Ekonomi installation called “nosuch”: Vitec answered that nosuch.vitec.net (sandbox) does not exist.');
  });

  it('a malformed domain: the domain check names the field and the fix before any request', async () => {
    const { report, requests } = await run('healthy', { domain: 'acme.example.com' });
    const domain = failing(report, 'domain');
    expect(domain.kind).toBe('input');
    expect(render(domain.meaning)).toMatch(/^Domain: acme\.example\.com is not a Vitec Ekonomi address/);
    expect(render(domain.fix)).toBe('Correct the field shown on the Credentials step, then test again.');
    expect(requests).toEqual([]);
  });

  it('the 500-company installation lists all 500 across pages', async () => {
    const { report, requests } = await run('large');
    expect(report.overall).toBe('passed');
    expect(report.companies).toHaveLength(500);
    expect(new Set(report.companies.map((company) => company.id)).size).toBe(500);
    expect(new Set(report.companies.map((company) => company.name)).size).toBe(500);
    expect(report.companies.filter((company) => !company.active)).toHaveLength(20);
    expect(requests.filter((request) => request.checkId === 'companies')).toHaveLength(5);
    expect(rowsOf(report)).toHaveLength(500);
  });

  it('a company that fails to connect still passes the checks (the bulk connect finds it)', async () => {
    const { report } = await run('company-fails');
    expect(report.overall).toBe('passed');
    expect(report.companies).toHaveLength(12);
  });
});

describe('Vitec checks: incomplete forms', () => {
  it('names the first missing field; the domain check still runs when the domain is valid', async () => {
    const { report } = await run('healthy', { username: '', integrationId: '' }, { password: '' });
    expect(statuses(report)).toEqual({ domain: 'passed', login: 'failed', companies: 'skipped', integration: 'skipped' });
    const login = failing(report, 'login');
    expect(render(login.meaning)).toBe('Username: enter the login of the API user in Vitec Ekonomi.');
    expect(render(login.fix)).toBe('Correct the 3 fields shown on the Credentials step, then test again.');
  });

  it('a cancelled run skips what it did not start, with the reason', async () => {
    const controller = new AbortController();
    controller.abort();
    const ctx = contextFor(simulator.url);
    const report = await createVitecConnector(ctx).runChecks(inputFor(scenario(simulator, 'healthy')), { signal: controller.signal, onEvent: () => undefined });
    expect(render(resultOf(report.results, 'domain').summary)).toBe('Skipped: the test was cancelled.');
    expect(ctx.requests).toEqual([]);
  });
});
