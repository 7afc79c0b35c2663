/**
 * The whole sandbox: every system's simulator (from the registry, each loaded only now) plus the sandbox
 * Exopen backend and OpenID provider, on 127.0.0.1. The assistant uses it by default (nothing leaves the
 * machine); tests, the demo and support training use its named scenarios, each with its own demo
 * credentials so one sandbox serves them all at once.
 */
import { SYSTEMS, secretEnvName, type SystemModuleOf } from '../connectors/registry';
import type { SystemId } from '../connectors/types';
import { createDefaultRunner, startExopenSandbox, type CompanyLister, type FingerprintKeyStore, type InitialRunRunner } from './exopen';
import type { FaultControls } from './exopen/types';
import type { Partners, Upstreams } from './exopen/upstream-config';
import { startIdentityProvider, type DemoUser, type IdentityProvider } from './identity';
import type { BackendHooks, SandboxScenario, SimulatorAdapter, StartedSimulator } from './simulators';

export type { SandboxScenario, StartedSimulator } from './simulators';

/** Each system's simulator controls, by system id (`sandbox.netvisor.setFault(…)` in tests). */
type HandleOf<M extends SystemModuleOf> = Awaited<ReturnType<M['simulator']>> extends SimulatorAdapter<infer H> ? H : never;
export type SimulatorHandles = { readonly [M in SystemModuleOf as M['id']]: HandleOf<M> };

export interface SandboxDescription {
  readonly backend: { readonly url: string; readonly token: string };
  readonly identity: { readonly issuer: string; readonly clientId: string; readonly users: ReadonlyArray<DemoUser> };
  readonly simulators: Readonly<Partial<Record<SystemId, string>>>;
  readonly partner: Readonly<Partial<Record<SystemId, Readonly<Record<string, string>>>>>;
  readonly scenarios: Readonly<Record<string, ReadonlyArray<SandboxScenario & { readonly env: Record<string, string>; readonly command: string }>>>;
}

export interface Sandbox extends SimulatorHandles {
  readonly urls: Partial<Record<SystemId, string>>;
  readonly backend: { readonly url: string; readonly token: string };
  /** The sandbox backend's fault controls (503/429 on the next requests, a dropped response): tests and demos. */
  readonly backendFaults: FaultControls;
  /** The sandbox OpenID provider the assistant signs in to (demo users with their passwords). */
  readonly identity: { readonly issuer: string; readonly clientId: string; readonly users: ReadonlyArray<DemoUser> };
  readonly partnerCredentials: Partial<Record<SystemId, Record<string, string>>>;
  readonly scenarios: Partial<Record<SystemId, ReadonlyArray<SandboxScenario>>>;
  describe(): SandboxDescription;
  close(): Promise<void>;
}

/** Starts one system's simulator (the CLI's --scenario starts only the system it tests). */
export async function startSimulator(system: SystemId, latencyMs = 0): Promise<StartedSimulator> {
  const module = SYSTEMS.find((candidate) => candidate.id === system)!;
  const adapter: SimulatorAdapter = await module.simulator();
  return adapter.start({ latencyMs });
}

/** The sandbox backend's options from every simulator's hooks: one runner and lister per system, the broker's partners. */
function backendOptions(started: ReadonlyArray<[SystemId, StartedSimulator]>, urls: Readonly<Record<string, string>>) {
  const runners: Partial<Record<SystemId, InitialRunRunner>> = {};
  const listers: Partial<Record<SystemId, CompanyLister>> = {};
  let partners: Partners = {};
  const upstreams: Record<string, BackendHooks['upstream']> = {};
  for (const [system, info] of started) {
    const hooks = info.backend?.(urls) ?? {};
    if (hooks.runner) runners[system] = hooks.runner;
    if (hooks.lister) listers[system] = hooks.lister;
    if (hooks.partners) partners = { ...partners, ...hooks.partners };
    if (hooks.upstream) upstreams[system] = hooks.upstream;
  }
  const fallback = createDefaultRunner();
  const runner: InitialRunRunner = (dataSource, ...rest) => (runners[dataSource.system as SystemId] ?? fallback)(dataSource, ...rest);
  return { runner, listers, partners, upstreams: upstreams as Upstreams };
}

export interface StartSandboxOptions {
  readonly dataDir: string;
  readonly latencyMs?: number;
  /** Keeps the sandbox backend's fingerprint key across restarts (the keychain); absent: memory only. */
  readonly keyStore?: FingerprintKeyStore;
}

export async function startSandbox(options: StartSandboxOptions): Promise<Sandbox> {
  const entries: Array<[SystemId, StartedSimulator]> = [];
  for (const { id } of SYSTEMS) entries.push([id, await startSimulator(id, options.latencyMs ?? 0)]);
  const handles = Object.fromEntries(entries.map(([system, info]) => [system, info.handle])) as unknown as SimulatorHandles;
  const urls = Object.fromEntries(entries.map(([system, info]) => [system, info.url])) as Record<SystemId, string>;
  const partnerCredentials = Object.fromEntries(
    entries.filter(([, info]) => info.partner).map(([system, info]) => [system, { ...info.partner }]),
  ) as Partial<Record<SystemId, Record<string, string>>>;
  const scenarios = Object.fromEntries(entries.map(([system, info]) => [system, info.scenarios])) as Partial<Record<SystemId, ReadonlyArray<SandboxScenario>>>;
  // The backend verifies the provider's tokens, and the provider issues them for the backend's URL: the
  // backend starts first with a verifier bound once the provider is up.
  const late: { provider?: IdentityProvider } = {};
  const backend = await startExopenSandbox({
    dataDir: options.dataDir,
    ...(options.keyStore ? { keyStore: options.keyStore } : {}),
    ...backendOptions(entries, urls),
    authenticate: async (token) => (late.provider ? late.provider.verifyAccessToken(token) : null),
  });
  const provider = await startIdentityProvider({ audience: backend.url });
  late.provider = provider;
  const identity = { issuer: provider.issuer, clientId: provider.clientId, users: provider.users };

  return {
    ...handles,
    urls,
    backend: { url: backend.url, token: backend.token },
    backendFaults: backend.faults,
    identity,
    partnerCredentials,
    scenarios,
    describe: () => ({
      backend: { url: backend.url, token: backend.token },
      identity,
      simulators: urls,
      partner: partnerCredentials,
      scenarios: Object.fromEntries(
        entries.map(([system, info]) => [system, info.scenarios.map((scenario) => describeScenario(system, info, scenario, partnerCredentials[system]))]),
      ),
    }),
    async close() {
      await backend.close();
      await provider.close();
      for (const [, info] of entries) await info.close();
    },
  };
}

/** Adds a ready `env` block (secrets as the CLI reads them) and a command to test the scenario. */
function describeScenario(system: SystemId, info: StartedSimulator, scenario: SandboxScenario, partner: Record<string, string> | undefined) {
  const env = Object.fromEntries(
    [...Object.entries(scenario.secrets), ...Object.entries(partner ?? {})].map(([field, value]) => [secretEnvName(system, field), value]),
  );
  const flags = Object.entries(scenario.fields).map(([field, value]) => `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} "${value}"`);
  const command =
    info.command === 'base-url'
      ? `exopen-connect test ${system} --base-url ${info.url} ${flags.join(' ')}`.trim()
      : `exopen-connect test ${system} --scenario ${scenario.id}`;
  return { ...scenario, env, command };
}
