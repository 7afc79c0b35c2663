/** Shared set-up for the Vitec tests: a connector context for a simulator, scenario inputs, English rendering. */
import type { ConnectorContext } from '../../../main/connectors/context';
import type { CheckInput, CheckReport, MatrixRow } from '../../../main/connectors/types';
import type { VitecScenarioInfo, VitecSimulator } from '../../../main/connectors/vitec/sandbox';
import vitecLocale from '../../../main/connectors/vitec/locales/en.json';
import { englishRenderer, lookupIn, messagesIn, type LocaleTree } from '../../support/messages';
import { resultOf, scenarioOf, simulatorContext } from '../../support/connector';

export { collectEvents, failing, resultOf, type Failing } from '../../support/connector';

export const contextFor = (sandboxUrl: string | undefined, extra: Partial<ConnectorContext> = {}) => simulatorContext('vitec', sandboxUrl, undefined, extra);

export const scenario = (simulator: VitecSimulator, id: string): VitecScenarioInfo => scenarioOf(simulator, id);

export function inputFor(info: VitecScenarioInfo, fields: Record<string, string> = {}, secrets: Record<string, string> = {}): CheckInput {
  const { domain, username, integrationId, password } = info.credentials;
  return { fields: { domain, username, integrationId, ...fields }, secrets: { password, ...secrets } };
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
