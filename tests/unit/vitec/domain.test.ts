import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseDomain, type DomainResult } from '../../../main/connectors/vitec/domain';
import { render } from './helpers';

const subdomainOf = (result: DomainResult): string => {
  if (!result.ok) throw new Error(`expected a subdomain, got ${render(result.message)}`);
  return result.subdomain;
};
const problemOf = (result: DomainResult): string => {
  if (result.ok) throw new Error(`expected a problem, got ${result.subdomain}`);
  return result.problem;
};

describe('Vitec domain normalisation: what people paste', () => {
  it.each([
    ['https://acme.vitec.net/', 'acme'],
    ['acme.vitec.net', 'acme'],
    ['ACME', 'acme'],
    ['  acme ', 'acme'],
    ['http://acme.vitec.net/login?x=1', 'acme'],
    ['acme.vitec.net:443', 'acme'],
    ['HTTPS://Acme-Bygg.VITEC.NET:8443/ekonomi#start', 'acme-bygg'],
    ['acme.vitec.net.', 'acme'],
    ['acme/login', 'acme'],
    ['foretag2', 'foretag2'],
  ])('%j → %s', (input, expected) => {
    expect(subdomainOf(normaliseDomain(input))).toBe(expected);
  });

  it('says what it kept, and stays quiet when only whitespace went', () => {
    const pasted = normaliseDomain('https://acme.vitec.net/');
    expect(pasted.ok && pasted.change && render(pasted.change)).toBe('We kept only “acme” from https://acme.vitec.net/.');
    const upper = normaliseDomain('ACME');
    expect(upper.ok && upper.change && render(upper.change)).toBe('We use “acme”: Vitec domains are written in lower case.');
    expect(normaliseDomain('  acme ')).toEqual({ ok: true, subdomain: 'acme' });
    expect(normaliseDomain('acme')).toEqual({ ok: true, subdomain: 'acme' });
  });

  it.each([
    ['', 'missing', /^Domain: enter the part of your Vitec address before \.vitec\.net/],
    ['   ', 'missing', /^Domain: /],
    ['https://', 'missing', /^Domain: /],
    ['acme.example.com', 'otherHost', /^Domain: acme\.example\.com is not a Vitec Ekonomi address/],
    ['https://acme.visma.net/x', 'otherHost', /acme\.visma\.net is not a Vitec/],
    ['vitec.net', 'noSubdomain', /vitec\.net alone is not an installation/],
    ['www.vitec.net', 'website', /Vitec's public website/],
    ['a.b.vitec.net', 'nested', /more than one name before \.vitec\.net/],
    ['ftp://acme.vitec.net', 'scheme', /is not a web address/],
    ['user@acme.vitec.net', 'credentials', /contains a user name/],
    ['acme_bygg', 'characters', /contains “_”, which a Vitec domain cannot contain/],
    ['åkesson', 'characters', /“å”/],
    ['acme bygg', 'characters', /“ ”/],
    ['-acme', 'hyphen', /cannot start or end with a hyphen/],
    ['a'.repeat(64), 'tooLong', /longer than 63 characters/],
  ])('%j is refused (%s), naming the field and the fix', (input, problem, text) => {
    const result = normaliseDomain(input);
    expect(problemOf(result)).toBe(problem);
    if (!result.ok) expect(render(result.message)).toMatch(text);
  });
});

const LABEL_CHARS = [...'abcdefghijklmnopqrstuvwxyz0123456789'];
const label = fc
  .tuple(fc.constantFrom(...LABEL_CHARS), fc.string({ unit: fc.constantFrom(...LABEL_CHARS, '-'), maxLength: 20 }), fc.constantFrom(...LABEL_CHARS))
  .map(([first, middle, last]) => `${first}${middle}${last}`);
const randomCase = (text: string, flips: ReadonlyArray<boolean>): string =>
  [...text].map((char, i) => (flips[i % Math.max(1, flips.length)] ? char.toUpperCase() : char)).join('');
const whitespace = fc.string({ unit: fc.constantFrom(' ', '\t', '\n'), maxLength: 3 });

describe('Vitec domain normalisation: properties', () => {
  it('decorated valid labels (case, scheme, host, port, path, whitespace) always give back the label', () => {
    fc.assert(
      fc.property(
        label,
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('', 'http://', 'https://', 'HTTPS://', 'Http://'),
        fc.constantFrom('', '.vitec.net', '.VITEC.NET', '.Vitec.Net', '.vitec.net.'),
        fc.constantFrom('', ':443', ':8080', ':0'),
        fc.constantFrom('', '/', '//', '/login', '/login?x=1', '?x=1', '#top', '/a/b/c?d=e#f'),
        whitespace,
        whitespace,
        (name, flips, scheme, host, port, path, before, after) => {
          const pasted = `${before}${scheme}${randomCase(name + host, flips)}${port}${path}${after}`;
          const result = normaliseDomain(pasted);
          expect(result).toMatchObject({ ok: true, subdomain: name });
          if (result.ok && result.change) expect(render(result.change)).toContain(`“${name}”`);
        },
      ),
    );
  });

  it('any string at all gives a result, never a throw, and every message renders', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (input) => {
        const result = normaliseDomain(input);
        if (result.ok) {
          expect(result.subdomain).toMatch(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/);
          if (result.change) render(result.change);
        } else {
          expect(render(result.message)).toMatch(/^(Domain: |We )/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('labels with a forbidden character are refused as such', () => {
    fc.assert(
      fc.property(label, fc.constantFrom('_', '!', 'ä', ' ', '*', '%', ','), fc.nat(), (name, bad, at) => {
        const position = 1 + (at % (name.length - 1));
        const result = normaliseDomain(`${name.slice(0, position)}${bad}${name.slice(position)}x`);
        expect(result.ok).toBe(false);
      }),
    );
  });

  it('hosts outside vitec.net are refused, naming the host', () => {
    fc.assert(
      fc.property(label, fc.constantFrom('example.com', 'vitec.se', 'vitec.net.evil.com', 'visma.net', 'vitecnet.com'), (name, other) => {
        const result = normaliseDomain(`https://${name}.${other}/`);
        expect(problemOf(result)).toBe('otherHost');
        if (!result.ok) expect(render(result.message)).toContain(`${name}.${other}`);
      }),
    );
  });
});
