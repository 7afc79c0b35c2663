/**
 * What the wizard shows for Procountor: the form, the "before you start" checklist and the named checks.
 * No company field: the API key is bound to one company, and the identity check names it.
 */
import type { ConnectorContext } from '../context';
import { msg, type FieldSpec, type Prerequisite, type SystemDescriptor } from '../types';
import { CHECK_IDS } from './checkIds';
import { EXOPEN_CLIENT_ID } from './clientId';
import { defaultEnvironment } from './settings';

/** Procountor's M2M guide and its support article on taking the API into use. */
const M2M_GUIDE = 'https://dev.procountor.com/m2m-authentication/';
const API_IMPLEMENTATION = 'https://support.procountor.fi/hc/en-us/articles/4984567268509-API-implementation';

const label = (id: string) => msg(`procountor:fields.${id}.label`);
const help = (id: string) => msg(`procountor:fields.${id}.help`);

function fields(ctx: ConnectorContext): ReadonlyArray<FieldSpec> {
  const environments = [...(ctx.sandboxUrls?.procountor ? ['sandbox'] : []), 'production', 'test', 'custom'];
  return [
    { id: 'apiKey', kind: 'secret', label: label('apiKey'), help: help('apiKey'), required: true },
    {
      id: 'environment',
      kind: 'select',
      label: label('environment'),
      help: help('environment'),
      required: true,
      options: environments.map((value) => ({ value, label: msg(`procountor:environments.${value}`) })),
      defaultValue: defaultEnvironment(ctx),
    },
    {
      id: 'baseUrl',
      kind: 'text',
      label: label('baseUrl'),
      help: help('baseUrl'),
      placeholder: 'https://api.procountor.com/api',
      required: true,
      showWhen: { field: 'environment', equals: ['custom'] },
    },
    { id: 'clientId', kind: 'fixed', label: label('clientId'), help: help('clientId'), required: false, fixedValue: EXOPEN_CLIENT_ID },
  ];
}

const prerequisite = (id: string, extra: Partial<Prerequisite> = {}): Prerequisite => ({
  id,
  title: msg(`procountor:prerequisites.${id}.title`),
  body: msg(`procountor:prerequisites.${id}.body`, extra.copyValue ? { clientId: extra.copyValue } : undefined),
  ...extra,
});

export function createDescriptor(ctx: ConnectorContext): SystemDescriptor {
  return {
    id: 'procountor',
    name: 'Procountor',
    vendor: 'Procountor',
    summary: msg('procountor:summary'),
    fields: fields(ctx),
    prerequisites: [
      prerequisite('adminRights'),
      prerequisite('apiUser'),
      prerequisite('invoiceableClients', { link: API_IMPLEMENTATION }),
      prerequisite('apiKey', { copyValue: EXOPEN_CLIENT_ID, link: M2M_GUIDE }),
      prerequisite('documents'),
    ],
    checks: CHECK_IDS.map((id) => ({ id, title: msg(`procountor:checks.${id}.title`) })),
    reachesSeveralCompanies: false,
  };
}
