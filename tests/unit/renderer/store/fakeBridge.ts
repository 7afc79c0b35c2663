/**
 * A fake of the renderer's bridge, built from plain objects. `bridge` is typed as the contract's `Bridge`
 * and `defaults` covers every call of the contract, so adding, removing or retyping a call breaks these
 * tests at compile time. A failure is thrown as the real BridgeCallError, as the web host's bridge does.
 */
import { BridgeCallError } from '../../../../preload/bridge';
import type {
  Bridge,
  ErrorCode,
  EventName,
  EventPayload,
  FieldError,
  InvokeInput,
  InvokeName,
  InvokeOutput,
} from '../../../../preload/contract';
import * as fx from './fixtures';

export type Impl<K extends InvokeName> = (input: InvokeInput<K>) => InvokeOutput<K> | Promise<InvokeOutput<K>>;
type Impls = { [K in InvokeName]: Impl<K> };

function defaults(): Impls {
  let drafts = 0;
  return {
    'app.info': () => fx.appInfo,
    'app.logError': () => ({ logged: true }),
    'app.dismissNotice': () => ({ dismissed: true }),
    'systems.list': () => fx.systems,
    'drafts.current': () => null,
    'drafts.start': ({ system }) => fx.draft({ id: `draft-${String(++drafts).padStart(4, '0')}`, system, step: 'system' }),
    'drafts.recreate': ({ dataSourceId }) => fx.draft({ id: `draft-r${String(++drafts).padStart(4, '0')}`, step: 'credentials', recreateOf: dataSourceId }),
    'drafts.save': ({ id, step, fields, selectedCompanies, domainId }) => ({
      draft: fx.draft({ id, step, fields, selectedCompanies, ...(domainId ? { domainId } : {}) }),
      errors: [],
    }),
    'drafts.discard': () => ({ discarded: true }),
    'secrets.put': () => ({ stored: true, backend: 'memory' }),
    'secrets.status': () => ({}),
    'checks.run': () => fx.report([fx.passed('connect'), fx.passed('rights')]),
    'checks.cancel': () => ({ cancelled: true }),
    'handoff.review': () => ({ items: [], companies: [fx.acme], destination: 'Acme group' }),
    'handoff.submit': () => ({ dataSourceId: 'ds-1', failed: [] }),
    'handoff.retryCompanies': () => ({ dataSourceId: 'ds-1', failed: [] }),
    'status.get': ({ dataSourceId }) => ({ dataSourceId, displayName: 'Netvisor', status: 'done', progress: 100, resources: [] }),
    'links.open': () => ({ opened: true }),
    'auth.status': () => ({ signedIn: false, pending: false }),
    'auth.signIn': () => ({ signedIn: true, user: { name: 'Ada', email: 'ada@example.com' }, expiresAt: '2099-01-01T00:00:00.000Z' }),
    'auth.cancel': () => ({ cancelled: true }),
    'auth.signOut': () => ({ signedIn: false, pending: false }),
    'domains.list': () => [
      { id: 'dom-1', name: 'Acme group', canAdminister: true },
      { id: 'dom-2', name: 'Read only group', canAdminister: false },
    ],
    'domains.create': ({ name }) => ({ id: 'dom-new', name, canAdminister: true }),
    'dataSources.list': () => [],
    'dataSources.companies': () => [],
    'dataSources.addCompanies': ({ id, companies }) => ({
      id,
      system: 'vitec',
      displayName: 'Vitec',
      domainId: 'dom-1',
      credentialLabel: 'api-user',
      companies,
      status: 'queued',
    }),
    'dataSources.removeCompanies': () => ({ deleted: false }),
    'dataSources.delete': () => ({ deleted: true }),
    'diagnose.catalogue': () => [fx.catalogueEntry, fx.vitecEntry],
    'diagnose.run': ({ system }) => fx.diagnosis(system),
    'diagnose.reproduce': ({ entryId }) => fx.diagnosis(entryId.startsWith('vitec.') ? 'vitec' : 'netvisor'),
    'diagnose.bundlePreview': () => ({ json: '{"bundle":true}' }),
    'diagnose.bundle': () => ({ fileName: 'bundle.zip', base64: 'UEsFBg==' }),
    'diagnose.taskPack': ({ system }) => ({ fileName: `${system}-tasks.html`, html: '<h1>Tasks</h1>' }),
    'diagnose.taskPackPdf': ({ system }) => ({ fileName: `${system}-tasks.pdf`, base64: 'JVBERg==' }),
    'settings.get': () => fx.settings,
    'settings.set': ({ environment, url, signers }) => ({ environment, url: url ?? fx.settings.url, signers: signers ?? {}, active: true }),
  };
}

export interface FakeBridge {
  readonly bridge: Bridge;
  /** Replaces how `name` answers from now on. */
  handle<K extends InvokeName>(name: K, impl: Impl<K>): void;
  /** Makes `name` fail with a bridge error from now on. */
  fail(name: InvokeName, code: ErrorCode, message?: string, fieldErrors?: ReadonlyArray<FieldError>): void;
  /** The inputs `name` was called with, in order. */
  calls<K extends InvokeName>(name: K): ReadonlyArray<InvokeInput<K>>;
  /** Every call by name, in order. */
  readonly log: ReadonlyArray<InvokeName>;
  /** Delivers an event to the current subscribers of `name`. */
  emit<K extends EventName>(name: K, payload: EventPayload<K>): void;
  subscribers(name: EventName): number;
}

export function bridgeError(code: ErrorCode, message: string = code, fieldErrors?: ReadonlyArray<FieldError>): BridgeCallError {
  return new BridgeCallError(code, message, fieldErrors);
}

export function createFakeBridge(): FakeBridge {
  const impls = defaults() as Record<InvokeName, (input: unknown) => unknown>;
  const inputs = new Map<InvokeName, unknown[]>();
  const log: InvokeName[] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  async function invoke<K extends InvokeName>(name: K, input: InvokeInput<K>): Promise<InvokeOutput<K>> {
    log.push(name);
    inputs.set(name, [...(inputs.get(name) ?? []), structuredClone(input)]);
    return (await impls[name](input)) as InvokeOutput<K>;
  }

  const bridge: Bridge = {
    app: {
      info: (input) => invoke('app.info', input),
      logError: (input) => invoke('app.logError', input),
      dismissNotice: (input) => invoke('app.dismissNotice', input),
    },
    systems: { list: (input) => invoke('systems.list', input) },
    drafts: {
      current: (input) => invoke('drafts.current', input),
      start: (input) => invoke('drafts.start', input),
      recreate: (input) => invoke('drafts.recreate', input),
      save: (input) => invoke('drafts.save', input),
      discard: (input) => invoke('drafts.discard', input),
    },
    secrets: { put: (input) => invoke('secrets.put', input), status: (input) => invoke('secrets.status', input) },
    checks: { run: (input) => invoke('checks.run', input), cancel: (input) => invoke('checks.cancel', input) },
    handoff: {
      review: (input) => invoke('handoff.review', input),
      submit: (input) => invoke('handoff.submit', input),
      retryCompanies: (input) => invoke('handoff.retryCompanies', input),
    },
    status: { get: (input) => invoke('status.get', input) },
    links: { open: (input) => invoke('links.open', input) },
    auth: {
      status: (input) => invoke('auth.status', input),
      signIn: (input) => invoke('auth.signIn', input),
      cancel: (input) => invoke('auth.cancel', input),
      signOut: (input) => invoke('auth.signOut', input),
    },
    domains: { list: (input) => invoke('domains.list', input), create: (input) => invoke('domains.create', input) },
    dataSources: {
      list: (input) => invoke('dataSources.list', input),
      companies: (input) => invoke('dataSources.companies', input),
      addCompanies: (input) => invoke('dataSources.addCompanies', input),
      removeCompanies: (input) => invoke('dataSources.removeCompanies', input),
      delete: (input) => invoke('dataSources.delete', input),
    },
    diagnose: {
      catalogue: (input) => invoke('diagnose.catalogue', input),
      run: (input) => invoke('diagnose.run', input),
      reproduce: (input) => invoke('diagnose.reproduce', input),
      bundlePreview: (input) => invoke('diagnose.bundlePreview', input),
      bundle: (input) => invoke('diagnose.bundle', input),
      taskPack: (input) => invoke('diagnose.taskPack', input),
      taskPackPdf: (input) => invoke('diagnose.taskPackPdf', input),
    },
    settings: { get: (input) => invoke('settings.get', input), set: (input) => invoke('settings.set', input) },
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      const entry = listener as (payload: unknown) => void;
      set.add(entry);
      return () => void set.delete(entry);
    },
  };

  return {
    bridge,
    handle(name, impl) {
      impls[name] = impl as (input: unknown) => unknown;
    },
    fail(name, code, message = code, fieldErrors) {
      impls[name] = () => Promise.reject(bridgeError(code, message, fieldErrors));
    },
    calls<K extends InvokeName>(name: K) {
      return (inputs.get(name) ?? []) as ReadonlyArray<InvokeInput<K>>;
    },
    log,
    emit(name, payload) {
      for (const listener of [...(listeners.get(name) ?? [])]) listener(payload);
    },
    subscribers(name) {
      return listeners.get(name)?.size ?? 0;
    },
  };
}
