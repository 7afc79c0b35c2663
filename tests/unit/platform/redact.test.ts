import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isRegisteredSecret,
  isSecretKey,
  MIN_SECRET_LENGTH,
  redactError,
  REDACTED,
  redactObject,
  redactText,
  registerSecret,
} from '../../../main/platform/redact';
import { canary } from './support/canary';

/** The encodings a secret travels in, written independently of the product's list. */
const ENCODINGS: ReadonlyArray<readonly [string, (secret: string) => string]> = [
  ['raw', (s) => s],
  ['encodeURIComponent', (s) => encodeURIComponent(Buffer.from(s).toString())],
  ['form +', (s) => encodeURIComponent(Buffer.from(s).toString()).replace(/%20/g, '+')],
  ['URLSearchParams', (s) => new URLSearchParams({ q: s }).toString().slice(2)],
  ['base64', (s) => Buffer.from(s).toString('base64')],
  ['base64url', (s) => Buffer.from(s).toString('base64url')],
  ['hex', (s) => Buffer.from(s).toString('hex')],
  ['HEX', (s) => Buffer.from(s).toString('hex').toUpperCase()],
  ['JSON', (s) => JSON.stringify(s).slice(1, -1)],
];

const secretArb = fc.oneof(
  fc.string({ minLength: MIN_SECRET_LENGTH, maxLength: 48, unit: 'grapheme-ascii' }),
  fc.string({ minLength: MIN_SECRET_LENGTH, maxLength: 24, unit: 'binary' }),
);
const textArb = fc.string({ maxLength: 40, unit: fc.constantFrom('grapheme-ascii', 'binary') as never });

/**
 * A leak is an encoding still present in the text that redaction left. The text between markers is what
 * survived; a match that runs into a marker is made of marker characters, not of the secret.
 */
const survives = (output: string, needle: string): boolean => output.split(REDACTED).some((part) => part.includes(needle));

describe('redactText', () => {
  it('removes every encoding of a registered secret, whatever surrounds it', () => {
    fc.assert(
      fc.property(secretArb, textArb, textArb, fc.constantFrom(...ENCODINGS), (secret, before, after, [, encode]) => {
        registerSecret(secret);
        const needle = encode(secret);
        expect(survives(redactText(`${before}${needle}${after}`), needle)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('removes all encodings at once, repeated', () => {
    fc.assert(
      fc.property(secretArb, textArb, (secret, glue) => {
        registerSecret(secret);
        const text = ENCODINGS.map(([, encode]) => encode(secret)).join(glue).repeat(2);
        const output = redactText(text);
        for (const [, encode] of ENCODINGS) expect(survives(output, encode(secret))).toBe(false);
      }),
    );
  });

  it('catches a secret inside a larger base64 value, e.g. Basic auth of user:secret', () => {
    fc.assert(
      fc.property(secretArb, fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (secret, user, tail) => {
        registerSecret(secret);
        const encoded = Buffer.from(`${user}:${secret}${tail}`).toString('base64');
        expect(survives(redactText(`Authorization: Basic ${encoded}`), encoded)).toBe(false);
        expect(survives(redactText(`token=${encoded.replace(/\+/g, '-').replace(/\//g, '_')}`), encoded)).toBe(false);
      }),
    );
  });

  it('leaves text without secrets alone', () => {
    expect(redactText('GET /v1/companies returned 200 in 12 ms')).toBe('GET /v1/companies returned 200 in 12 ms');
  });

  it(`does not track values shorter than ${MIN_SECRET_LENGTH} characters (they would blank ordinary words)`, () => {
    expect(registerSecret('admin')).toBe(false);
    expect(isRegisteredSecret('admin')).toBe(false);
    expect(redactText('user admin logged in')).toBe('user admin logged in');
  });

  it('reads an auth scheme followed by ordinary words as English, and one followed by a token as credentials', () => {
    for (const english of ['Management › Basic accounting info.', "the company's basic information.", 'basic bookkeeping rights', 'Bearer in mind']) {
      expect(redactText(english)).toBe(english);
    }
    for (const token of ['abcdefghijklmnopqrstu', 'abcdefgh1234', 'dXNlcjpwYXNzd29yZA==', 'abc.def-ghi', 'a1b2c3d4e5f6']) {
      expect(redactText(`Authorization: Bearer ${token}`)).toBe(`Authorization: Bearer ${REDACTED}`);
      expect(redactText(`basic ${token} end`)).toBe(`basic ${REDACTED} end`);
    }
  });

  it('scrubs bearer tokens, URL credentials and JWTs it was never told about', () => {
    expect(redactText('Authorization: Bearer abc.def-ghi_jkl')).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redactText('https://user:pa55word@api.example.com/x')).toBe(`https://${REDACTED}@api.example.com/x`);
    expect(redactText('id eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln end')).toBe(`id ${REDACTED} end`);
  });
});

describe('redactObject', () => {
  it('drops values under secret-looking keys and scrubs every string', () => {
    const secret = canary();
    registerSecret(secret);
    const out = redactObject({
      password: 'hunter2',
      clientSecret: 'x',
      api_key: 'y',
      customerKey: 'z',
      headers: { Authorization: 'Basic Zm9v', 'X-Netvisor-Authentication-MAC': 'abc', 'set-cookie': ['a=b'] },
      machine: 'build-01',
      note: `vendor said: invalid key ${secret}`,
      list: [{ token: 't' }, `q=${encodeURIComponent(secret)}`],
      message: { key: 'checks.failed' },
    });
    expect(out).toEqual({
      password: REDACTED,
      clientSecret: REDACTED,
      api_key: REDACTED,
      customerKey: REDACTED,
      headers: { Authorization: REDACTED, 'X-Netvisor-Authentication-MAC': REDACTED, 'set-cookie': REDACTED },
      machine: 'build-01',
      note: `vendor said: invalid key ${REDACTED}`,
      list: [{ token: REDACTED }, `q=${REDACTED}`],
      message: { key: 'checks.failed' },
    });
  });

  it('survives cycles, deep nesting and non-JSON values', () => {
    const cyclic: Record<string, unknown> = { name: 'a', big: 10n, when: new Date(0), bytes: new Uint8Array(3) };
    cyclic.self = cyclic;
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 20; i++) deep = deep.next = {} as Record<string, unknown>;
    const out = redactObject({ cyclic, root, map: new Map([['k', 'v']]), set: new Set([1]), url: new URL('https://u:p4ssw0rd@h.example/x') }) as Record<string, unknown>;
    expect(out.url).toBe(`https://${REDACTED}@h.example/x`);
    expect(out.cyclic).toEqual({ name: 'a', big: '10', when: '1970-01-01T00:00:00.000Z', bytes: '[binary 3 bytes]', self: '[Circular]' });
    expect(JSON.stringify(out.root)).toContain('[Truncated]');
    expect(out.map).toEqual({ k: 'v' });
    expect(out.set).toEqual([1]);
  });

  it('reduces errors to name, code, message and stack, all scrubbed, and never copies axios config', () => {
    const secret = canary();
    registerSecret(secret);
    const error = Object.assign(new Error(`request failed for key ${secret}`, { cause: new Error(`inner ${secret}`) }), {
      code: 'ERR_BAD_REQUEST',
      status: 401,
      config: { headers: { Authorization: `Bearer ${secret}` }, data: secret },
    });
    const out = redactError(error);
    expect(out).toMatchObject({ name: 'Error', code: 'ERR_BAD_REQUEST', status: 401, message: `request failed for key ${REDACTED}` });
    expect(out.stack).toBeDefined();
    expect(JSON.stringify(out)).not.toContain(secret);
    expect(JSON.stringify(out)).not.toContain('config');
    expect(JSON.stringify(redactObject({ error }))).not.toContain(secret);
  });

  it('classifies keys', () => {
    for (const key of ['password', 'PASSWORD', 'clientSecret', 'accessToken', 'apiKey', 'api_key', 'customerKey', 'partnerKey', 'authorization', 'Cookie', 'mac', 'x-netvisor-authentication-mac'])
      expect(isSecretKey(key), key).toBe(true);
    for (const key of ['key', 'machine', 'macAddress', 'system', 'field', 'message', 'companyId'])
      expect(isSecretKey(key), key).toBe(false);
  });

  it('keeps keys that describe secrets (where they live, what kind, how many) and still drops the secrets', () => {
    for (const key of ['secretBackend', 'secret_backend', 'tokenKind', 'secretCount'])
      expect(isSecretKey(key), key).toBe(false);
    for (const key of ['secret', 'clientSecret', 'secretKey', 'secrets', 'backendSecret', 'accessToken', 'apiKey', 'tokenBackendPassword'])
      expect(isSecretKey(key), key).toBe(true);
    expect(redactObject({ secretBackend: 'keychain', clientSecret: 'keychain' })).toEqual({ secretBackend: 'keychain', clientSecret: REDACTED });
  });
});
