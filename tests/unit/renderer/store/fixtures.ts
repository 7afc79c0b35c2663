/** Small, self-contained data for the store tests: two systems, drafts, reports, a diagnosis. */
import type {
  AppInfo,
  CatalogueEntry,
  CheckReport,
  CheckResult,
  Company,
  Diagnosis,
  Draft,
  EnvironmentSettings,
  SystemDescriptor,
  SystemId,
} from '../../../../preload/contract';

const m = (key: string) => ({ key });

/** One credential, one company (like Netvisor): a select that shows a custom address, a secret, a fixed value. */
export const single: SystemDescriptor = {
  id: 'netvisor',
  name: 'Netvisor',
  vendor: 'Visma',
  summary: m('netvisor.summary'),
  fields: [
    { id: 'customerId', kind: 'text', label: m('f.customerId'), required: true },
    {
      id: 'environment',
      kind: 'select',
      label: m('f.environment'),
      required: true,
      defaultValue: 'production',
      options: [
        { value: 'production', label: m('f.production') },
        { value: 'custom', label: m('f.custom') },
      ],
    },
    { id: 'baseUrl', kind: 'text', label: m('f.baseUrl'), required: true, showWhen: { field: 'environment', equals: ['custom'] } },
    { id: 'apiKey', kind: 'secret', label: m('f.apiKey'), required: true },
    { id: 'partnerId', kind: 'fixed', label: m('f.partnerId'), required: false, fixedValue: 'EXOPEN' },
  ],
  prerequisites: [
    { id: 'enableApi', title: m('p.enableApi'), body: m('p.enableApi.body') },
    { id: 'addUser', title: m('p.addUser'), body: m('p.addUser.body') },
  ],
  checks: [
    { id: 'connect', title: m('c.connect') },
    { id: 'rights', title: m('c.rights') },
  ],
  reachesSeveralCompanies: false,
};

/** One credential, many companies (like Vitec): bulk hand-off, Show inactive. */
export const several: SystemDescriptor = {
  id: 'vitec',
  name: 'Vitec',
  vendor: 'Vitec',
  summary: m('vitec.summary'),
  fields: [
    { id: 'user', kind: 'text', label: m('f.user'), required: true },
    { id: 'password', kind: 'secret', label: m('f.password'), required: true },
  ],
  prerequisites: [],
  checks: [{ id: 'connect', title: m('c.connect') }],
  reachesSeveralCompanies: true,
};

export const systems: ReadonlyArray<SystemDescriptor> = [single, several];

export const appInfo: AppInfo = {
  version: '0.0.0-test',
  host: 'web',
  sandbox: true,
  backend: { environment: 'sandbox', url: 'http://127.0.0.1:9' },
  secretBackend: { kind: 'memory', reason: 'test' },
  platform: 'linux',
  canPrintPdf: false,
  notices: [],
};

export const settings: EnvironmentSettings = { environment: 'sandbox', url: 'http://127.0.0.1:9', signers: {}, active: true };

export function draft(patch: Partial<Draft> & { id?: string; system?: SystemId } = {}): Draft {
  return { id: 'draft-0001', system: 'netvisor', step: 'prepare', fields: {}, selectedCompanies: [], updatedAt: '2024-01-01T00:00:00.000Z', ...patch };
}

export const passed = (checkId: string): CheckResult => ({ checkId, status: 'passed', summary: m(`${checkId}.ok`), durationMs: 1 });

export const failed = (checkId: string): CheckResult => ({
  checkId,
  status: 'failed',
  kind: 'customer-action',
  summary: m(`${checkId}.failed`),
  meaning: m(`${checkId}.meaning`),
  fix: m(`${checkId}.fix`),
  durationMs: 1,
});

export const acme: Company = { id: 'c1', name: 'Acme Oy', active: true };
export const dormant: Company = { id: 'c2', name: 'Dormant Oy', active: false };
export const beta: Company = { id: 'c3', name: 'Beta Oy', active: true };

export function report(results: ReadonlyArray<CheckResult>, companies: ReadonlyArray<Company> = [acme, dormant], system: SystemId = 'netvisor'): CheckReport {
  const overall = results.some((r) => r.status === 'failed') ? 'failed' : results.some((r) => r.status === 'warning') ? 'warning' : 'passed';
  return { system, startedAt: '2024-01-01T00:00:00.000Z', finishedAt: '2024-01-01T00:00:01.000Z', overall, results, companies, requestCount: 2 };
}

export const catalogueEntry: CatalogueEntry = {
  id: 'netvisor.blocked-resource',
  system: 'netvisor',
  symptom: m('k.symptom'),
  detection: m('k.detection'),
  meaning: m('k.meaning'),
  fix: m('k.fix'),
  keywords: ['SERVICE_ACCESS_ERROR'],
  scenario: 'blocked-resource',
  signatures: [],
};

export const vitecEntry: CatalogueEntry = { ...catalogueEntry, id: 'vitec.no-companies', system: 'vitec', scenario: 'no-companies' };

export function diagnosis(system: SystemId = 'netvisor'): Diagnosis {
  return {
    system,
    systemName: system,
    environment: { settings: {}, credentialFieldsGiven: [], sandbox: true },
    startedAt: '2024-01-01T00:00:00.000Z',
    finishedAt: '2024-01-01T00:00:01.000Z',
    overall: 'passed',
    results: [],
    knownProblems: [],
    timeline: [],
    appVersion: '0.0.0-test',
    os: { platform: 'linux', release: '6', arch: 'x64' },
    redactedValues: 0,
  };
}
