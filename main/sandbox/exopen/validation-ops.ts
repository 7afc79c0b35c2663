/**
 * The bodies of the domain and data-source changes (openapi/exopen.yaml DomainCreate, CompaniesAdd,
 * CompaniesRemove, DataSourceRecreate), with the same messages as the create check.
 */
import { z } from 'zod';
import type { ExopenSystemId } from '../../exopen/schemas';
import { codePointLength } from '../../exopen/schemas';
import { companies, objectWith, repeatedCompanies, secrets, settingAndSecret, settings, systemField, text, type BodyRule } from './validation';

/** Leading and trailing spaces do not count; what is left must be one line of 2 or more characters. */
const DOMAIN_NAME = /^\s*\S.*\S\s*$/u;

export const domainCreateRule: BodyRule<{ name: string }> = {
  schema: z.strictObject(
    {
      name: z
        .string({ error: (issue) => (issue.input === undefined ? 'is required: the name of the company group, e.g. "Acme Group"' : 'must be text') })
        .refine((value) => codePointLength(value) <= 80, { error: 'must be at most 80 characters; shorten it', abort: true })
        .refine((value) => DOMAIN_NAME.test(value), { error: 'must be one line of at least 2 characters (spaces around it do not count)' }),
    },
    objectWith('name'),
  ),
  what: 'a new domain (name)',
};

export const companiesAddRule: BodyRule<{ companies: Array<{ id: string; name: string }> }> = {
  schema: z.strictObject({ companies }, objectWith('companies')),
  what: 'a list of companies to add (companies)',
  prose: (input) => repeatedCompanies(input.companies),
};

export const companiesRemoveRule: BodyRule<{ companyIds: string[] }> = {
  schema: z.strictObject(
    {
      companyIds: z
        .array(text({ required: 'must be a company id', min: 1, max: 64 }), {
          error: (issue) => (issue.input === undefined ? 'is required: the ids of the companies to disconnect' : 'must be a list of company ids'),
        })
        .min(1, { error: 'must list at least one company id' })
        .max(1000, { error: 'lists more than 1000 company ids' }),
    },
    objectWith('companyIds'),
  ),
  what: 'a list of companies to remove (companyIds)',
};

export interface RecreateInput {
  readonly system: ExopenSystemId;
  readonly settings: Record<string, string>;
  readonly secrets: Record<string, string>;
}

export const recreateRule: BodyRule<RecreateInput> = {
  schema: z.strictObject({ system: systemField, settings, secrets }, objectWith('system, settings and secrets')),
  what: 'a new credential (system, settings, secrets)',
  prose: settingAndSecret,
};
