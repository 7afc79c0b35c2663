/**
 * The known-problems catalogue: one entry per symptom a customer reports, across the systems, each with how
 * the checks reveal it, what it means, the fix and words to search by. Data only; matcher.ts maps a run
 * onto it. Nothing to add here for a new system: its folder's knownProblems.ts is listed through the registry.
 */
import { SYSTEMS } from '../connectors/registry';
import type { SystemId } from '../connectors/types';
import type { CatalogueEntry } from './types';

/** Every system's known problems (each connector lists its own in `<system>/knownProblems.ts`), in the list's order. */
export const CATALOGUE: ReadonlyArray<CatalogueEntry> = SYSTEMS.flatMap((system) => system.knownProblems);

const byId = new Map(CATALOGUE.map((entry) => [entry.id, entry]));

export const catalogueEntry = (id: string): CatalogueEntry | undefined => byId.get(id);

export const catalogueFor = (system: SystemId): ReadonlyArray<CatalogueEntry> => CATALOGUE.filter((entry) => entry.system === system);

/**
 * Entries whose id or keywords contain every word of `query` (case-insensitive), e.g. "service_access"
 * or "no companies vitec". The texts themselves are Msgs; a caller with i18n can search those too.
 */
export function searchCatalogue(query: string, entries: ReadonlyArray<CatalogueEntry> = CATALOGUE): ReadonlyArray<CatalogueEntry> {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter((entry) => {
    const haystack = [entry.id, entry.system, ...entry.keywords].join(' ').toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
