/**
 * Ports the services depend on. Adapters: platform/secrets (keytar or session memory),
 * platform/settings (conf on disk; in Electron electron-store over the same file, electron/settings.ts),
 * services/drafts (JSON on disk, never secrets).
 */

/** Where customer secrets live. The keychain when there is one; otherwise session memory (fail closed). */
export interface SecretStore {
  readonly backend:
    | { readonly kind: 'keychain' }
    /** `locked`: there is a keychain, but its collection is locked (the fix is to unlock it, not to install one). */
    | { readonly kind: 'memory'; readonly reason: string; readonly locked?: true };
  get(account: string): Promise<string | undefined>;
  set(account: string, value: string): Promise<void>;
  delete(account: string): Promise<boolean>;
  /** Accounts whose name starts with `prefix` (names only, never values). */
  list(prefix: string): Promise<ReadonlyArray<string>>;
}

/** Non-secret persisted settings. */
export interface SettingsStore {
  get<K extends keyof Settings>(key: K): Settings[K];
  set<K extends keyof Settings>(key: K, value: Settings[K]): void;
}

export interface Settings {
  readonly schemaVersion: 1;
  readonly language: 'en';
  /** Which Exopen backend: the local sandbox (default), Exopen's production, or a custom URL. */
  readonly environment: 'sandbox' | 'production' | 'custom';
  /** The backend URL when environment is `custom`. */
  readonly backendUrl: string | null;
  /** The OpenID issuer when environment is `custom` (defaults to the backend URL). */
  readonly issuerUrl: string | null;
  /** Per system: sign/exchange through the Exopen broker (default) or with local partner keys. */
  readonly signers: Readonly<Record<string, 'broker' | 'local'>>;
}
