/** Shared set-up for the Procountor tests: a connector context against a simulator, scenario inputs, English rendering. */
import type { ConnectorContext } from '../../../main/connectors/context';
import type { CheckInput, CheckReport, MatrixRow } from '../../../main/connectors/types';
import type { ProcountorScenarioInfo, ProcountorSimulator } from '../../../main/connectors/procountor/sandbox';
import procountorLocale from '../../../main/connectors/procountor/locales/en.json';
import { englishRenderer, lookupIn, messagesIn, type LocaleTree } from '../../support/messages';
import { resultOf, scenarioOf, simulatorContext } from '../../support/connector';

export { collectEvents, failing, resultOf, type Failing } from '../../support/connector';

export const contextFor = (simulator: ProcountorSimulator, extra: Partial<ConnectorContext> = {}) =>
  simulatorContext('procountor', simulator.url, simulator.partner, extra);

export const scenario = (simulator: ProcountorSimulator, id: string): ProcountorScenarioInfo => scenarioOf(simulator, id);

export function inputFor(info: ProcountorScenarioInfo, fields: Record<string, string> = {}): CheckInput {
  return { fields: { environment: 'sandbox', ...fields }, secrets: { apiKey: info.credentials.apiKey } };
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
