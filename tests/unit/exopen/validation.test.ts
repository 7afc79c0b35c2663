import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExopenError, formFieldOf } from '../../../main/exopen';
import { DOMAIN, CANARY, contractViolations, sampleConfig, startHarness, type Harness } from './support/harness';

describe('bad input gets field-by-field errors that name the fix', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.close();
  });

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${harness.proxy.url}/v1/domains/${DOMAIN}/data-sources`, {
      method: 'POST',
      headers: { authorization: `Bearer ${harness.sandbox.token}`, 'content-type': 'application/json', 'idempotency-key': 'key-raw-0000001', ...headers },
      body,
    });

  it('lists every refused field, straight from the problem body, and creates nothing', async () => {
    const config = sampleConfig({
      displayName: '   ',
      settings: { customerId: 'ACME-123', '9lives': 'x' },
      secrets: { customerKey: CANARY, partnerKey: '' },
      companies: [],
    });
    const failure = await harness.client.createDataSource(DOMAIN, config, 'key-invalid-0001').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ExopenError);
    const error = failure as ExopenError;
    expect(error).toMatchObject({ code: 'validation', httpStatus: 422, problemCode: 'validation-failed' });
    expect(error.fieldErrors.map((item) => item.field).sort()).toEqual(['companies', 'displayName', 'secrets.partnerKey', 'settings.9lives']);
    const byField = Object.fromEntries(error.fieldErrors.map((item) => [item.field, item.text]));
    expect(byField.displayName).toMatch(/must not be blank: give a name/);
    expect(byField.companies).toMatch(/at least one company: pick the companies/);
    expect(byField['secrets.partnerKey']).toMatch(/must not be empty: enter the secret again/);
    expect(byField['settings.9lives']).toMatch(/use letters and digits, starting with a letter/);
    expect(error.fieldErrors[0]?.message).toEqual({ key: 'exopen:validation.backend', params: { field: error.fieldErrors[0]?.field, text: error.fieldErrors[0]?.text } });
    expect(error.msg).toEqual({ key: 'exopen:errors.validation', params: { count: 4 } });
    expect(JSON.stringify({ message: error.message, fields: error.fieldErrors })).not.toContain(CANARY);
    expect(harness.proxy.exchanges).toHaveLength(1);
    expect(await harness.client.listDataSources()).toEqual([]);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('applies the rules the document states in prose: unique companies, a field is a setting or a secret', async () => {
    const config = sampleConfig({
      settings: { customerId: 'ACME-123', customerKey: 'not here' },
      companies: [
        { id: 'A1', name: 'Acme Oy' },
        { id: 'A1', name: 'Acme Oy again' },
      ],
    });
    const failure = (await harness.client.createDataSource(DOMAIN, config, 'key-prose-000001').catch((error: unknown) => error)) as ExopenError;
    expect(failure.fieldErrors.map((item) => [item.field, item.text])).toEqual([
      ['companies[1].id', 'repeats companies[0].id; list each company once'],
      ['secrets.customerKey', 'is also given as a setting; send it in secrets only'],
    ]);
  });

  it('names the Idempotency-Key header when it is missing or malformed', async () => {
    const body = JSON.stringify({ ...sampleConfig(), companies: [{ id: '1', name: 'A' }] });
    for (const key of [undefined, 'short']) {
      const headers: Record<string, string> = { authorization: `Bearer ${harness.sandbox.token}`, 'content-type': 'application/json' };
      if (key) headers['idempotency-key'] = key;
      const answer = await fetch(`${harness.proxy.url}/v1/domains/${DOMAIN}/data-sources`, { method: 'POST', headers, body });
      const problem = (await answer.json()) as { code: string; errors: Array<{ field: string; message: string }> };
      expect(answer.status).toBe(422);
      expect(problem.code).toBe('validation-failed');
      expect(problem.errors).toEqual([{ field: 'Idempotency-Key', message: expect.stringMatching(/UUID/) as unknown as string }]);
    }
    expect(await harness.client.listDataSources()).toEqual([]);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('answers a body that is not JSON, not JSON-typed or too large with its own problem', async () => {
    const notJson = await post('{"system": ');
    expect([notJson.status, ((await notJson.json()) as { code: string }).code]).toEqual([400, 'malformed-body']);
    const wrongType = await post('system=netvisor', { 'content-type': 'application/x-www-form-urlencoded' });
    expect([wrongType.status, ((await wrongType.json()) as { code: string }).code]).toEqual([415, 'unsupported-media-type']);
    const tooLarge = await post(JSON.stringify({ ...sampleConfig(), displayName: 'x'.repeat(1024 * 1024) }));
    expect([tooLarge.status, ((await tooLarge.json()) as { code: string }).code]).toEqual([413, 'payload-too-large']);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('maps backend paths to the form fields they are about', () => {
    expect(formFieldOf('settings.customerId')).toBe('customerId');
    expect(formFieldOf('secrets.customerKey')).toBe('customerKey');
    expect(formFieldOf('companies[1].id')).toBe('companies[1].id');
    expect(formFieldOf('displayName')).toBe('displayName');
  });
});
