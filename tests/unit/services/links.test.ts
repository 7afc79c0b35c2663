/** links.open through the real runtime handler: only allowlisted https URLs reach openExternal. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRuntime, type Harness } from './support';

describe('links.open', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startRuntime();
  });
  afterAll(() => h.stop());

  it('passes an allowlisted https URL to openExternal', async () => {
    const url = 'https://support.netvisor.fi/en/support/solutions/articles/77000498452-api-identifiers';
    expect(await h.ok('links.open', { url })).toEqual({ opened: true });
    expect(h.opened).toEqual([url]);
  });

  it.each([
    'https://evil.example/phish',
    'http://support.netvisor.fi/',
    'https://support.netvisor.fi.evil.example/',
    'https://user:pass@support.netvisor.fi/',
    'file:///etc/passwd',
  ])('refuses %s with E_LINK_NOT_ALLOWED and opens nothing', async (url) => {
    const before = h.opened.length;
    expect((await h.fail('links.open', { url })).code).toBe('E_LINK_NOT_ALLOWED');
    expect(h.opened.length).toBe(before);
  });

  it('refuses a non-URL as bad input', async () => {
    expect((await h.fail('links.open', { url: 'javascript alert(1)' })).code).toBe('E_BAD_INPUT');
  });
});
