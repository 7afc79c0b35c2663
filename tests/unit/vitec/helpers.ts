/** Shared set-up for the Vitec tests: a connector context for a simulator, scenario inputs, English rendering. */
import type { ConnectorContext, RecordedRequest } from '../../../main/connectors/context';
import type { CheckEvent, CheckInput, CheckReport, CheckResult, MatrixRow } from '../../../main/connectors/types';
import type { VitecScenarioInfo, VitecSimulator } from '../../../main/sandbox/vitec';
import vitecLocale from '../../../resources/locales/en/vitec.json';
import { englishRenderer, lookupIn, messagesIn, type LocaleTree } from '../../support/messages';

const noPartner: ConnectorContext['partnerCredentials'] = { describe: async () => 'none', get: async () => undefined };

export function contextFor(sandboxUrl: string | undefined, extra: Partial<ConnectorContext> = {}): ConnectorContext & { requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  return {
    ...(sandboxUrl ? { sandboxUrls: { vitec: sandboxUrl } } : {}),
    partnerCredentials: noPartner,
    recorder: { record: (request) => requests.push(request) },
    requests,
    ...extra,
  };
}

export function scenario(simulator: VitecSimulator, id: string): VitecScenarioInfo {
  const found = simulator.scenarios.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
}

export function inputFor(info: VitecScenarioInfo, fields: Record<string, string> = {}, secrets: Record<string, string> = {}): CheckInput {
  const { domain, username, integrationId, password } = info.credentials;
  return { fields: { domain, username, integrationId, ...fields }, secrets: { password, ...secrets } };
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

export const rowsOf = (report: CheckReport): ReadonlyArray<MatrixRow> => {
  const result = resultOf(report.results, 'integration');
  return result.status === 'skipped' ? [] : (result.rows ?? []);
};

export const statuses = (report: CheckReport): Record<string, string> => Object.fromEntries(report.results.map((result) => [result.checkId, result.status]));

const lookup = lookupIn(vitecLocale as LocaleTree);

/** True when the key (or its plural forms) exists in vitec.json. */
export const keyExists = (key: string): boolean => {
  const path = key.replace(/^vitec:/, '');
  return typeof lookup(path) === 'string' || typeof lookup(`${path}_other`) === 'string';
};

/** True when the key names a message or a group of messages (the base of a meaning/fix pair). */
export const keyOrBranchExists = (key: string): boolean => lookup(key.replace(/^vitec:/, '')) !== undefined;

export const render = englishRenderer('vitec', lookup);
export { messagesIn };
