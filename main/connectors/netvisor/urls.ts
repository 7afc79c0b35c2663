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
