/**
 * Signing in to Exopen from the assistant (OAuth 2.0 for native apps, RFC 8252): the system browser, a
 * loopback redirect, PKCE, tokens only in the SecretStore. Hosts create one service and wire its calls to
 * 'auth.*' and its onChange to the 'auth.changed' event.
 */
export { createAuthService } from './service';
export { DEFAULT_SCOPE, REFRESH_MARGIN_MS, type AuthService, type AuthServiceOptions } from './types';
export { AuthError, isAuthError, type AuthErrorCode } from './errors';
export { ACCOUNT_PREFIX, accountsFor } from './token-store';
