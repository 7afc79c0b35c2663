/** Shared set-up for the Netvisor tests: a simulator, a connector context and scenario inputs. */
import type { ConnectorContext, RecordedRequest } from '../../../main/connectors/context';
import type { CheckEvent, CheckInput, CheckResult, Msg } from '../../../main/connectors/types';
import type { NetvisorScenarioInfo, NetvisorSimulator } from '../../../main/sandbox/netvisor';
import netvisorLocale from '../../../resources/locales/en/netvisor.json';

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

type Tree = { readonly [key: string]: string | Tree };

/** The English text of a Msg, with i18next's plural suffixes and {{param}} interpolation; throws if missing. */
export function render(message: Msg): string {
  const [namespace, path] = message.key.split(':') as [string, string];
  if (namespace !== 'netvisor') throw new Error(`not a netvisor key: ${message.key}`);
  const lookup = (dotted: string): string | Tree | undefined =>
    dotted.split('.').reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), netvisorLocale as Tree);
  const count = message.params?.['count'];
  const plural = typeof count === 'number' ? lookup(`${path}_${count === 1 ? 'one' : 'other'}`) : undefined;
  const template = plural ?? lookup(path);
  if (typeof template !== 'string') throw new Error(`missing English text for ${message.key}`);
  return template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
    const value = message.params?.[name];
    if (value === undefined) throw new Error(`${message.key} needs {{${name}}}`);
    return String(value);
  });
}

/** Every Msg inside a value (results, rows, descriptors), for the "all keys exist" assertions. */
export function messagesIn(value: unknown): Msg[] {
  if (Array.isArray(value)) return value.flatMap(messagesIn);
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  if (typeof record['key'] === 'string' && Object.keys(record).every((key) => key === 'key' || key === 'params')) return [record as unknown as Msg];
  return Object.values(record).flatMap(messagesIn);
}
