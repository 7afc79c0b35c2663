/**
 * The whole sandbox: every vendor simulator plus the sandbox Exopen backend, on 127.0.0.1. The assistant
 * uses it by default (nothing leaves the machine); tests, the demo and support training use its named
 * scenarios, each with its own demo credentials so one sandbox serves them all at once.
 */
import { secretEnvName, systemIds } from '../connectors/registry';
import type { SystemId } from '../connectors/types';
import { startExopenSandbox } from './exopen';
import type { FaultControls } from './exopen/types';
import { startIdentityProvider, type DemoUser, type IdentityProvider } from './identity';
import { createVendorListers } from './listers';
import { createVendorRunner } from './runner';
import { simulatorStarters, type SandboxScenario, type SimulatorHandles, type StartedSimulator } from './simulators';

export type { SandboxScenario } from './simulators';

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

export async function startSandbox(options: { dataDir: string; latencyMs?: number }): Promise<Sandbox> {
  const started: Partial<Record<SystemId, StartedSimulator>> = {};
  const handles: Partial<SimulatorHandles> = {};
  for (const system of systemIds) {
    const { handle, started: info } = await simulatorStarters[system](options.latencyMs ?? 0);
    (handles as Record<string, unknown>)[system] = handle;
    started[system] = info;
  }
  const entries = Object.entries(started) as Array<[SystemId, StartedSimulator]>;
  const urls = Object.fromEntries(entries.map(([system, info]) => [system, info.url])) as Partial<Record<SystemId, string>>;
  const partnerCredentials = Object.fromEntries(
    entries.filter(([, info]) => info.partner).map(([system, info]) => [system, { ...info.partner }]),
  ) as Partial<Record<SystemId, Record<string, string>>>;
  const scenarios = Object.fromEntries(entries.map(([system, info]) => [system, info.scenarios])) as Partial<Record<SystemId, ReadonlyArray<SandboxScenario>>>;
  // The backend verifies the provider's tokens, and the provider issues them for the backend's URL: the
  // backend starts first with a verifier bound once the provider is up.
  const late: { provider?: IdentityProvider } = {};
  const procountor = partnerCredentials.procountor;
  const backend = await startExopenSandbox({
    dataDir: options.dataDir,
    runner: createVendorRunner({ sandboxUrls: urls, partnerCredentials }),
    listers: createVendorListers({ sandboxUrls: urls }),
    authenticate: async (token) => (late.provider ? late.provider.verifyAccessToken(token) : null),
    partners: partnerCredentials.netvisor ? { netvisor: { partnerId: partnerCredentials.netvisor.partnerId!, partnerKey: partnerCredentials.netvisor.partnerKey! } } : {},
    upstreams:
      procountor && urls.procountor
        ? { procountor: { tokenUrl: `${urls.procountor}/oauth/token`, clientId: procountor.clientId!, clientSecret: procountor.clientSecret! } }
        : {},
  });
  const provider = await startIdentityProvider({ audience: backend.url });
  late.provider = provider;
  const identity = { issuer: provider.issuer, clientId: provider.clientId, users: provider.users };

  return {
    ...(handles as SimulatorHandles),
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
    system === 'netvisor' || system === 'procountor'
      ? `exopen-connect test ${system} --base-url ${info.url} ${flags.join(' ')}`.trim()
      : `exopen-connect test ${system} --scenario ${scenario.id}`;
  return { ...scenario, env, command };
}
