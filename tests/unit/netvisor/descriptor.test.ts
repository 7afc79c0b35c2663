import { describe, expect, it } from 'vitest';
import { createNetvisorConnector, ConnectorConfigError } from '../../../main/connectors/netvisor';
import type { ConnectorContext } from '../../../main/connectors/context';
import type { FieldError } from '../../../main/connectors/types';
import { messagesIn, render } from './helpers';

const noPartner: ConnectorContext['partnerCredentials'] = { describe: async () => 'none', get: async () => undefined };
const production = createNetvisorConnector({ partnerCredentials: noPartner });
const sandboxed = createNetvisorConnector({ partnerCredentials: noPartner, sandboxUrls: { netvisor: 'http://127.0.0.1:9' } });

const complete = { companyName: 'Esimerkki Oy', businessId: '1967543-8', customerId: 'API-USER-1', environment: 'production' };
const texts = (errors: ReadonlyArray<FieldError>) => Object.fromEntries(errors.map((error) => [error.field, render(error.message)]));

describe('Netvisor descriptor', () => {
  it('lists the fields in order with their kinds', () => {
    expect(production.descriptor.fields.map((field) => [field.id, field.kind])).toEqual([
      ['companyName', 'text'], ['businessId', 'text'], ['customerId', 'text'], ['customerKey', 'secret'],
      ['environment', 'select'], ['baseUrl', 'text'], ['partnerSearchKey', 'fixed'],
    ]);
    const partnerKey = production.descriptor.fields.find((field) => field.id === 'partnerSearchKey');
    expect(partnerKey?.fixedValue).toBe('10DF2FEE83FE7AF6A7904255AF607A6E');
    expect(production.descriptor.fields.find((field) => field.id === 'baseUrl')?.showWhen).toEqual({ field: 'environment', equals: ['custom'] });
    expect(production.descriptor.checks.map((check) => check.id)).toEqual(['reachable', 'authentication', 'company', 'rights']);
  });

  it('offers the sandbox only when it runs, and then defaults to it', () => {
    const environment = (connector: typeof production) => connector.descriptor.fields.find((field) => field.id === 'environment')!;
    expect(environment(production).options?.map((option) => option.value)).toEqual(['production', 'test', 'custom']);
    expect(environment(production).defaultValue).toBe('production');
    expect(environment(sandboxed).options?.map((option) => option.value)).toEqual(['sandbox', 'production', 'test', 'custom']);
    expect(environment(sandboxed).defaultValue).toBe('sandbox');
  });

  it('has the four prerequisites, the rights one with the key to paste', () => {
    const { prerequisites } = production.descriptor;
    expect(prerequisites.map((item) => item.id)).toEqual(['adminRights', 'plan', 'apiUser', 'resourceRights']);
    expect(prerequisites[3]?.copyValue).toBe('10DF2FEE83FE7AF6A7904255AF607A6E');
    expect(render(prerequisites[0]!.body)).toMatch(/\(KH\).*\(TPK\)/);
    expect(render(prerequisites[1]!.body)).toContain('Professional, Premium or Payroll');
    expect(render(prerequisites[2]!.body)).toContain('Company menu › Api identifiers');
    expect(render(prerequisites[3]!.body)).toContain('Rights of interface resources');
    for (const message of messagesIn(sandboxed.descriptor)) render(message);
  });
});

describe('Netvisor validate()', () => {
  it('accepts a complete form', () => {
    expect(production.validate(complete, { customerKey: true })).toEqual([]);
  });

  it('names each missing field and how to fill it', () => {
    const errors = texts(production.validate({}, {}));
    expect(Object.keys(errors)).toEqual(['companyName', 'businessId', 'customerId', 'customerKey']);
    expect(errors['customerId']).toMatch(/^API User ID: .*Company menu › Api identifiers/);
    expect(errors['customerKey']).toMatch(/^API Key: /);
  });

  it('explains a wrong check digit', () => {
    expect(texts(production.validate({ ...complete, businessId: '1967543-9' }, { customerKey: true }))).toEqual({
      businessId: "Business ID: the check digit should be 8 for 1967543, not 9. Check for a typo; the Business ID is in Netvisor under the company's basic information.",
    });
  });

  it('checks the custom address', () => {
    const custom = (baseUrl: string) => texts(production.validate({ ...complete, environment: 'custom', baseUrl }, { customerKey: true }))['baseUrl'];
    expect(custom('')).toMatch(/^Custom address: enter/);
    expect(custom('not a url')).toMatch(/is not a web address/);
    expect(custom('http://netvisor.example.com')).toMatch(/must start with https:\/\//);
    expect(custom('https://user:pw@netvisor.example.com')).toMatch(/must not contain a user name/);
    expect(custom('https://netvisor.example.com/?x=1')).toMatch(/query/);
    expect(custom('https://netvisor.example.com')).toBeUndefined();
    expect(custom('http://127.0.0.1:8080')).toBeUndefined();
    expect(custom('http://localhost:8080')).toBeUndefined();
  });

  it('refuses the sandbox environment when no sandbox runs, and unknown environments', () => {
    expect(texts(production.validate({ ...complete, environment: 'sandbox' }, { customerKey: true }))['environment']).toMatch(/sandbox is not running/);
    expect(texts(production.validate({ ...complete, environment: 'staging' }, { customerKey: true }))['environment']).toMatch(/“staging” is not an environment/);
    expect(sandboxed.validate({ ...complete, environment: 'sandbox' }, { customerKey: true })).toEqual([]);
  });
});

describe('Netvisor buildConfig()', () => {
  it('sends normalised settings, the key as a secret, and the companies', () => {
    const config = production.buildConfig(
      { fields: { ...complete, businessId: ' 19675438 ' }, secrets: { customerKey: ' key-1 ' } },
      [{ id: '1967543-8', name: 'Esimerkki Oy', businessId: '1967543-8', active: true }],
    );
    expect(config).toEqual({
      system: 'netvisor',
      displayName: 'Esimerkki Oy',
      settings: { businessId: '1967543-8', customerId: 'API-USER-1', environment: 'production', baseUrl: 'https://integration.netvisor.fi', partnerSearchKey: '10DF2FEE83FE7AF6A7904255AF607A6E' },
      secrets: { customerKey: 'key-1' },
      companies: [{ id: '1967543-8', name: 'Esimerkki Oy' }],
    });
  });

  it('refuses fields that do not validate, naming them', () => {
    expect(() => production.buildConfig({ fields: { ...complete, businessId: '1' }, secrets: {} }, [])).toThrow(ConnectorConfigError);
    try {
      production.buildConfig({ fields: { ...complete, businessId: '1' }, secrets: {} }, []);
    } catch (error) {
      expect((error as ConnectorConfigError).fieldErrors.map((fieldError) => fieldError.field)).toEqual(['businessId', 'customerKey']);
    }
  });
});
