/** Shared set-up for the Vitec tests: a connector context for a simulator, scenario inputs, English rendering. */
import type { ConnectorContext, RecordedRequest } from '../../../main/connectors/context';
import type { CheckEvent, CheckInput, CheckReport, CheckResult, MatrixRow, Msg } from '../../../main/connectors/types';
import type { VitecScenarioInfo, VitecSimulator } from '../../../main/sandbox/vitec';
import vitecLocale from '../../../resources/locales/en/vitec.json';

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

type Tree = { readonly [key: string]: string | Tree };

function lookup(dotted: string): string | Tree | undefined {
  return dotted.split('.').reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), vitecLocale as Tree);
}

/** True when the key (or its plural forms) exists in vitec.json. */
export const keyExists = (key: string): boolean => {
  const path = key.replace(/^vitec:/, '');
  return typeof lookup(path) === 'string' || typeof lookup(`${path}_other`) === 'string';
};

/** True when the key names a message or a group of messages (the base of a meaning/fix pair). */
export const keyOrBranchExists = (key: string): boolean => lookup(key.replace(/^vitec:/, '')) !== undefined;

/** The English text of a Msg with i18next's plural suffixes and {{param}} interpolation; throws if missing. */
export function render(message: Msg): string {
  const [namespace, path] = message.key.split(':') as [string, string];
  if (namespace !== 'vitec') throw new Error(`not a vitec key: ${message.key}`);
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
