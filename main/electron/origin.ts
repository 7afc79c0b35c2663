/**
 * Where the renderer lives inside Electron: a privileged, standard `app://exopen/` origin served by
 * protocol.ts. Every trust decision (IPC sender, navigation, window.open) compares against this one
 * place. Electron-free so the pure IPC wrapper and its tests can use it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'exopen';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `raw` is a URL on our app origin. Compared by protocol and host rather than `URL.origin`,
 * because Node's URL reports the opaque origin "null" for schemes it does not know as special.
 */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}
