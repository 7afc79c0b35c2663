import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectApiKey } from '../../../main/connectors/procountor/apiKey';
import { apiErrorFrom, excerpt, parseErrorMessages, tokenErrorFrom } from '../../../main/connectors/procountor/errorBody';
import { ProcountorApiError, ProcountorParseError, ProcountorTokenError } from '../../../main/connectors/procountor/errors';
import { readUserRights } from '../../../main/connectors/procountor/rights';

/** Runs `parse`; anything thrown other than ProcountorParseError fails the property. */
function onlyParseErrors(parse: () => unknown): void {
  try {
    parse();
  } catch (error) {
    if (!(error instanceof ProcountorParseError)) throw error;
  }
}

const bodies = fc.oneof(
  fc.string(),
  fc.json(),
  fc.jsonValue().map((value) => JSON.stringify({ errors: value })),
  fc.array(fc.record({ status: fc.oneof(fc.integer(), fc.string()), field: fc.oneof(fc.string(), fc.constant(null)), message: fc.oneof(fc.string(), fc.integer()) }), { maxLength: 4 }).map((errors) => JSON.stringify({ errors })),
);

describe('reading Procountor error bodies', () => {
  it('reads ErrorMessages as the spec defines them', () => {
    const errors = parseErrorMessages('{"errors":[{"status":403,"field":"","message":"Insufficient user rights","model":null},{"status":400,"field":"size","message":"must be less than or equal to 200"}]}');
    expect(errors).toEqual([
      { status: 403, message: 'Insufficient user rights' },
      { status: 400, field: 'size', message: 'must be less than or equal to 200' },
    ]);
    expect(apiErrorFrom(400, '{"errors":[{"status":400,"field":"size","message":"too big"}]}')).toMatchObject({ httpStatus: 400, verbatim: 'size: too big' });
  });

  it('arbitrary bodies never throw anything but ProcountorParseError', () => {
    fc.assert(fc.property(bodies, (body) => onlyParseErrors(() => parseErrorMessages(body))), { numRuns: 500 });
  });

  it('an API error is always built, whatever the body', () => {
    fc.assert(
      fc.property(fc.integer({ min: 400, max: 599 }), bodies, (status, body) => {
        const error = apiErrorFrom(status, body);
        expect(error).toBeInstanceOf(ProcountorApiError);
        expect(error.httpStatus).toBe(status);
        expect(typeof error.verbatim).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it('a token error is always built, whatever the body', () => {
    fc.assert(
      fc.property(fc.integer({ min: 400, max: 599 }), bodies, (status, body) => {
        expect(tokenErrorFrom(status, body)).toBeInstanceOf(ProcountorTokenError);
      }),
      { numRuns: 300 },
    );
    expect(tokenErrorFrom(401, '{"error":"invalid_grant","error_description":"Invalid API key"}')).toMatchObject({ oauthError: 'invalid_grant', description: 'Invalid API key', verbatim: 'invalid_grant: Invalid API key' });
    expect(tokenErrorFrom(401, '')).toMatchObject({ oauthError: '', description: '' });
  });

  it('foreign bodies are kept short for display', () => {
    const page = `<html>${'x'.repeat(5000)}</html>`;
    expect(apiErrorFrom(502, page).verbatim.length).toBe(301);
    expect(excerpt('  a \n b  ')).toBe('a b');
  });

  it('rights answers and API keys of any shape never throw anything but ProcountorParseError', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => onlyParseErrors(() => readUserRights(value))), { numRuns: 300 });
    fc.assert(fc.property(fc.string(), (key) => void inspectApiKey(key)), { numRuns: 300 });
    fc.assert(
      fc.property(fc.string().map((tail) => `eyJ${tail}`), (key) => {
        expect(['truncated', 'jwt']).toContain(inspectApiKey(key).shape);
      }),
      { numRuns: 300 },
    );
  });
});
