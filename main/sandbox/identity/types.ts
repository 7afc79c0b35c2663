/** A sandbox account. Demo values: safe to print, never used outside the sandbox. */
export interface DemoUser {
  readonly sub: string;
  readonly email: string;
  readonly name: string;
  readonly password: string;
}

/** Who an access token was issued to, as the backend sees it after verification. */
export interface TokenSubject {
  readonly sub: string;
  readonly email: string;
  readonly name: string;
}

export interface IdentityProviderOptions {
  /** Port on 127.0.0.1 (default 0: the OS picks one). */
  readonly port?: number;
  /** The resource indicator (RFC 8707) access tokens are issued for: the sandbox backend's URL. */
  readonly audience: string;
  /** Access token lifetime (default 3600 s). Small values let tests exercise refresh. */
  readonly accessTokenTtlSeconds?: number;
  readonly users?: ReadonlyArray<DemoUser>;
}

export interface IdentityProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly users: ReadonlyArray<DemoUser>;
  /** Verifies a JWT access token (signature with the provider's keys, issuer, audience, expiry); null if invalid. */
  verifyAccessToken(token: string): Promise<TokenSubject | null>;
  close(): Promise<void>;
}

export const CLIENT_ID = 'exopen-connect';

/** The scope the sandbox backend's resource server grants. UNCERTAIN: the real Exopen API's scope names. */
export const API_SCOPE = 'api';

export const DEFAULT_USERS: ReadonlyArray<DemoUser> = [
  { sub: 'demo-admin', email: 'admin@demo.exopen.test', name: 'Demo Admin', password: 'demo' },
  { sub: 'demo-viewer', email: 'viewer@demo.exopen.test', name: 'Demo Viewer', password: 'demo' },
];
