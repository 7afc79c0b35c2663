/**
 * Composition root shared by the hosts (Electron, web): builds the ports, the connectors and the handlers
 * of the contract. Hosts only translate transport; the CLI uses the same pieces directly.
 */
import type { AppInfo, Handlers } from '../../preload/contract';
import { createConnectors, secretFieldIds } from '../connectors/registry';
import { createExopenClient } from '../exopen';
import { isAllowedExternalUrl } from '../platform/csp';
import { configureLogging, createLogger } from '../platform/log';
import { openSecretStore } from '../platform/secrets';
import { startSandbox, type Sandbox } from '../sandbox';
import { createCheckService } from './checks';
import { createDraftStore } from './drafts';
import { AppError } from './errors';
import { createEventHub, type EventHub } from './events';
import { createHandoffService } from './handoff';
import { fixedPartnerCredentials, localPartnerCredentials } from './partners';
import { createCredentialVault } from './vault';
import { APP_VERSION } from './version';

export interface RuntimeOptions {
  readonly host: 'electron' | 'web';
  /** Where settings, drafts and logs live (Electron: app.getPath('userData')). */
  readonly dataDir: string;
  /** Opens an allowlisted https URL in the system browser (Electron: shell.openExternal). */
  readonly openExternal: (url: string) => Promise<void>;
  /** Exopen backend; when absent the local sandbox (simulators + sandbox backend) is started. */
  readonly backend?: { readonly url: string; readonly token: () => Promise<string> };
  /** A sandbox started by the caller (the web host shares one with the CLI's `sandbox` command). */
  readonly sandbox?: Sandbox;
}

export interface Runtime {
  readonly handlers: Handlers;
  readonly events: EventHub;
  readonly sandbox?: Sandbox;
  close(): Promise<void>;
}

const notYet = async (): Promise<never> => {
  throw new AppError('E_NOT_AVAILABLE', 'This part of the assistant is not available in this version yet.');
};

export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  configureLogging({ dataDir: options.dataDir });
  const log = createLogger('runtime');
  const secretStore = await openSecretStore({ service: 'exopen-connect' });
  const ownSandbox = !options.backend && !options.sandbox ? await startSandbox({ dataDir: options.dataDir }) : undefined;
  const sandbox = options.sandbox ?? ownSandbox;

  const connectors = createConnectors({
    ...(sandbox ? { sandboxUrls: sandbox.urls } : {}),
    partnerCredentials: sandbox ? fixedPartnerCredentials(sandbox.partnerCredentials) : localPartnerCredentials(async () => secretStore),
  });
  const drafts = createDraftStore({
    dataDir: options.dataDir,
    secretFieldsOf: (system) => new Set(secretFieldIds(connectors[system].descriptor)),
  });
  const vault = createCredentialVault(secretStore);
  const events = createEventHub();
  const checks = createCheckService({ connectors, drafts, vault, events });
  const backend = options.backend ?? { url: sandbox!.backend.url, token: async () => sandbox!.backend.token };
  const handoff = createHandoffService({
    connectors,
    drafts,
    vault,
    checks,
    exopen: createExopenClient({ baseUrl: backend.url, token: backend.token }),
    destination: sandbox ? 'sandbox' : backend.url,
  });

  const info: AppInfo = {
    version: APP_VERSION,
    host: options.host,
    sandbox: sandbox !== undefined,
    backend: sandbox ? { environment: 'sandbox', url: backend.url } : { environment: 'custom', url: backend.url },
    secretBackend: vault.backend,
    platform: process.platform,
  };
  log.info('runtime started', { host: options.host, sandbox: info.sandbox, secretBackend: vault.backend.kind });

  async function requireDraft(id: string) {
    const draft = await drafts.current();
    if (!draft || draft.id !== id) throw new AppError('E_NO_DRAFT', 'This setup is no longer in progress; start again.');
    return draft;
  }

  const handlers: Handlers = {
    'app.info': async () => info,
    'systems.list': async () => Object.values(connectors).map((connector) => connector.descriptor),
    'drafts.current': () => drafts.current(),
    'drafts.start': async ({ system }) => {
      const previous = await drafts.current();
      if (previous) await discard(previous.id);
      return drafts.start(system);
    },
    'drafts.save': async (input) => {
      const draft = await requireDraft(input.id);
      const saved = await drafts.save({ ...input, ...(draft.dataSourceId ? { dataSourceId: draft.dataSourceId } : {}) });
      const connector = connectors[saved.system];
      const stored = await vault.status(saved.id, secretFieldIds(connector.descriptor));
      return { draft: saved, errors: connector.validate(saved.fields, stored) };
    },
    'drafts.discard': async ({ id }) => {
      await discard(id);
      return { discarded: true };
    },
    'secrets.put': async ({ draftId, field, value }) => {
      const draft = await requireDraft(draftId);
      if (!secretFieldIds(connectors[draft.system].descriptor).includes(field))
        throw new AppError('E_NOT_SECRET', `${field} is not a secret field of this system.`);
      await vault.put(draftId, field, value);
      return { stored: true, backend: vault.backend.kind };
    },
    'secrets.status': async ({ draftId }) => {
      const draft = await requireDraft(draftId);
      return vault.status(draftId, secretFieldIds(connectors[draft.system].descriptor));
    },
    'checks.run': (input) => checks.run(input),
    'checks.cancel': async ({ operationId }) => ({ cancelled: checks.cancel(operationId) }),
    'handoff.review': ({ draftId }) => handoff.review(draftId),
    'handoff.submit': ({ draftId }) => handoff.submit(draftId),
    'status.get': ({ dataSourceId }) => handoff.status(dataSourceId),
    // Issue 3 (sign-in, domains, data-source lifecycle, settings) is being built; until then these say so.
    'drafts.recreate': notYet,
    'auth.status': async () => ({ signedIn: false, pending: false }),
    'auth.signIn': notYet,
    'auth.cancel': async () => ({ cancelled: false }),
    'auth.signOut': async () => ({ signedIn: false, pending: false }),
    'domains.list': notYet,
    'domains.create': notYet,
    'dataSources.list': notYet,
    'dataSources.addCompanies': notYet,
    'dataSources.removeCompanies': notYet,
    'dataSources.delete': notYet,
    'settings.get': notYet,
    'settings.set': notYet,
    'links.open': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) throw new AppError('E_LINK_NOT_ALLOWED', 'That link is not on the list of pages the assistant opens.');
      await options.openExternal(url);
      return { opened: true };
    },
  };

  async function discard(id: string) {
    await vault.forget(id);
    checks.forget(id);
    await drafts.discard(id);
  }

  return {
    handlers,
    events,
    ...(sandbox ? { sandbox } : {}),
    async close() {
      await ownSandbox?.close();
    },
  };
}
