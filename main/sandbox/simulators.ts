/**
 * What every vendor simulator offers the sandbox, in system-neutral terms: its URL, Exopen's partner
 * credentials it knows, its named scenarios in wizard terms, and what the sandbox Exopen backend needs of it
 * (a broker upstream, an initial-run runner, a company lister). Each system's own adapter lives in its
 * folder (`connectors/<id>/sandbox/adapter.ts`) and is loaded through the registry only when the sandbox
 * starts.
 */
import type { InitialRunRunner, CompanyLister } from './exopen/types';
import type { OAuthUpstream, Partners } from './exopen/upstream-config';

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

/** What the sandbox Exopen backend needs from one simulator, given where the simulators run. */
export interface BackendHooks {
  /** Exopen's partner key the backend's broker signs with (Netvisor). */
  readonly partners?: Partners;
  /** A vendor token endpoint the backend's broker exchanges at (Procountor). */
  readonly upstream?: OAuthUpstream;
  /** Pulls a new data source's initial data for real from the simulator. */
  readonly runner?: InitialRunRunner;
  /** Lists every company a data source's credential reaches. */
  readonly lister?: CompanyLister;
}

export interface StartedSimulator<Handle = unknown> {
  /** The simulator's own controls (scenario state, faults), for tests and the demo. */
  readonly handle: Handle;
  readonly url: string;
  /** Exopen's partner credentials this simulator knows (sandbox values). */
  readonly partner?: Readonly<Record<string, string>>;
  readonly scenarios: ReadonlyArray<SandboxScenario>;
  /**
   * How `sandbox --json` tells a support agent to test a scenario from another shell: against the running
   * simulator with `--base-url` (systems with a base URL field), or in-process with `--scenario`.
   */
  readonly command: 'base-url' | 'scenario';
  /** What the sandbox backend needs of this simulator; `urls` are every simulator's base URL. */
  backend?(urls: Readonly<Record<string, string>>): BackendHooks;
  close(): Promise<void>;
}

export interface SimulatorAdapter<Handle = unknown> {
  start(options: { readonly latencyMs: number }): Promise<StartedSimulator<Handle>>;
}

interface SimulatorLike<S> {
  readonly url: string;
  readonly partner?: Readonly<Record<string, string>>;
  readonly scenarios: ReadonlyArray<S & { readonly id: string; readonly title: string; readonly description: string }>;
  close(): Promise<void>;
}

export const withExpect = (key: string, values: ReadonlyArray<string> | undefined) => (values ? { expect: { [key]: values } } : {});

/**
 * What every adapter does alike; `describe` says what a scenario's demo credential means in wizard terms.
 * `extra` adds the command style and the backend hooks.
 */
export function adapt<H extends SimulatorLike<S>, S>(
  handle: H & SimulatorLike<S>,
  describe: (scenario: S & { title: string }) => Pick<SandboxScenario, 'fields' | 'secrets' | 'expect' | 'swapFor'>,
  extra: Pick<StartedSimulator<H>, 'command' | 'backend'>,
): StartedSimulator<H> {
  return {
    handle,
    url: handle.url,
    ...(handle.partner ? { partner: { ...handle.partner } } : {}),
    scenarios: handle.scenarios.map((scenario) => ({ id: scenario.id, title: scenario.title, description: scenario.description, ...describe(scenario) })),
    ...extra,
    close: () => handle.close(),
  };
}
