/**
 * Exopen's own partner credentials, given to the sandbox backend at start and kept in memory only. In
 * production they live in the backend's secret store; the app never holds them (design.md, Secrets).
 */
export interface Partners {
  readonly netvisor?: { readonly partnerId: string; readonly partnerKey: string };
}

/** An OAuth token endpoint with Exopen's client registration. */
export interface OAuthUpstream {
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/** Where the broker forwards exchanges; the Procountor, Exact and e-conomic simulators plug in here. */
export interface Upstreams {
  readonly procountor?: OAuthUpstream;
  readonly exact?: OAuthUpstream;
  readonly economic?: { readonly baseUrl: string; readonly appSecretToken: string };
}
