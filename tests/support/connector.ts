/**
 * What every connector's tests set up alike: a context against a simulator that records the requests,
 * the scenario by id, the events of a run, and the result / failing result of one check.
 */
import type { ConnectorContext, RecordedRequest } from '../../main/connectors/context';
import type { CheckEvent, CheckReport, CheckResult, SystemId } from '../../main/connectors/types';

const noPartner: ConnectorContext['partnerCredentials'] = { describe: async () => 'none', get: async () => undefined };

/** A context for `system` against `sandboxUrl` (if any), with the simulator's partner credentials (if any). */
export function simulatorContext(
  system: SystemId,
  sandboxUrl: string | undefined,
  partner: Readonly<Record<string, string>> | undefined,
  extra: Partial<ConnectorContext> = {},
): ConnectorContext & { requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  return {
    ...(sandboxUrl ? { sandboxUrls: { [system]: sandboxUrl } } : {}),
    partnerCredentials: partner ? { describe: async () => 'sandbox', get: async () => ({ ...partner }) } : noPartner,
    recorder: { record: (request) => requests.push(request) },
    requests,
    ...extra,
  };
}

export function scenarioOf<S extends { readonly id: string }>(simulator: { readonly scenarios: ReadonlyArray<S> }, id: string): S {
  const found = simulator.scenarios.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
}

export function collectEvents(): { events: CheckEvent[]; onEvent: (event: CheckEvent) => void } {
  const events: CheckEvent[] = [];
  return { events, onEvent: (event) => events.push(event) };
}

export const resultOf = (results: ReadonlyArray<CheckResult>, checkId: string): CheckResult => {
  const result = results.find((candidate) => candidate.checkId === checkId);
  if (!result) throw new Error(`no result for ${checkId}`);
  return result;
};

export type Failing = Extract<CheckResult, { status: 'failed' | 'warning' }>;

export function failing(report: CheckReport, checkId: string): Failing {
  const result = resultOf(report.results, checkId);
  if (result.status !== 'failed' && result.status !== 'warning') throw new Error(`${checkId} is ${result.status}`);
  return result;
}
