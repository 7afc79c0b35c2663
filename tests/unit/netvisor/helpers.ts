/** Shared set-up for the Netvisor tests: a simulator, a connector context and scenario inputs. */
import type { ConnectorContext, RecordedRequest } from '../../../main/connectors/context';
import type { CheckEvent, CheckInput, CheckResult } from '../../../main/connectors/types';
import type { NetvisorScenarioInfo, NetvisorSimulator } from '../../../main/sandbox/netvisor';
import netvisorLocale from '../../../resources/locales/en/netvisor.json';
import { englishRenderer, lookupIn, messagesIn, type LocaleTree } from '../../support/messages';

export function contextFor(simulator: NetvisorSimulator, extra: Partial<ConnectorContext> = {}): ConnectorContext & { requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  return {
    sandboxUrls: { netvisor: simulator.url },
    partnerCredentials: {
      describe: async () => 'sandbox',
      get: async () => ({ ...simulator.partner }),
    },
    recorder: { record: (request) => requests.push(request) },
    requests,
    ...extra,
  };
}

export function scenario(simulator: NetvisorSimulator, id: string): NetvisorScenarioInfo {
  const found = simulator.scenarios.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
}

export function inputFor(info: NetvisorScenarioInfo, fields: Record<string, string> = {}): CheckInput {
  return {
    fields: { companyName: info.title, businessId: info.credentials.businessId, customerId: info.credentials.customerId, ...fields },
    secrets: { customerKey: info.credentials.customerKey },
  };
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

export const render = englishRenderer('netvisor', lookupIn(netvisorLocale as LocaleTree));
export { messagesIn };
