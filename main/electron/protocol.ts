/**
 * The app:// scheme that serves the built renderer. Registered as privileged (standard + secure) so the
 * page gets a real origin, a secure context and fetch, instead of file:// with its extra privileges (the
 * grantFileProtocolExtraPrivileges fuse is off). It does not bypass CSP.
 */
import { protocol } from 'electron';
import { APP_SCHEME } from './origin';
import { createRendererHandler } from './renderer-files';

/** Must run before app 'ready' (Electron's rule for registerSchemesAsPrivileged). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** After 'ready': answer app:// from `rendererDir` (dist/renderer). */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createRendererHandler(rendererDir));
}
