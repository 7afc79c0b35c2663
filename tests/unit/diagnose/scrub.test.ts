/**
 * Scrubbing keeps ordinary English intact ("Basic accounting info" is a Procountor right, not HTTP
 * credentials) while registered secrets, token-looking auth values, JWTs and credentials in URLs are replaced,
 * in our texts and in the vendor's words alike, and counts what it replaced.
 */
import { describe, expect, it } from 'vitest';
import { registerSecret } from '../../../main/platform/redact';
import { scrubStrings } from '../../../main/diagnose/scrub';
import { canary } from '../platform/support/canary';

const scrub = <T>(value: T) => {
  const count = { values: 0 };
  return { out: scrubStrings(value, count), count: count.values };
};

describe('scrub', () => {
  it('leaves "Basic accounting info" and "basic information." alone', () => {
    const texts = ['In Management › Users give Viewing rights to Management › Basic accounting info.', "the company's basic information."];
    expect(scrub(texts)).toEqual({ out: texts, count: 0 });
  });

  it('replaces registered secrets, JWTs and URL credentials', () => {
    const secret = canary('own');
    registerSecret(secret);
    const { out, count } = scrub([
      `Basic ${secret} and basic ${encodeURIComponent(secret)}`,
      'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcdefgh end',
      'https://user:pass@host/x',
    ]);
    expect(out).toEqual(['Basic [REDACTED] and basic [REDACTED]', 'token [REDACTED] end', 'https://[REDACTED]@host/x']);
    expect(count).toBe(4);
  });

  it("scrubs the vendor's words and recorded URLs, keeping the words around", () => {
    const { out, count } = scrub({
      summary: { key: 'k', params: { rights: 'Management › Basic accounting info' } },
      vendor: { text: 'Authorization: Basic dXNlcjpwYXNzd29yZA== refused' },
      timeline: [{ url: 'https://h/x?q=Bearer abcdefgh1234' }],
    });
    expect(out.summary.params.rights).toBe('Management › Basic accounting info');
    expect(out.vendor.text).toBe('Authorization: Basic [REDACTED] refused');
    expect(out.timeline[0]!.url).toBe('https://h/x?q=Bearer [REDACTED]');
    expect(count).toBe(2);
  });
});
