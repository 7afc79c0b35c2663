import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessIdProblem, checkDigitFor, parseBusinessId } from '../../../main/connectors/netvisor/businessId';
import { render } from './helpers';

const sevenDigits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 7, maxLength: 7 });
const issuable = sevenDigits.filter((digits) => checkDigitFor(digits) !== null);

describe('Business ID (Y-tunnus)', () => {
  it('accepts the known examples', () => {
    for (const id of ['1967543-8', '2729069-3', '1366959-8', '0112038-9']) expect(parseBusinessId(id)).toEqual({ ok: true, value: id });
  });

  it('normalises the compact, spaced, VAT and legacy six-digit forms', () => {
    expect(parseBusinessId('19675438')).toEqual({ ok: true, value: '1967543-8' });
    expect(parseBusinessId('  1967 543-8 ')).toEqual({ ok: true, value: '1967543-8' });
    expect(parseBusinessId('FI19675438')).toEqual({ ok: true, value: '1967543-8' });
    expect(parseBusinessId('112038-9')).toEqual({ ok: true, value: '0112038-9' });
  });

  it('every valid ID is accepted with and without the hyphen', () => {
    fc.assert(
      fc.property(issuable, (digits) => {
        const id = `${digits}-${checkDigitFor(digits)}`;
        expect(parseBusinessId(id)).toEqual({ ok: true, value: id });
        expect(parseBusinessId(id.replace('-', ''))).toEqual({ ok: true, value: id });
      }),
    );
  });

  it('every wrong check digit is rejected with the right expected digit', () => {
    fc.assert(
      fc.property(issuable, fc.integer({ min: 0, max: 9 }), (digits, given) => {
        const expected = checkDigitFor(digits)!;
        fc.pre(given !== expected);
        const result = parseBusinessId(`${digits}-${given}`);
        expect(result).toEqual({ ok: false, problem: 'check-digit', digits, given, expected });
      }),
    );
  });

  it('digits whose remainder is 1 are reported as never issued', () => {
    fc.assert(
      fc.property(sevenDigits.filter((digits) => checkDigitFor(digits) === null), fc.integer({ min: 0, max: 9 }), (digits, given) => {
        expect(parseBusinessId(`${digits}-${given}`)).toMatchObject({ ok: false, problem: 'never-issued', digits });
      }),
    );
  });

  it('explains exactly what is wrong', () => {
    const wrong = parseBusinessId('1967543-9');
    if (wrong.ok) throw new Error('expected a problem');
    expect(render(businessIdProblem(wrong))).toContain('the check digit should be 8 for 1967543');
    const garbage = parseBusinessId('12-34');
    if (garbage.ok) throw new Error('expected a problem');
    expect(garbage.problem).toBe('format');
    expect(render(businessIdProblem(garbage))).toMatch(/^Business ID: “12-34” is not a Business ID/);
    const never = parseBusinessId('3141592-0');
    if (never.ok) throw new Error('expected a problem');
    expect(never.problem).toBe('never-issued');
    expect(render(businessIdProblem(never))).toContain('no Business ID starts with 3141592');
  });
});
