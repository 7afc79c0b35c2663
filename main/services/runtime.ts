/**
 * Composition root shared by the hosts (Electron, web): builds the ports, the sign-in, the backend client,
 * the connectors and the handlers of the contract. Hosts only translate transport; the CLI uses the same
 * pieces directly.
 */
import path from 'node:path';
import type { AppInfo, Draft, Handlers } from '../../preload/contract';
import { createAuthService } from '../auth';
import { createConnectors, secretFieldIds, SYSTEM_IDS } from '../connectors/registry';
import { createExopenClient } from '../exopen';
import { isAllowedExternalUrl } from './links';
import { configureLogging, createLogger } from '../platform/log';
import { openSecretStore } from '../platform/secrets';
import type { SecretStore, SettingsStore } from '../platform/ports';
import { openSettings, type SettingsCorruptError } from '../platform/settings';
import type { Sandbox } from '../sandbox';
import { createAccountHandlers } from './account';
import { createPartnerBroker } from './broker';
import type { ConnectorContext } from '../connectors/context';
import { createCheckService } from './checks';
import { createDiagnoseHandlers } from './diagnose-handlers';
import { swapCompanies } from './verified';
import { createDraftHandlers } from './draft-handlers';
import { createDraftStore } from './drafts';
import { describeEnvironment, resolveEnvironment, saveEnvironment, signerFor } from './environment';
import { AppError } from '../platform/errors';
import { createEventHub, type EventHub } from './events';
import { createHandoffService } from './handoff';
import { fixedPartnerCredentials, localPartnerCredentials } from './partners';
import { createRendererLog } from './renderer-log';
import { createCredentialVault } from './vault';
import { createNotices } from './notices';
import { APP_VERSION } from '../platform/version';

export interface RuntimeOptions {
  readonly host: 'electron' | 'web';
  /** Where settings, drafts and logs live (Electron: app.getPath('userData')). */
  readonly dataDir: string;
  /** Opens a help link in the system browser; the runtime only passes allowlisted https URLs. */
  readonly openExternal: (url: string) => Promise<void>;
  /** Opens Exopen's sign-in page in the system browser (default: openExternal). Only the issuer's URLs. */
  readonly openSignIn?: (url: string) => Promise<void>;
  /**
   * Opens the settings (the SettingsStore port) in `dataDir`. Default: conf (platform/settings.ts), as the web
   * host and the CLI do; Electron passes electron-store over the same file and schema (electron/settings.ts).
   */
  readonly openSettings?: (dataDir: string) => SettingsStore & { readonly notice?: SettingsCorruptError | undefined };
  /** A sandbox started by the caller (tests share one); otherwise started here when the environment is sandbox. */
  readonly sandbox?: Sandbox;
  /** Environment variables to read EXOPEN_BACKEND_URL / EXOPEN_ISSUER_URL from (default process.env). */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Prints a self-contained HTML document to PDF bytes (Electron: a hidden sandboxed window's printToPDF).
   * Hosts without one (the web host, the CLI) hand out the HTML task pack only.
   */
  readonly printToPdf?: (html: string) => Promise<Uint8Array>;
}

export interface Runtime {
  readonly handlers: Handlers;
  readonly events: EventHub;
  readonly sandbox?: Sandbox;
  close(): Promise<void>;
}

/**
 * Starts the sandbox, loading it first: the simulators, the sandbox identity provider and backend are about a
 * third of the main bundle and only sandbox mode needs them, so the build puts them in a chunk of their own
 * (scripts/build.mjs, esbuild splitting) that is read here, not at startup.
 */
async function startOwnSandbox(dataDir: string, keyStore: SecretStore): Promise<Sandbox> {
  const { startSandbox } = await import('../sandbox');
  return startSandbox({ dataDir, keyStore });
}

/** Exopen's client registration at its identity provider. UNCERTAIN for production: to be confirmed. */
const CLIENT_ID = 'exopen-connect';

export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  // Neither a logs folder that is a file nor a settings.json that is a folder stops the start: each falls
  // back (stderr, defaults) and becomes a notice the UI shows (services/notices.ts).
  const logSink = configureLogging({ dataDir: options.dataDir });
  const log = createLogger('runtime');
  const secretStore = await openSecretStore({ service: 'exopen-connect' });
  const settings = (options.openSettings ?? openSettings)(options.dataDir);
  const environment = resolveEnvironment(settings, options.env ?? process.env);
  const wantsSandbox = environment.environment === 'sandbox';
  const ownSandbox = wantsSandbox && !options.sandbox ? await startOwnSandbox(options.dataDir, secretStore) : undefined;
  const sandbox = wantsSandbox ? (options.sandbox ?? ownSandbox) : undefined;
  const backendUrl = sandbox ? sandbox.backend.url : environment.backendUrl!;
  const issuer = sandbox ? sandbox.identity.issuer : environment.issuerUrl!;

  const events = createEventHub();
  const openSignIn = options.openSignIn ?? options.openExternal;
  const auth = createAuthService({
    issuer,
    clientId: sandbox ? sandbox.identity.clientId : CLIENT_ID,
    audience: backendUrl,
    secrets: secretStore,
    // Tokens live in a keychain namespace of this issuer and data directory: another instance sharing the
    // keychain (another data directory, a sandbox beside production) never signs this one out.
    instance: path.resolve(options.dataDir),
    allowInsecureIssuer: sandbox !== undefined,
    openExternal: async (url) => {
      // Only the identity provider's own pages go to the browser through this path.
      if (new URL(url).origin !== new URL(issuer).origin) throw new AppError('E_LINK_NOT_ALLOWED', 'Refused to open a sign-in page of another host.');
      await openSignIn(url);
    },
  });
  auth.onChange((session) => events.emit('auth.changed', session));
  await auth.restore().catch((error: unknown) => log.warn('could not restore the Exopen session', { error }));

  const exopen = createExopenClient({ baseUrl: backendUrl, token: () => auth.accessToken() });
  const connectorContext: ConnectorContext = {
    ...(sandbox ? { sandboxUrls: sandbox.urls } : {}),
    partnerCredentials: sandbox ? fixedPartnerCredentials(sandbox.partnerCredentials) : localPartnerCredentials(async () => secretStore),
    broker: createPartnerBroker(exopen),
    partnerMode: (system) => signerFor(environment, system),
  };
  const connectors = createConnectors(connectorContext);
  const vault = createCredentialVault(secretStore);
  const drafts = createDraftStore({
    dataDir: options.dataDir,
    secretFieldsOf: (system) => new Set(secretFieldIds(connectors[system].descriptor)),
    // A damaged draft is set aside; the secrets it named in the keychain go with it (nothing else would find them).
    forgetSecrets: (draftId) => vault.forget(draftId),
  });
  // Read the draft now: a damaged one is set aside (and its secrets removed) at start, so its notice is in the
  // first app.info the renderer asks for.
  await drafts.current().catch((error: unknown) => log.warn('could not read the saved draft at start', { error }));
  const notices = createNotices({ settings: () => settings.notice, draft: () => drafts.notice, log: () => logSink.unavailable });
  const expectedCompanies = (draft: Draft) => swapCompanies(exopen, draft);
  const checks = createCheckService({ connectors, drafts, vault, events, expectedCompanies });
  const handoff = createHandoffService({ connectors, drafts, vault, checks, exopen, events, destination: sandbox ? 'sandbox' : backendUrl });

  const info: Omit<AppInfo, 'notices'> = {
    version: APP_VERSION,
    host: options.host,
    sandbox: sandbox !== undefined,
    backend: { environment: environment.environment, url: backendUrl },
    secretBackend: vault.backend,
    platform: process.platform,
    canPrintPdf: options.printToPdf !== undefined,
  };
  const rendererLog = createRendererLog();
  log.info('runtime started', {
    host: options.host,
    environment: environment.environment,
    secretBackend: vault.backend.kind,
    ...(vault.backend.kind === 'memory' && vault.backend.locked ? { keychainLocked: true } : {}),
    notices: notices.list().map((notice) => notice.code),
  });

  const handlers: Handlers = {
    'app.info': async () => ({ ...info, notices: notices.list() }),
    'app.dismissNotice': async ({ id }) => ({ dismissed: notices.dismiss(id) }),
    ...rendererLog.handlers,
    'systems.list': async () => Object.values(connectors).map((connector) => connector.descriptor),
    ...createDraftHandlers({ connectors, drafts, vault, checks, exopen }),
    'checks.run': (input) => checks.run(input),
    'checks.cancel': async ({ operationId }) => ({ cancelled: checks.cancel(operationId) }),
    'handoff.review': ({ draftId }) => handoff.review(draftId),
    'handoff.submit': ({ draftId }) => handoff.submit(draftId),
    'handoff.retryCompanies': ({ draftId, companyIds }) => handoff.retryCompanies(draftId, companyIds),
    'status.get': ({ dataSourceId }) => handoff.status(dataSourceId),
    'links.open': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) throw new AppError('E_LINK_NOT_ALLOWED', 'That link is not on the list of pages the assistant opens.');
      // reviewed: allowlisted https URLs only (the line above); the Electron host's opener checks again.
      await options.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
      return { opened: true };
    },
    ...createDiagnoseHandlers({ ctx: connectorContext, connectors, drafts, vault, checks, events, expectedCompanies, printToPdf: options.printToPdf, ...(sandbox ? { scenarios: sandbox.scenarios } : {}) }),
    ...createAccountHandlers({ auth, exopen, systems: SYSTEM_IDS }),
    'settings.get': async () => describeEnvironment(environment, settings, sandbox?.backend.url, SYSTEM_IDS),
    'settings.set': async (change) => {
      saveEnvironment(settings, change);
      return describeEnvironment(environment, settings, sandbox?.backend.url, SYSTEM_IDS);
    },
  };

  return {
    handlers,
    events,
    ...(sandbox ? { sandbox } : {}),
    async close() {
      auth.cancel();
      rendererLog.flush();
      if (ownSandbox) {
        // Its identity provider goes with it (and the next sandbox has another issuer): its tokens are worthless.
        await auth.clearLocal().catch((error: unknown) => log.warn('could not remove the sandbox session from the keychain', { error }));
        await ownSandbox.close();
      }
    },
  };
}
