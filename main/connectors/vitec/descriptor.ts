/** What the wizard shows for Vitec Ekonomi: the form, the "before you start" checklist and the named checks. */
import type { ConnectorContext } from '../context';
import { msg, type FieldSpec, type Prerequisite, type SystemDescriptor } from '../types';
import { CHECK_IDS } from './checkIds';
import { defaultEnvironment, ENVIRONMENTS } from './settings';
import { sandboxUrlOf, VITEC } from './systemId';

const label = (id: string) => msg(`vitec:fields.${id}.label`);
const help = (id: string) => msg(`vitec:fields.${id}.help`);

function fields(ctx: ConnectorContext): ReadonlyArray<FieldSpec> {
  const environments = ENVIRONMENTS.filter((value) => value !== 'sandbox' || sandboxUrlOf(ctx));
  return [
    { id: 'domain', kind: 'text', label: label('domain'), help: help('domain'), placeholder: 'companyname', required: true },
    { id: 'username', kind: 'text', label: label('username'), help: help('username'), required: true },
    { id: 'password', kind: 'secret', label: label('password'), help: help('password'), required: true },
    { id: 'integrationId', kind: 'text', label: label('integrationId'), help: help('integrationId'), required: true },
    {
      id: 'environment',
      kind: 'select',
      label: label('environment'),
      help: help('environment'),
      required: true,
      options: environments.map((value) => ({ value, label: msg(`vitec:environments.${value}`) })),
      defaultValue: defaultEnvironment(ctx),
    },
  ];
}

// UNCERTAIN: Vitec's menu paths are unpublished (Exopen's own guide still says "add path"), so the texts
// say "in Vitec Ekonomi's integration settings" / "user administration" rather than inventing menus.
const prerequisite = (id: string): Prerequisite => ({
  id,
  title: msg(`vitec:prerequisites.${id}.title`),
  body: msg(`vitec:prerequisites.${id}.body`),
});

export function createDescriptor(ctx: ConnectorContext): SystemDescriptor {
  return {
    id: VITEC,
    name: 'Vitec Ekonomi',
    vendor: 'Vitec Software Group',
    summary: msg('vitec:summary'),
    fields: fields(ctx),
    prerequisites: [prerequisite('apiUser'), prerequisite('partnerIntegration'), prerequisite('integrationId')],
    checks: CHECK_IDS.map((id) => ({ id, title: msg(`vitec:checks.${id}.title`) })),
    reachesSeveralCompanies: true,
  };
}
