/** Shared set-up for the Procountor tests: a connector context against a simulator, scenario inputs, English rendering. */
import type { ConnectorContext, RecordedRequest } from '../../../main/connectors/context';
import type { CheckEvent, CheckInput, CheckReport, CheckResult, MatrixRow, Msg } from '../../../main/connectors/types';
import type { ProcountorScenarioInfo, ProcountorSimulator } from '../../../main/sandbox/procountor';
import procountorLocale from '../../../resources/locales/en/procountor.json';

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

type Tree = { readonly [key: string]: string | Tree };

/** The English text of a Msg, with i18next's plural suffixes and {{param}} interpolation; throws if missing. */
export function render(message: Msg): string {
  const [namespace, path] = message.key.split(':') as [string, string];
  if (namespace !== 'procountor') throw new Error(`not a procountor key: ${message.key}`);
  const lookup = (dotted: string): string | Tree | undefined =>
    dotted.split('.').reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), procountorLocale as Tree);
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

/** Every secret a run could leak: no report, message or recorded request may contain one. */
export function assertNoSecrets(value: unknown, secrets: ReadonlyArray<string>): void {
  const text = JSON.stringify(value);
  for (const secret of secrets) if (secret.length >= 8 && text.includes(secret)) throw new Error('a secret leaked into the output');
}
