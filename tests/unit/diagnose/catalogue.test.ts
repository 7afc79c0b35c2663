/**
 * The catalogue as data: unique ids, every text present in English, every connector key a signature names
 * really exists (so a renamed key in a connector fails here instead of silently never matching), and search.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUE, catalogueEntry, catalogueFor, searchCatalogue } from '../../../main/diagnose';
import { renderMsg } from '../../../main/i18n';
import { resources } from '../../../main/i18n';

type Tree = { readonly [key: string]: unknown };

/** True when `namespace:path` (or its plural forms) is a string in the English resources. */
function keyExists(key: string): boolean {
  const [namespace, path] = key.split(':') as [string, string];
  const lookup = (dotted: string): unknown => dotted.split('.').reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Tree)[part] : undefined), (resources.en as Record<string, unknown>)[namespace]);
  return typeof lookup(path) === 'string' || typeof lookup(`${path}_other`) === 'string';
}

describe('the known-problems catalogue', () => {
  it('has unique ids of the form <system>.<slug>, each entry with keywords and a signature', () => {
    const ids = CATALOGUE.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of CATALOGUE) {
      expect(entry.id).toMatch(new RegExp(`^${entry.system}\\.[a-z-]+$`));
      expect(entry.keywords.length).toBeGreaterThan(2);
      expect(entry.signatures.length).toBeGreaterThan(0);
      expect(catalogueEntry(entry.id)).toBe(entry);
    }
  });

  it('covers the symptoms the issue names', () => {
    const ids = new Set(CATALOGUE.map((entry) => entry.id));
    for (const id of [
      'netvisor.wrong-keys', 'netvisor.unknown-partner', 'netvisor.clock-skew', 'netvisor.mac-url', 'netvisor.resource-blocked', 'netvisor.request-not-unique',
      'netvisor.no-api', 'netvisor.module-missing', 'procountor.rights-gap', 'procountor.empty-data', 'procountor.row-limitation', 'procountor.documents-off',
      'procountor.key-revoked', 'procountor.key-foreign', 'procountor.key-malformed', 'procountor.other-company', 'procountor.throttled',
      'vitec.unknown-domain', 'vitec.unreachable', 'vitec.wrong-password', 'vitec.user-locked', 'vitec.password-expired', 'vitec.no-companies',
      'vitec.all-inactive', 'vitec.unknown-integration', 'vitec.integration-not-enabled',
    ]) expect(ids).toContain(id);
  });

  it('has every symptom, detection, meaning and fix in English', () => {
    for (const entry of CATALOGUE) {
      for (const message of [entry.symptom, entry.detection, entry.meaning, entry.fix]) {
        expect(keyExists(message.key), message.key).toBe(true);
        expect(renderMsg(message)).not.toMatch(/\{\{/);
      }
    }
  });

  it("names only connector keys that exist, in the entry's own system", () => {
    for (const entry of CATALOGUE) {
      for (const signature of entry.signatures) {
        for (const key of [...(signature.meanings ?? []), ...(signature.fixes ?? [])]) {
          expect(key.startsWith(`${entry.system}:`), `${entry.id}: ${key}`).toBe(true);
          expect(keyExists(key), `${entry.id}: ${key}`).toBe(true);
        }
        if (signature.meaningPrefix) expect(signature.meaningPrefix.startsWith(`${entry.system}:`)).toBe(true);
        if (signature.on === 'request') expect(signature.httpStatuses?.length ?? 0).toBeGreaterThan(0);
      }
    }
  });

  it('finds entries by vendor code, vendor phrase or plain words, case-insensitively', () => {
    expect(searchCatalogue('service_access_error').map((entry) => entry.id)).toEqual(
      expect.arrayContaining(['netvisor.resource-blocked', 'netvisor.no-api', 'netvisor.module-missing', 'netvisor.nothing-allowed']),
    );
    expect(searchCatalogue('accountingledger.nv').map((entry) => entry.id)).toEqual(['netvisor.resource-blocked']);
    expect(searchCatalogue('vitec no companies').map((entry) => entry.id)).toEqual(
      ['vitec.unknown-domain', 'vitec.unreachable', 'vitec.wrong-password', 'vitec.user-locked', 'vitec.password-expired', 'vitec.no-companies', 'vitec.all-inactive'],
    );
    expect(searchCatalogue('revisions').map((entry) => entry.id)).toEqual(['vitec.integration-not-enabled']);
    expect(searchCatalogue('Integraatiokumppania').map((entry) => entry.id)).toEqual(['netvisor.unknown-partner']);
    expect(catalogueFor('procountor').every((entry) => entry.system === 'procountor')).toBe(true);
  });
});
