import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_AREAS, PROCOUNTOR_AREAS } from '../../../main/connectors/procountor/areas';
import { CHECK_IDS } from '../../../main/connectors/procountor/checkIds';
import { msg } from '../../../main/connectors/types';
import procountorLocale from '../../../main/connectors/procountor/locales/en.json';
import { render } from './helpers';

const SOURCE = join(__dirname, '../../../main/connectors/procountor');
const sources = readdirSync(SOURCE).filter((name) => name.endsWith('.ts')).map((name) => readFileSync(join(SOURCE, name), 'utf8'));

type Tree = { readonly [key: string]: string | Tree };
const node = (path: string): string | Tree | undefined =>
  path.split('.').reduce<string | Tree | undefined>((at, part) => (typeof at === 'object' ? at[part] : undefined), procountorLocale as Tree);

describe('every Procountor message key exists in procountor.json', () => {
  it('literal keys in the connector', () => {
    const literals = sources.flatMap((text) => [...text.matchAll(/'procountor:([A-Za-z0-9_.]+)'/g)].map((match) => match[1]!));
    expect(literals.length).toBeGreaterThan(20);
    for (const literal of literals) {
      // A trailing dot is a known problem's meaningPrefix (a family of keys): the group must exist.
      const path = literal.replace(/\.$/, '');
      const found = node(path) ?? node(`${path}_other`);
      // A literal may be a prefix completed at run time (e.g. `${EMPTY_MEANING}.${area.id}`): then it is a group.
      expect(found, path).toBeDefined();
    }
  });

  it('keys completed at run time: per check, area, token failure, network failure', () => {
    for (const id of CHECK_IDS) render(msg(`procountor:checks.${id}.title`));
    for (const area of PROCOUNTOR_AREAS) render(msg(`procountor:areas.${area.id}`));
    for (const area of DATA_AREAS) render(msg(`procountor:data.empty.${area.id}`));
    for (const kind of ['client', 'foreign', 'revoked', 'malformed', 'rejected']) {
      render(msg(`procountor:diagnosis.token.${kind}.meaning`, { host: 'h', clientId: 'c' }));
      render(msg(`procountor:diagnosis.token.${kind}.fix`, { host: 'h', clientId: 'c' }));
    }
    for (const key of ['tokenRefused', 'forbidden', 'notFound', 'throttled', 'server', 'unexpected']) render(msg(`procountor:diagnosis.api.${key}.meaning`, { host: 'h', httpStatus: 500 }));
    for (const failure of ['dns', 'refused', 'timeout', 'reset', 'tls', 'aborted', 'other']) render(msg(`procountor:diagnosis.network.${failure}.fix`, { host: 'h' }));
    for (const problem of ['missing', 'incomplete', 'unreadable']) render(msg(`procountor:diagnosis.partner.${problem}.meaning`, { detail: 'd' }));
    for (const environment of ['sandbox', 'production', 'test', 'custom']) render(msg(`procountor:environments.${environment}`));
  });
});
