/** Shared set-up for the Netvisor tests: a simulator, a connector context and scenario inputs. */
import type { ConnectorContext } from '../../../main/connectors/context';
import type { CheckInput } from '../../../main/connectors/types';
import type { NetvisorScenarioInfo, NetvisorSimulator } from '../../../main/connectors/netvisor/sandbox';
import netvisorLocale from '../../../main/connectors/netvisor/locales/en.json';
import { englishRenderer, lookupIn, messagesIn, type LocaleTree } from '../../support/messages';
import { scenarioOf, simulatorContext } from '../../support/connector';

export { collectEvents, failing, resultOf, type Failing } from '../../support/connector';

export const contextFor = (simulator: NetvisorSimulator, extra: Partial<ConnectorContext> = {}) =>
  simulatorContext('netvisor', simulator.url, simulator.partner, extra);

export const scenario = (simulator: NetvisorSimulator, id: string): NetvisorScenarioInfo => scenarioOf(simulator, id);

export function inputFor(info: NetvisorScenarioInfo, fields: Record<string, string> = {}): CheckInput {
  return {
    fields: { companyName: info.title, businessId: info.credentials.businessId, customerId: info.credentials.customerId, ...fields },
    secrets: { customerKey: info.credentials.customerKey },
  };
}



export const render = englishRenderer('netvisor', lookupIn(netvisorLocale as LocaleTree));
export { messagesIn };
