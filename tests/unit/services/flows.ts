/**
 * Whole user flows over the services harness, shared by the account, lifecycle, recreate and canary tests:
 * a verified Netvisor or Procountor setup, its hand-off, waiting for a run, and a second, independent
 * Exopen session (its own sign-in at the sandbox provider) to read what the backend holds.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { BridgeError, Company, DataSourceStatus, Draft, InvokeInput, InvokeName, InvokeOutput } from '../../../preload/contract';
import { createAuthService } from '../../../main/auth';
import { createExopenClient, type ExopenClient } from '../../../main/exopen';
import { MemorySecretStore } from '../../../main/platform/secrets';
import { createLogger } from '../../../main/platform/log';
import type { Sandbox, SandboxScenario } from '../../../main/sandbox';
import { dispatchCall } from '../../../main/services/dispatch';
import { createRuntime } from '../../../main/services/runtime';
import { browserSignIn, type DemoLogin } from '../../support/sign-in';
import { fillScenario, tempDir, type Harness } from './support';

export const VIEWER: DemoLogin = { email: 'viewer@demo.exopen.test', password: 'demo', name: 'Demo Viewer' };

/** A JWT as the sandbox provider issues them (header `{"alg"…` base64url-encoded starts with eyJ). */
export const JWT = /eyJ[A-Za-z0-9_-]{38,}/;

/** Polls status.get a bounded number of times until the run settles. */
export async function settled(h: Harness, dataSourceId: string): Promise<DataSourceStatus> {
  let status = await h.ok('status.get', { dataSourceId });
  for (let attempt = 0; attempt < 800 && (status.status === 'queued' || status.status === 'running'); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    status = await h.ok('status.get', { dataSourceId });
  }
  return status;
}

export async function runChecks(h: Harness, draftId: string) {
  return h.ok('checks.run', { draftId, operationId: crypto.randomUUID() });
}

/** Saves the draft at Review with the report's first active company and the given domain. */
async function pickCompany(h: Harness, draft: Draft, domainId: string): Promise<{ draft: Draft; company: Company }> {
  const report = await runChecks(h, draft.id);
  if (report.overall === 'failed') throw new Error(`checks failed for ${draft.system}`);
  const company = report.companies.find((candidate) => candidate.active);
  if (!company) throw new Error('the report names no active company');
  const saved = await h.ok('drafts.save', { id: draft.id, step: 'review', fields: draft.fields, selectedCompanies: [company.id], domainId });
  return { draft: saved.draft, company };
}

/** A Netvisor setup of a sandbox scenario, checked, with its company and domain chosen: ready to submit. */
export async function verifiedNetvisor(h: Harness, scenarioId = 'healthy', domainId = 'dom-demo') {
  const { draft, scenario } = await fillScenario(h, scenarioId);
  return { ...(await pickCompany(h, draft, domainId)), scenario };
}

export function procountorScenario(sandbox: Sandbox, id: string): SandboxScenario {
  const found = sandbox.scenarios.procountor?.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no procountor scenario ${id}`);
  return found;
}

/** A Procountor setup of a sandbox scenario, checked, with its company and domain chosen: ready to submit. */
export async function verifiedProcountor(h: Harness, scenarioId = 'healthy', domainId = 'dom-demo') {
  const scenario = procountorScenario(h.sandbox, scenarioId);
  const started = await h.ok('drafts.start', { system: 'procountor' });
  await h.ok('secrets.put', { draftId: started.id, field: 'apiKey', value: scenario.secrets.apiKey! });
  const { draft } = await h.ok('drafts.save', { id: started.id, step: 'credentials', fields: { environment: 'sandbox' }, selectedCompanies: [] });
  return { ...(await pickCompany(h, draft, domainId)), scenario };
}

/** Hands a verified Netvisor scenario off to the domain; returns the new data source's id and what went. */
export async function handOffNetvisor(h: Harness, scenarioId = 'healthy', domainId = 'dom-demo') {
  const verified = await verifiedNetvisor(h, scenarioId, domainId);
  const { dataSourceId } = await h.ok('handoff.submit', { draftId: verified.draft.id });
  return { ...verified, dataSourceId };
}

/** A second Exopen session as the demo admin, straight to the backend client (to read syncs, say). */
export async function backendSession(sandbox: Sandbox): Promise<ExopenClient> {
  const auth = createAuthService({
    issuer: sandbox.identity.issuer,
    clientId: sandbox.identity.clientId,
    audience: sandbox.backend.url,
    secrets: new MemorySecretStore('tests: a second session'),
    allowInsecureIssuer: true,
    openExternal: browserSignIn(),
  });
  await auth.signIn();
  return createExopenClient({ baseUrl: sandbox.backend.url, token: () => auth.accessToken() });
}

/** Files under `dir` whose text matches the pattern. */
export async function filesMatching(dir: string, pattern: RegExp): Promise<string[]> {
  const hits: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    if (pattern.test(await readFile(full, 'utf8'))) hits.push(full);
  }
  return hits;
}

/** Another install signed in as another demo user, on a shared sandbox; answers go through dispatchCall. */
export async function assistantAs(sandbox: Sandbox, user: DemoLogin) {
  const dataDir = await tempDir();
  const runtime = await createRuntime({ host: 'web', dataDir, openExternal: async () => undefined, openSignIn: browserSignIn(user), sandbox });
  await runtime.handlers['auth.signIn']({});
  const log = createLogger('test');
  return {
    async fail<K extends InvokeName>(name: K, input: InvokeInput<K>): Promise<BridgeError> {
      const envelope = await dispatchCall(runtime.handlers, name, input, log);
      if (envelope.ok) throw new Error(`${name} unexpectedly succeeded`);
      return envelope.error;
    },
    async ok<K extends InvokeName>(name: K, input: InvokeInput<K>): Promise<InvokeOutput<K>> {
      const envelope = await dispatchCall(runtime.handlers, name, input, log);
      if (!envelope.ok) throw new Error(`${name} answered ${envelope.error.code}: ${envelope.error.message}`);
      return envelope.value as InvokeOutput<K>;
    },
    async close() {
      await runtime.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
