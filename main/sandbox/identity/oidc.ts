/**
 * oidc-provider, loaded when a provider starts rather than when this folder is imported: loading it prints
 * an "Unsupported runtime" warning on Node 20, which CLI commands that never start the sandbox (test,
 * diagnose) should not show. Everything here reaches it through oidc() once startIdentityProvider loaded it.
 */
export type OidcModule = typeof import('oidc-provider');

let loaded: OidcModule | undefined;

export async function loadOidc(): Promise<OidcModule> {
  loaded ??= await import('oidc-provider');
  return loaded;
}

/** The module startIdentityProvider loaded (a provider's callbacks only run after that). */
export function oidc(): OidcModule {
  if (!loaded) throw new Error('oidc-provider is used before startIdentityProvider loaded it');
  return loaded;
}
