/** Shared set-up for the Procountor tests: a connector context against a simulator, scenario inputs, English rendering. */
import type { ConnectorContext, RecordedRequest } from '../../../main/connectors/context';
import type { CheckEvent, CheckInput, CheckReport, CheckResult, MatrixRow } from '../../../main/connectors/types';
import type { ProcountorScenarioInfo, ProcountorSimulator } from '../../../main/sandbox/procountor';
import procountorLocale from '../../../resources/locales/en/procountor.json';
import { englishRenderer, lookupIn, messagesIn, type LocaleTree } from '../../support/messages';

export function contextFor(simulator: ProcountorSimulator, extra: Partial<ConnectorContext> = {}): ConnectorContext & { requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  return {
    sandboxUrls: { procountor: simulator.url },
    partnerCredentials: {
      describe: async () => 'sandbox',
      get: async () => ({ ...simulator.partner }),
    },
    recorder: { record: (request) => requests.push(request) },
    requests,
    ...extra,
  };
}

export function scenario(simulator: ProcountorSimulator, id: string): ProcountorScenarioInfo {
  const found = simulator.scenarios.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
}

export function inputFor(info: ProcountorScenarioInfo, fields: Record<string, string> = {}): CheckInput {
  return { fields: { environment: 'sandbox', ...fields }, secrets: { apiKey: info.credentials.apiKey } };
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

export const rowsOf = (report: CheckReport, checkId: string): ReadonlyArray<MatrixRow> => {
  const result = resultOf(report.results, checkId);
  return result.status === 'skipped' ? [] : (result.rows ?? []);
};

export const statuses = (report: CheckReport) => Object.fromEntries(report.results.map((result) => [result.checkId, result.status]));

export const render = englishRenderer('procountor', lookupIn(procountorLocale as LocaleTree));
export { messagesIn };

/** Every secret a run could leak: no report, message or recorded request may contain one. */
export function assertNoSecrets(value: unknown, secrets: ReadonlyArray<string>): void {
  const text = JSON.stringify(value);
  for (const secret of secrets) if (secret.length >= 8 && text.includes(secret)) throw new Error('a secret leaked into the output');
}
