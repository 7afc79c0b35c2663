/**
 * Scrubbing our own texts keeps ordinary English intact ("Basic accounting info" is a Procountor right, not
 * HTTP credentials) while registered secrets, JWTs and credentials in URLs are still replaced; the vendor's
 * words get the full redactor.
 */
import { describe, expect, it } from 'vitest';
import { registerSecret, redactText } from '../../../main/platform/redact';
import { redactOwnText, scrubStrings } from '../../../main/diagnose/scrub';
import { canary } from '../platform/support/canary';

describe('scrub', () => {
  it('leaves "Basic accounting info" alone in our texts, which the plain redactor would mangle', () => {
    const right = 'In Management › Users give Viewing rights to Management › Basic accounting info.';
    expect(redactText(right)).not.toBe(right); // the finding reported for platform/redact.ts
    expect(redactOwnText(right)).toBe(right);
    expect(redactOwnText("the company's basic information")).toBe("the company's basic information");
  });

  it('still replaces registered secrets, JWTs and URL credentials in our texts', () => {
    const secret = canary('own');
    registerSecret(secret);
    expect(redactOwnText(`Basic ${secret} and basic ${encodeURIComponent(secret)}`)).toBe('Basic [REDACTED] and basic [REDACTED]');
    expect(redactOwnText('token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcdefgh end')).toBe('token [REDACTED] end');
    expect(redactOwnText('https://user:pass@host/x')).toBe('https://[REDACTED]@host/x');
  });

  it("gives the vendor's words and recorded URLs the full redactor, and counts what it replaced", () => {
    const count = { values: 0 };
    const out = scrubStrings(
      {
        summary: { key: 'k', params: { rights: 'Management › Basic accounting info' } },
        vendor: { text: 'Authorization: Basic dXNlcjpwYXNzd29yZA== refused' },
        timeline: [{ url: 'https://h/x?q=Bearer abcdefghijkl' }],
      },
      count,
    );
    expect(out.summary.params.rights).toBe('Management › Basic accounting info');
    expect(out.vendor.text).toBe('Authorization: Basic [REDACTED] refused');
    expect(out.timeline[0]!.url).toBe('https://h/x?q=Bearer [REDACTED]');
    expect(count.values).toBe(2);
  });
});
