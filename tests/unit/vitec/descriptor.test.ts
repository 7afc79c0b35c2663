import { describe, expect, it } from 'vitest';
import { createVitecConnector, ConnectorConfigError } from '../../../main/connectors/vitec';
import type { FieldError } from '../../../main/connectors/types';
import { contextFor, messagesIn, render } from './helpers';

const production = createVitecConnector(contextFor(undefined));
const sandboxed = createVitecConnector(contextFor('http://127.0.0.1:9'));

const complete = { domain: 'acme', username: 'exopen.api', integrationId: 'c3f1a2d4-0001', environment: 'production' };
const texts = (errors: ReadonlyArray<FieldError>) => Object.fromEntries(errors.map((error) => [error.field, render(error.message)]));

describe('Vitec descriptor', () => {
  it('lists the fields in order with their kinds; the password is the only secret', () => {
    expect(production.descriptor.id).toBe('vitec');
    expect(production.descriptor.fields.map((field) => [field.id, field.kind])).toEqual([
      ['domain', 'text'], ['username', 'text'], ['password', 'secret'], ['integrationId', 'text'], ['environment', 'select'],
    ]);
    expect(render(production.descriptor.fields.find((field) => field.id === 'integrationId')!.help!)).toBe(
      "The Integration ID of the partner integration registered for Exopen in Vitec Ekonomi. Your Vitec administrator finds it in Vitec Ekonomi's integration settings.",
    );
    expect(production.descriptor.checks.map((check) => check.id)).toEqual(['domain', 'login', 'companies', 'integration']);
  });

  it('offers the sandbox only when it runs, and then defaults to it', () => {
    const environment = (connector: typeof production) => connector.descriptor.fields.find((field) => field.id === 'environment')!;
    expect(environment(production).options?.map((option) => option.value)).toEqual(['production']);
    expect(environment(production).defaultValue).toBe('production');
    expect(environment(sandboxed).options?.map((option) => option.value)).toEqual(['sandbox', 'production']);
    expect(environment(sandboxed).defaultValue).toBe('sandbox');
  });

  it('has the three prerequisites; the integration one says plainly what happens without it', () => {
    const { prerequisites } = production.descriptor;
    expect(prerequisites.map((item) => item.id)).toEqual(['apiUser', 'partnerIntegration', 'integrationId']);
    expect(render(prerequisites[0]!.body)).toContain('can read every company you want to connect');
    expect(render(prerequisites[1]!.body)).toContain('enable it for EVERY company');
    expect(render(prerequisites[1]!.body)).toContain('Without it the first import works, but new vouchers, customers and dimensions never reach Exopen');
    expect(render(prerequisites[2]!.body)).toContain("Vitec Ekonomi's integration settings");
    for (const message of messagesIn(sandboxed.descriptor)) render(message);
  });
});

describe('Vitec validate()', () => {
  it('accepts a complete form, including a pasted address', () => {
    expect(production.validate(complete, { password: true })).toEqual([]);
    expect(production.validate({ ...complete, domain: 'https://ACME.vitec.net/login' }, { password: true })).toEqual([]);
  });

  it('names each missing field and how to fill it', () => {
    const errors = texts(production.validate({}, {}));
    expect(Object.keys(errors)).toEqual(['domain', 'username', 'password', 'integrationId']);
    expect(errors['password']).toBe("Password: enter the API user's password.");
  });

  it('explains the other mistakes', () => {
    const errors = texts(production.validate({ ...complete, domain: 'acme.example.com', username: 'a:b', integrationId: 'c3f1 a2d4' }, { password: true }));
    expect(errors['domain']).toMatch(/^Domain: acme\.example\.com is not a Vitec Ekonomi address/);
    expect(errors['username']).toMatch(/cannot contain a colon/);
    expect(errors['integrationId']).toMatch(/must not contain spaces/);
    expect(texts(production.validate({ ...complete, environment: 'sandbox' }, { password: true }))['environment']).toMatch(/sandbox is not running/);
    expect(texts(production.validate({ ...complete, environment: 'staging' }, { password: true }))['environment']).toMatch(/“staging” is not an environment/);
  });
});

describe('Vitec buildConfig()', () => {
  it('sends the normalised domain, the production address, the password as a secret, and the companies', () => {
    const config = production.buildConfig(
      { fields: { ...complete, domain: ' https://Acme.vitec.net/ ' }, secrets: { password: 'Sjöbod 4711' } },
      [{ id: '1001', name: 'Andersson Bygg AB', active: true }],
    );
    expect(config).toEqual({
      system: 'vitec',
      displayName: 'acme.vitec.net',
      settings: { domain: 'acme', username: 'exopen.api', integrationId: 'c3f1a2d4-0001', environment: 'production', baseUrl: 'https://acme.vitec.net' },
      secrets: { password: 'Sjöbod 4711' },
      companies: [{ id: '1001', name: 'Andersson Bygg AB' }],
    });
  });

  it('in the sandbox, points at the simulator', () => {
    const config = sandboxed.buildConfig({ fields: { ...complete, environment: 'sandbox' }, secrets: { password: 'x' } }, []);
    expect(config.settings).toMatchObject({ environment: 'sandbox', baseUrl: 'http://127.0.0.1:9' });
  });

  it('refuses fields that do not validate, naming them', () => {
    try {
      production.buildConfig({ fields: { ...complete, domain: '' }, secrets: {} }, []);
      throw new Error('expected a ConnectorConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConnectorConfigError);
      expect((error as ConnectorConfigError).fieldErrors.map((fieldError) => fieldError.field)).toEqual(['domain', 'password']);
    }
  });
});
