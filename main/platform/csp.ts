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

/** Hosts the app may open in the system browser (vendor help pages, Exopen's portal and docs). */
export const EXTERNAL_LINK_ALLOWLIST: ReadonlyArray<string> = [
  'support.netvisor.fi',
  'support.procountor.fi',
  'dev.procountor.com',
  'netvisor.fi',
  'www.netvisor.fi',
  'exopen.se',
  'www.exopen.se',
  'portal.exopen.se',
  'docs.exopen.se',
];

/** True for https URLs whose host is on the allowlist; everything else is refused. */
export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && EXTERNAL_LINK_ALLOWLIST.includes(url.hostname);
}
