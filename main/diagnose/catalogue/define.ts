/** Builds a catalogue entry whose four texts live under `diagnose:catalogue.<id>` in the locale files. */
import { msg, type SystemId } from '../../connectors/types';
import type { CatalogueEntry, Signature } from '../types';

/** `scenario`: the sandbox scenario that shows it (a test runs each through the CLI and the Diagnose view). */
export function defineEntry(system: SystemId, slug: string, scenario: string, signatures: ReadonlyArray<Signature>, keywords: ReadonlyArray<string>): CatalogueEntry {
  const id = `${system}.${slug}`;
  const text = (part: string) => msg(`diagnose:catalogue.${id}.${part}`);
  return { id, system, symptom: text('symptom'), detection: text('detection'), meaning: text('meaning'), fix: text('fix'), keywords, scenario, signatures };
}
