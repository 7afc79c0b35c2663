/**
 * The security baseline in one place (Electron's checklist items 5, 11-15): every web contents the app
 * ever creates denies new windows (allowlisted https links go to the system browser instead), refuses
 * navigation and redirects off the app origin, refuses <webview>, and its session denies every permission.
 */
import { app, shell, type Session, type WebContents } from 'electron';
import { isAllowedExternalUrl } from '../services/links';
import type { Logger } from '../platform/log';
import { AppError } from '../platform/errors';
import { isAppUrl } from './origin';

type SecurityLog = Pick<Logger, 'warn' | 'error'>;

/** Installs the baseline for all web contents created from now on. Call once, before any window exists. */
export function installSecurityBaseline(log: SecurityLog): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
}

/** Call after 'ready' for the default session (web-contents-created covers sessions of later contents). */
export function denyAllPermissions(target: Session): void {
  // Request: a page asks (camera, notifications, ...). Check: a page queries the current state. Both no.
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
}

export function hardenWebContents(contents: WebContents, log: SecurityLog): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void openExternalSafely(url, log);
    else log.warn('window.open refused', { target: originOf(url) });
    return { action: 'deny' };
  });
  const refuseForeignNavigation = (event: { url: string; preventDefault(): void }, kind: string) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    log.warn(`${kind} refused`, { target: originOf(event.url) });
  };
  contents.on('will-navigate', (event) => refuseForeignNavigation(event, 'navigation'));
  contents.on('will-redirect', (event) => refuseForeignNavigation(event, 'redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('<webview> refused', {});
  });
  denyAllPermissions(contents.session);
}

/** Opens `url` in the system browser only when it is an allowlisted https URL. Never throws. */
export async function openExternalSafely(url: string, log: SecurityLog): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) {
    log.warn('openExternal refused: not on the allowlist', { target: originOf(url) });
    return false;
  }
  try {
    // reviewed: only an https URL without credentials on the link allowlist reaches this line (checked above).
    await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
    return true;
  } catch (error) {
    log.error('openExternal failed', { target: originOf(url), error });
    return false;
  }
}

/** The runtime's `openExternal`: like openExternalSafely, but a refusal or failure is a typed error. */
export function createOpenExternal(log: SecurityLog): (url: string) => Promise<void> {
  return async (url) => {
    if (!isAllowedExternalUrl(url)) throw new AppError('E_LINK_NOT_ALLOWED', 'That link is not on the list of pages the assistant opens.');
    if (!(await openExternalSafely(url, log))) throw new AppError('E_OPEN_EXTERNAL_FAILED', 'The system browser could not be opened.');
  };
}

/** Logs say where a refused URL pointed, never its path or query (which may carry tokens). */
function originOf(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}`;
  } catch {
    return 'unparsable url';
  }
}

/**
 * Opens Exopen's sign-in page in the system browser (RFC 8252: never an embedded window). Not on the link
 * allowlist because the identity provider's host is configuration (the sandbox's is 127.0.0.1:<port>);
 * the runtime only ever passes the issuer's own authorization URL, and only http(s) goes through here.
 */
export function createSignInOpener(log: SecurityLog): (url: string) => Promise<void> {
  return async (url) => {
    if (!/^https?:\/\//.test(url)) throw new AppError('E_LINK_NOT_ALLOWED', 'The sign-in address is not a web address.');
    try {
      // reviewed: http(s) only, and the runtime passes nothing but the issuer's own authorization URL (it
      // refuses any other origin with E_LINK_NOT_ALLOWED before calling this).
      await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
    } catch (error) {
      log.error('sign-in page could not be opened', { target: originOf(url), error });
      throw new AppError('E_OPEN_EXTERNAL_FAILED', 'The system browser could not be opened.');
    }
  };
}
