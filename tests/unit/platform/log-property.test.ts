/**
 * §9 check 10 (docs/security.md): for random secrets embedded in random objects, strings, URLs and real
 * AxiosErrors (whose config carries the Authorization header and whose response echoes the request), the
 * logger's line formatter — the one every sink writes through — emits no form of the secret. 2 000 runs.
 */
import { AxiosError, AxiosHeaders } from 'axios';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLine } from '../../../main/platform/log';
import { registerSecret } from '../../../main/platform/redact';
import { leakForms } from './support/canary';

const secretArb = fc.oneof(
  fc.base64String({ minLength: 12, maxLength: 48 }),
  fc.stringMatching(/^[A-Za-z0-9_-]{16,48}$/),
  fc.string({ minLength: 10, maxLength: 32, unit: 'grapheme-ascii' }).filter((value) => value.trim().length >= 10),
);
const words = fc.string({ maxLength: 30 });

/** Places the secret in one of the ways it reaches a log call in practice. */
const carrier = fc.constantFrom(
  (s: string) => ({ message: `vendor said: ${s}`, fields: {} }),
  (s: string) => ({ message: 'request', fields: { url: `https://vendor.example/api?key=${encodeURIComponent(s)}&x=1` } }),
  (s: string) => ({ message: 'answer', fields: { body: JSON.stringify({ echo: { authorization: `Basic ${Buffer.from(`client:${s}`).toString('base64')}` } }) } }),
  (s: string) => ({ message: 'hex dump', fields: { detail: { deep: [{ bytes: Buffer.from(s).toString('hex') }] } } }),
  (s: string) => ({ message: 'token', fields: { tokenResponse: { access_token: s, expires_in: 3600 } } }),
  (s: string) => {
    const config = { url: `https://vendor.example/token?secret=${s}`, method: 'post', headers: new AxiosHeaders({ Authorization: `Bearer ${s}` }), data: `client_secret=${encodeURIComponent(s)}` };
    const response = { status: 400, statusText: 'Bad Request', headers: {}, config, data: { error: 'invalid_client', echo: `client_secret=${s}` } };
    const error = new AxiosError(`Request failed: ${s.slice(0, 3)}`, 'ERR_BAD_REQUEST', config as never, {}, response as never);
    return { message: 'vendor request failed', fields: { error } };
  },
  (s: string) => ({ message: 'nested error', fields: { error: Object.assign(new Error(`denied for ${s}`), { cause: new Error(`inner ${encodeURIComponent(s)}`) }) } }),
);

describe('the logger never writes a registered secret', () => {
  it('in any encoding, whatever carries it: 2 000 random secrets, carriers and surroundings', () => {
    fc.assert(
      fc.property(secretArb, carrier, words, words, (secret, place, before, after) => {
        registerSecret(secret);
        const { message, fields } = place(secret);
        const line = formatLine('error', 'property', `${before}${message}${after}`, { ...fields, note: `${before}${after}` }, new Date(0));
        for (const form of leakForms(secret)) {
          if (form.length < 6) continue;
          expect(line.includes(form), `${form} in ${line}`).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
