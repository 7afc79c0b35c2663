/**
 * Request URLs. The MAC covers the exact URL string the server sees, so the client builds it once, in a
 * canonical form (WHATWG URL, values percent-encoded), and both signs and sends that same string.
 */

/** `https://host/<resource>?k=v&…` with keys as given and values encoded. */
export function resourceUrl(baseUrl: string, resource: string, params: Readonly<Record<string, string>>): string {
  const url = new URL(resource, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  const query = Object.entries(params)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  url.search = query ? `?${query}` : '';
  return url.href;
}

// Whole names only: Netvisor's own `netvisorkey` is a record ID, not a secret.
const SECRET_PARAM = /^(?:.*[_-])?(?:key|apikey|token|secret|password|pass|mac|signature)$/i;

/** For the request log: drops credentials in the authority and the values of secret-looking parameters. */
export function redactUrl(raw: string): string {
  const url = new URL(raw);
  url.username = '';
  url.password = '';
  const kept = [...url.searchParams.entries()].map(([key, value]) => (SECRET_PARAM.test(key) ? [key, 'REDACTED'] : [key, value]));
  url.search = '';
  for (const [key, value] of kept) url.searchParams.append(key ?? '', value ?? '');
  return url.href;
}
