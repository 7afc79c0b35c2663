/**
 * The one Content-Security-Policy for the renderer, sent by Electron's app:// handler and by the web host.
 * The renderer never talks to the network itself (`connect-src 'self'` is the web host's own bridge).
 * `style-src 'unsafe-inline'` is needed by MUI's emotion runtime, which injects <style> elements; scripts
 * stay strictly same-origin.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Exopen's own hosts the app may open in the system browser (its portal and docs). Vendors' hosts come from
 * each system's folder: services/links.ts joins them into the one allowlist. */
export const EXOPEN_LINK_HOSTS: ReadonlyArray<string> = ['exopen.se', 'www.exopen.se', 'portal.exopen.se', 'docs.exopen.se'];

/** True when `host` is listed, or falls under a listed `.suffix` (`.vitec.net` covers `acme.vitec.net`). */
export function hostMatches(host: string, listed: ReadonlyArray<string>): boolean {
  const lower = host.toLowerCase();
  return listed.some((entry) => (entry.startsWith('.') ? lower.endsWith(entry) && lower.length > entry.length : lower === entry));
}

/** True for https URLs without credentials whose host is on `hosts`; everything else is refused. */
export function isAllowedHttpsUrl(raw: string, hosts: ReadonlyArray<string>): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && hostMatches(url.hostname, hosts);
}
