import { describe, expect, it } from 'vitest';
import { createProcountorConnector, ConnectorConfigError } from '../../../main/connectors/procountor';
import type { ConnectorContext } from '../../../main/connectors/context';
import type { FieldError } from '../../../main/connectors/types';
import { messagesIn, render } from './helpers';

const noPartner: ConnectorContext['partnerCredentials'] = { describe: async () => 'none', get: async () => undefined };
const production = createProcountorConnector({ partnerCredentials: noPartner });
const sandboxed = createProcountorConnector({ partnerCredentials: noPartner, sandboxUrls: { procountor: 'http://127.0.0.1:9/api' } });
const texts = (errors: ReadonlyArray<FieldError>) => Object.fromEntries(errors.map((error) => [error.field, render(error.message)]));

describe('Procountor descriptor', () => {
  it('asks only for the API key: the key names the company', () => {
    expect(production.descriptor.fields.map((field) => [field.id, field.kind])).toEqual([
      ['apiKey', 'secret'], ['environment', 'select'], ['baseUrl', 'text'], ['clientId', 'fixed'],
    ]);
    const apiKey = production.descriptor.fields[0]!;
    expect(render(apiKey.label)).toBe('API key');
    expect(render(apiKey.help!)).toMatch(/^In Procountor: Basics › API client keys › New API key\. Choose the dedicated API user, enter the client ID exopenClient/);
    expect(production.descriptor.fields.find((field) => field.id === 'clientId')?.fixedValue).toBe('exopenClient');
    expect(production.descriptor.fields.find((field) => field.id === 'baseUrl')?.showWhen).toEqual({ field: 'environment', equals: ['custom'] });
    expect(production.descriptor.checks.map((check) => check.id)).toEqual(['token', 'identity', 'rights', 'data', 'documents']);
  });

  it('offers the sandbox only when it runs, and then defaults to it', () => {
    const environment = (connector: typeof production) => connector.descriptor.fields.find((field) => field.id === 'environment')!;
    expect(environment(production).options?.map((option) => option.value)).toEqual(['production', 'test', 'custom']);
    expect(environment(production).defaultValue).toBe('production');
    expect(environment(sandboxed).options?.map((option) => option.value)).toEqual(['sandbox', 'production', 'test', 'custom']);
    expect(environment(sandboxed).defaultValue).toBe('sandbox');
    expect(environment(production).options?.map((option) => render(option.label))).toEqual([
      'Production (api.procountor.com)', 'Public test server (pts-api.procountor.com)', 'Custom address',
    ]);
  });

  it('the checklist: admin, API user, invoiceable clients, the key with the client ID to paste, optional Documents and its fee', () => {
    const { prerequisites } = production.descriptor;
    expect(prerequisites.map((item) => item.id)).toEqual(['adminRights', 'apiUser', 'invoiceableClients', 'apiKey', 'documents']);
    const body = (id: string) => render(prerequisites.find((item) => item.id === id)!.body);
    expect(body('adminRights')).toContain('administrator rights');
    expect(body('apiUser')).toContain('Missing rights do not stop the connection: they show up later as empty data in Exopen.');
    expect(body('apiUser')).toContain('M2M (API) login only; leave every other restriction off');
    expect(body('invoiceableClients')).toContain('Management › Company info › Usage settings › Integration settings');
    expect(body('invoiceableClients')).toContain('“Allow the usage of invoiceable API clients”');
    expect(prerequisites.find((item) => item.id === 'apiKey')?.copyValue).toBe('exopenClient');
    expect(body('apiKey')).toContain('Basics › API client keys (top right) › New API key, choose the dedicated API user, enter the client ID exopenClient');
    expect(body('documents')).toContain('Management › Company info › Usage settings › Documents › Activate Documents in environment');
    expect(body('documents')).toContain('Procountor may charge a fee for each downloaded document');
    for (const message of messagesIn(sandboxed.descriptor)) render(message);
  });
});

describe('Procountor validate()', () => {
  it('accepts the key with the default environment', () => {
    expect(production.validate({}, { apiKey: true })).toEqual([]);
    expect(sandboxed.validate({ environment: 'sandbox' }, { apiKey: true })).toEqual([]);
  });

  it('names the missing key and how to get one', () => {
    expect(texts(production.validate({}, {}))).toEqual({ apiKey: 'API key: paste the key from Procountor (Basics › API client keys › New API key).' });
  });

  it('checks the environment and the custom address', () => {
    const custom = (baseUrl: string) => texts(production.validate({ environment: 'custom', baseUrl }, { apiKey: true }))['baseUrl'];
    expect(custom('')).toMatch(/^Custom address: enter/);
    expect(custom('not a url')).toMatch(/is not a web address/);
    expect(custom('http://procountor.example.com/api')).toMatch(/must start with https:\/\//);
    expect(custom('https://user:pw@procountor.example.com/api')).toMatch(/must not contain a user name/);
    expect(custom('https://procountor.example.com/api')).toBeUndefined();
    expect(custom('http://127.0.0.1:8080/api')).toBeUndefined();
    expect(texts(production.validate({ environment: 'sandbox' }, { apiKey: true }))['environment']).toMatch(/sandbox is not running/);
    expect(texts(production.validate({ environment: 'staging' }, { apiKey: true }))['environment']).toMatch(/“staging” is not an environment/);
  });
});

describe('Procountor buildConfig()', () => {
  it('sends the environment, the client ID, the company ID and the key as a secret', () => {
    const config = production.buildConfig({ fields: { environment: 'test' }, secrets: { apiKey: ' key-1 ' } }, [{ id: '100201', name: 'Aurinkoranta Oy', businessId: '1123581-7', active: true }]);
    expect(config).toEqual({
      system: 'procountor',
      displayName: 'Aurinkoranta Oy',
      settings: { environment: 'test', baseUrl: 'https://pts-api.procountor.com/api', clientId: 'exopenClient', companyId: '100201' },
      secrets: { apiKey: 'key-1' },
      companies: [{ id: '100201', name: 'Aurinkoranta Oy' }],
    });
  });

  it('refuses fields that do not validate, naming them', () => {
    try {
      production.buildConfig({ fields: { environment: 'custom' }, secrets: { apiKey: 'a b' } }, []);
      throw new Error('expected ConnectorConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConnectorConfigError);
      expect((error as ConnectorConfigError).fieldErrors.map((fieldError) => fieldError.field)).toEqual(['baseUrl', 'apiKey']);
    }
  });
});
