/** What the wizard shows for Netvisor: the form, the "before you start" checklist and the named checks. */
import type { ConnectorContext } from '../context';
import { msg, type FieldSpec, type Prerequisite, type SystemDescriptor } from '../types';
import { CHECK_IDS } from './checkIds';
import { PARTNER_SEARCH_KEY } from './partnerKey';
import { defaultEnvironment } from './settings';

const API_IDENTIFIERS_GUIDE = 'https://support.netvisor.fi/en/support/solutions/articles/77000498452-api-identifiers';
const RIGHTS_GUIDE = 'https://support.netvisor.fi/en/support/solutions/articles/77000498457-rights-of-interface-resources';

const label = (id: string) => msg(`netvisor:fields.${id}.label`);
const help = (id: string) => msg(`netvisor:fields.${id}.help`);

function fields(ctx: ConnectorContext): ReadonlyArray<FieldSpec> {
  const environments = [...(ctx.sandboxUrls?.netvisor ? ['sandbox'] : []), 'production', 'test', 'custom'];
  return [
    { id: 'companyName', kind: 'text', label: label('companyName'), help: help('companyName'), placeholder: 'Example Oy', required: true },
    { id: 'businessId', kind: 'text', label: label('businessId'), help: help('businessId'), placeholder: '1234567-8', required: true },
    { id: 'customerId', kind: 'text', label: label('customerId'), help: help('customerId'), required: true },
    { id: 'customerKey', kind: 'secret', label: label('customerKey'), help: help('customerKey'), required: true },
    {
      id: 'environment',
      kind: 'select',
      label: label('environment'),
      help: help('environment'),
      required: true,
      options: environments.map((value) => ({ value, label: msg(`netvisor:environments.${value}`) })),
      defaultValue: defaultEnvironment(ctx),
    },
    {
      id: 'baseUrl',
      kind: 'text',
      label: label('baseUrl'),
      help: help('baseUrl'),
      placeholder: 'https://integration.netvisor.fi',
      required: true,
      showWhen: { field: 'environment', equals: ['custom'] },
    },
    { id: 'partnerSearchKey', kind: 'fixed', label: label('partnerSearchKey'), help: help('partnerSearchKey'), required: false, fixedValue: PARTNER_SEARCH_KEY },
  ];
}

const prerequisite = (id: string, extra: Partial<Prerequisite> = {}): Prerequisite => ({
  id,
  title: msg(`netvisor:prerequisites.${id}.title`),
  body: msg(`netvisor:prerequisites.${id}.body`, extra.copyValue ? { partnerKey: extra.copyValue } : undefined),
  ...extra,
});

export function createDescriptor(ctx: ConnectorContext): SystemDescriptor {
  return {
    id: 'netvisor',
    name: 'Visma Netvisor',
    vendor: 'Visma Solutions',
    summary: msg('netvisor:summary'),
    fields: fields(ctx),
    prerequisites: [
      prerequisite('adminRights'),
      prerequisite('plan'),
      prerequisite('apiUser', { link: API_IDENTIFIERS_GUIDE }),
      prerequisite('resourceRights', { copyValue: PARTNER_SEARCH_KEY, link: RIGHTS_GUIDE }),
    ],
    checks: CHECK_IDS.map((id) => ({ id, title: msg(`netvisor:checks.${id}.title`) })),
    reachesSeveralCompanies: false,
  };
}
