/** The auth service's public shape: what hosts create it with and what they may call. */
import type { Session } from '../../preload/contract';
import type { SecretStore } from '../platform/ports';

export interface AuthServiceOptions {
  readonly issuer: string;
  readonly clientId: string;
  /** The Exopen backend URL: the resource (RFC 8707) access tokens are requested for. */
  readonly audience: string;
  readonly secrets: SecretStore;
  /** Opens the system browser (Electron: shell.openExternal). Never an embedded window (RFC 8252 §8.12). */
  readonly openExternal: (url: string) => Promise<void>;
  /** How long to wait for the browser's answer (default 5 minutes). */
  readonly timeoutMs?: number;
  /** Loopback port for the redirect (default 0: an ephemeral port the OS picks). */
  readonly redirectPort?: number;
  /** Accept an http:// issuer; only ever for the sandbox on 127.0.0.1. */
  readonly allowInsecureIssuer?: boolean;
  /** Default: openid profile email offline_access. UNCERTAIN: the real provider may want an API scope too. */
  readonly scope?: string;
  /** Seconds openid-client waits for each HTTP answer from the provider (default 30). */
  readonly httpTimeoutSeconds?: number;
  /**
   * Which instance of the assistant this is (the hosts pass the data directory): with the issuer it names the
   * keychain namespace of this instance's tokens (token-store.ts accountsFor), so instances sharing a keychain
   * never read, overwrite or delete each other's.
   */
  readonly instance?: string;
  /** Epoch milliseconds (tests move it forward to reach a token's expiry). */
  readonly now?: () => number;
}

export interface AuthService {
  status(): Session;
  signIn(): Promise<Session>;
  /** Stops a sign-in that is waiting for the browser. False when there is none (or its answer already arrived). */
  cancel(): boolean;
  signOut(): Promise<Session>;
  /** A valid access token for the Exopen backend; E_AUTH_REQUIRED when signed out or the sign-in expired. */
  accessToken(): Promise<string>;
  onChange(listener: (session: Session) => void): () => void;
  restore(): Promise<Session>;
  /** Deletes this instance's tokens from the keychain without revoking them (a sandbox that is going away). */
  clearLocal(): Promise<void>;
}

export const DEFAULT_SCOPE = 'openid profile email offline_access';
/** Refresh this long before expiry, so a token does not run out between being handed out and being used. */
export const REFRESH_MARGIN_MS = 60_000;
