/** Visma Netvisor as one system: listed once in ../registry.ts; everything else about it is in this folder. */
import type { SystemModule } from '../system';
import { createNetvisorConnector } from './index';
import { knownProblems } from './knownProblems';
import en from './locales/en.json';
import type { simulator } from './sandbox/adapter';

export const netvisor: SystemModule<'netvisor', typeof simulator> = {
  id: 'netvisor',
  createConnector: createNetvisorConnector,
  knownProblems,
  partnerCredentials: ['partnerId', 'partnerKey'],
  vendorHosts: { links: ['support.netvisor.fi', 'netvisor.fi', 'www.netvisor.fi'], api: ['integration.netvisor.fi', 'isvapi.netvisor.fi'] },
  taskPack: true,
  locales: { en },
  simulator: async () => (await import('./sandbox/adapter')).simulator,
};
