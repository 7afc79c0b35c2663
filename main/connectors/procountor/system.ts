/** Procountor as one system: listed once in ../registry.ts; everything else about it is in this folder. */
import type { SystemModule } from '../system';
import { createProcountorConnector } from './index';
import { knownProblems } from './knownProblems';
import en from './locales/en.json';
import type { simulator } from './sandbox/adapter';

export const procountor: SystemModule<'procountor', typeof simulator> = {
  id: 'procountor',
  createConnector: createProcountorConnector,
  knownProblems,
  partnerCredentials: ['clientId', 'clientSecret'],
  vendorHosts: { links: ['support.procountor.fi', 'dev.procountor.com'], api: ['api.procountor.com', 'pts-api.procountor.com'] },
  taskPack: true,
  locales: { en },
  simulator: async () => (await import('./sandbox/adapter')).simulator,
};
