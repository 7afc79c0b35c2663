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

export const simulatorStarters: { readonly [K in SystemId]: Starter<K> } = {
  netvisor: async (latencyMs) => {
    const handle = await startNetvisorSimulator({ latencyMs });
    return {
      handle,
      started: {
        url: handle.url,
        partner: { ...handle.partner },
        scenarios: handle.scenarios.map((scenario) => ({
          id: scenario.id,
          title: scenario.title,
          description: scenario.description,
          fields: { companyName: scenario.title, businessId: scenario.credentials.businessId, customerId: scenario.credentials.customerId },
          secrets: { customerKey: scenario.credentials.customerKey },
          ...withExpect('blocked', scenario.expectBlocked),
        })),
        close: () => handle.close(),
      },
    };
  },
  procountor: async (latencyMs) => {
    const handle = await startProcountorSimulator({ latencyMs });
    return {
      handle,
      started: {
        url: handle.url,
        partner: { ...handle.partner },
        scenarios: handle.scenarios.map((scenario) => ({
          id: scenario.id,
          title: scenario.title,
          description: scenario.description,
          fields: {},
          secrets: { apiKey: scenario.credentials.apiKey },
          ...withExpect('missing', scenario.expectMissing),
        })),
        close: () => handle.close(),
      },
    };
  },
  vitec: async (latencyMs) => {
    const handle = await startVitecSimulator({ latencyMs });
    return {
      handle,
      started: {
        url: handle.url,
        scenarios: handle.scenarios.map((scenario) => ({
          id: scenario.id,
          title: scenario.title,
          description: scenario.description,
          fields: { domain: scenario.credentials.domain, username: scenario.credentials.username, integrationId: scenario.credentials.integrationId },
          secrets: { password: scenario.credentials.password },
          ...withExpect('withoutIntegration', scenario.expectWithoutIntegration),
        })),
        close: () => handle.close(),
      },
    };
  },
};
