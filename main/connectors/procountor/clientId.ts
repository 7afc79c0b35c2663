/**
 * Exopen's client ID in Procountor. Public by design: the customer's admin pastes it when creating the API
 * key (Basics › API client keys › New API key), which binds the key to Exopen's integration. The matching
 * client secret is Exopen's and never ships in the app (see tokenExchange.ts).
 */
export const EXOPEN_CLIENT_ID = 'exopenClient';
