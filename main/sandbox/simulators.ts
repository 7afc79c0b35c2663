/**
 * One adapter per vendor simulator: starts it and describes its scenarios in system-neutral terms (wizard
 * fields, secret fields, what each scenario is expected to show). Adding a system's simulator = one entry.
 */
import type { SystemId } from '../connectors/types';
import { startNetvisorSimulator, type NetvisorSimulator } from './netvisor';
import { startProcountorSimulator, type ProcountorSimulator } from './procountor';
import { startVitecSimulator, type VitecSimulator } from './vitec';

export interface SandboxScenario {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Non-secret wizard fields for this scenario's demo credential. */
  readonly fields: Readonly<Record<string, string>>;
  /** Secret wizard fields (demo values, safe to print). */
  readonly secrets: Readonly<Record<string, string>>;
  /** What the scenario is built to show, e.g. { blocked: [...] } or { withoutIntegration: [...] }. */
  readonly expect?: Readonly<Record<string, ReadonlyArray<string>>>;
  /**
   * For a key swap: the company the credential being replaced reached. The scenario's credential must reach
   * it too and does not, so a run told to expect it (RunOptions.expectedCompanies) shows the swap refused.
   */
  readonly swapFor?: { readonly id: string; readonly name: string };
}

export interface StartedSimulator {
  readonly url: string;
  /** Exopen's partner credentials this simulator knows (sandbox values). */
  readonly partner?: Readonly<Record<string, string>>;
  readonly scenarios: ReadonlyArray<SandboxScenario>;
  close(): Promise<void>;
}

export interface SimulatorHandles {
  netvisor: NetvisorSimulator;
  procountor: ProcountorSimulator;
  vitec: VitecSimulator;
}

type Starter<K extends SystemId> = (latencyMs: number) => Promise<{ handle: SimulatorHandles[K]; started: StartedSimulator }>;

const withExpect = (key: string, values: ReadonlyArray<string> | undefined) => (values ? { expect: { [key]: values } } : {});

interface SimulatorLike<S> {
  readonly url: string;
  readonly partner?: Readonly<Record<string, string>>;
  readonly scenarios: ReadonlyArray<S & { readonly id: string; readonly title: string; readonly description: string }>;
  close(): Promise<void>;
}

/** What every adapter does alike; `describe` says what a scenario's demo credential means in wizard terms. */
function adapt<S>(handle: SimulatorLike<S>, describe: (scenario: S & { title: string }) => Pick<SandboxScenario, 'fields' | 'secrets' | 'expect' | 'swapFor'>): StartedSimulator {
  return {
    url: handle.url,
    ...(handle.partner ? { partner: { ...handle.partner } } : {}),
    scenarios: handle.scenarios.map((scenario) => ({ id: scenario.id, title: scenario.title, description: scenario.description, ...describe(scenario) })),
    close: () => handle.close(),
  };
}

export const simulatorStarters: { readonly [K in SystemId]: Starter<K> } = {
  netvisor: async (latencyMs) => {
    const handle = await startNetvisorSimulator({ latencyMs });
    const started = adapt(handle, (scenario) => ({
      fields: { companyName: scenario.title, businessId: scenario.credentials.businessId, customerId: scenario.credentials.customerId },
      secrets: { customerKey: scenario.credentials.customerKey },
      ...withExpect('blocked', scenario.expectBlocked),
    }));
    return { handle, started };
  },
  procountor: async (latencyMs) => {
    const handle = await startProcountorSimulator({ latencyMs });
    const started = adapt(handle, (scenario) => ({
      fields: {},
      secrets: { apiKey: scenario.credentials.apiKey },
      ...withExpect('missing', scenario.expectMissing),
      ...(scenario.expectedCompany ? { swapFor: { ...scenario.expectedCompany } } : {}),
    }));
    return { handle, started };
  },
  vitec: async (latencyMs) => {
    const handle = await startVitecSimulator({ latencyMs });
    const started = adapt(handle, (scenario) => ({
      fields: { domain: scenario.credentials.domain, username: scenario.credentials.username, integrationId: scenario.credentials.integrationId },
      secrets: { password: scenario.credentials.password },
      ...withExpect('withoutIntegration', scenario.expectWithoutIntegration),
    }));
    return { handle, started };
  },
};
