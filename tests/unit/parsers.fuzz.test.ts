/**
 * §9 check 13 (docs/security.md): every parser of text a vendor or the Exopen backend sends is total (it
 * throws nothing but its own parse error, whatever arrives), leaves Object.prototype alone, and expands no
 * DOCTYPE entity. 10 000 runs per parser; the seed is printed by fast-check on failure and can be replayed
 * with FC_SEED. How long a 64 KB input takes is measured by bench/parsers.ts, not here.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { parseEnvelope } from '../../main/connectors/netvisor/envelope';
import { NetvisorParseError } from '../../main/connectors/netvisor/errors';
import { apiErrorFrom, parseErrorMessages, tokenErrorFrom } from '../../main/connectors/procountor/errorBody';
import { ProcountorParseError } from '../../main/connectors/procountor/errors';
import { readUserRights } from '../../main/connectors/procountor/rights';
import { classifyError } from '../../main/connectors/vitec/assumedApi';
import { interpretResponse } from '../../main/exopen/responses';

const RUNS = 10_000;
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
const settings = { numRuns: RUNS, ...(seed === undefined ? {} : { seed }) };

/** Runs `parse`; anything thrown that is not `allowed` fails the property. */
const only = (allowed: new (...args: never[]) => Error) => (parse: () => unknown) => {
  try {
    parse();
  } catch (error) {
    if (!(error instanceof allowed)) throw error;
  }
};

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
const before = prototypeKeys();

const xmlToken = fc.constantFrom(
  '<?xml version="1.0" encoding="utf-8"?>', '<Root>', '</Root>', '<ResponseStatus>', '</ResponseStatus>', '<Status>', '</Status>',
  'OK', 'FAILED', 'AUTHENTICATION_FAILED', ' :: ', '<TimeStamp>01.01.2018 12:00:00</TimeStamp>', '<!DOCTYPE x [<!ENTITY a "aa">]>', '&a;',
  '&amp;', '&#x41;', '&#0;', '<![CDATA[x]]>', '<!-- c -->', '<a b="c"/>', '<__proto__>', '</__proto__>', '<constructor>', '</constructor>',
  '<prototype>', '</prototype>', '@_x', '\u0000', '\uFFFF', 'ä',
);
const xmlish = fc.oneof(
  fc.array(xmlToken, { maxLength: 60 }).map((tokens) => tokens.join('')),
  fc.string({ unit: 'binary', maxLength: 600 }),
);
const jsonish = fc.oneof(
  fc.string({ maxLength: 600 }),
  fc.json(),
  fc.jsonValue().map((value) => JSON.stringify({ errors: value })),
  fc.jsonValue().map((value) => JSON.stringify({ __proto__: value, constructor: { prototype: value } })),
  fc.constantFrom('{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}', '{"errors":[{"__proto__":{"polluted":1}}]}'),
);

describe('parsers of what vendors and the backend send: total, unpolluted, no entity expansion', () => {
  afterAll(() => {
    expect(prototypeKeys()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it(`Netvisor envelopes: ${RUNS} strings, XML-like noise and raw bytes throw only NetvisorParseError`, () => {
    fc.assert(fc.property(xmlish, (body) => only(NetvisorParseError)(() => parseEnvelope(body))), settings);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (body) => only(NetvisorParseError)(() => parseEnvelope(body))), { ...settings, numRuns: RUNS / 5 });
  });

  it('Netvisor envelopes: DOCTYPE entities are never expanded (billion laughs, external entities)', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE Root [<!ENTITY l0 "ha">${Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('')}]><Root><ResponseStatus><Status>FAILED</Status><Status>X :: &l9;</Status></ResponseStatus></Root>`;
    const external = '<?xml version="1.0"?><!DOCTYPE Root [<!ENTITY x SYSTEM "file:///etc/passwd">]><Root><ResponseStatus><Status>FAILED</Status><Status>X :: &x;</Status></ResponseStatus></Root>';
    for (const body of [laughs, external]) {
      let text = '';
      try {
        const envelope = parseEnvelope(body);
        text = envelope.ok ? JSON.stringify(envelope.data) : envelope.error.text;
      } catch (error) {
        expect(error).toBeInstanceOf(NetvisorParseError);
      }
      expect(text.length).toBeLessThan(body.length);
      expect(text).not.toContain('root:');
      expect(text).not.toContain('hahaha');
    }
  });

  it(`Procountor error bodies, token errors and rights: ${RUNS} bodies each throw only ProcountorParseError`, () => {
    fc.assert(fc.property(jsonish, (body) => only(ProcountorParseError)(() => parseErrorMessages(body))), settings);
    fc.assert(fc.property(fc.integer({ min: 400, max: 599 }), jsonish, (status, body) => void apiErrorFrom(status, body)), settings);
    fc.assert(fc.property(fc.integer({ min: 400, max: 599 }), jsonish, (status, body) => void tokenErrorFrom(status, body)), settings);
    fc.assert(fc.property(fc.jsonValue(), (value) => only(ProcountorParseError)(() => readUserRights(value))), settings);
  });

  it(`Vitec error answers: ${RUNS} bodies are classified, never thrown`, () => {
    fc.assert(fc.property(fc.integer({ min: 100, max: 599 }), jsonish, (status, body) => void classifyError(status, body)), settings);
  });

  it(`Exopen backend answers: ${RUNS} answers become a value, a failure or a retry, never a throw`, () => {
    const expectation = { statuses: [200], schema: z.object({ id: z.string() }), maxRetryAfterMs: 60_000, scrub: (text: string) => text };
    const answer = fc.record({
      status: fc.integer({ min: 100, max: 599 }),
      contentType: fc.option(fc.constantFrom('application/json', 'application/problem+json', 'text/html', 'application/json; charset=utf-8', ''), { nil: undefined }),
      retryAfter: fc.option(fc.oneof(fc.string({ maxLength: 30 }), fc.nat().map(String)), { nil: undefined }),
      body: jsonish,
    });
    fc.assert(
      fc.property(answer, (response) => {
        expect(['ok', 'fail', 'retry']).toContain(interpretResponse(response, expectation).kind);
      }),
      settings,
    );
  });
});
