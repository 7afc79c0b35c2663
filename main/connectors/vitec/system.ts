/** Vitec Ekonomi as one system: listed once in ../registry.ts; everything else about it is in this folder. */
import type { SystemModule } from '../system';
import { createVitecConnector } from './index';
import { knownProblems } from './knownProblems';
import en from './locales/en.json';
import type { simulator } from './sandbox/adapter';

export const vitec: SystemModule<'vitec', typeof simulator> = {
  id: 'vitec',
  createConnector: createVitecConnector,
  knownProblems,
  // Vitec signs in with the customer's own API user: Exopen holds no partner secret for it.
  partnerCredentials: [],
  // Installations are <subdomain>.vitec.net (assumedApi.ts); a leading dot means "any subdomain of".
  vendorHosts: { links: [], api: ['.vitec.net'] },
  taskPack: true,
  locales: { en },
  simulator: async () => (await import('./sandbox/adapter')).simulator,
};
