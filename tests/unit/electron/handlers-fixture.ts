/** Shared by the IPC tests: a full Handlers object of spies, and a logger that records what it was told. */
import { vi, type Mock } from 'vitest';
import { contract, type Handlers, type InvokeName } from '../../../preload/contract';

/** One spy per call; each answers `{ handled: name, input }` unless a test says otherwise. */
export type HandlerSpies = { [K in InvokeName]: Mock<(input: unknown) => Promise<unknown>> };

export function spyHandlers(): HandlerSpies {
  const entries = Object.keys(contract.invoke).map((name) => [name, vi.fn(async (input: unknown) => ({ handled: name, input }))]);
  return Object.fromEntries(entries) as HandlerSpies;
}

/** The spies as the Handlers type the code under test takes (their results are deliberately untyped). */
export const asHandlers = (spies: HandlerSpies): Handlers => spies as unknown as Handlers;

export interface RecordingLog {
  readonly entries: Array<{ level: 'warn' | 'error'; message: string; fields?: Record<string, unknown> }>;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export function recordingLog(): RecordingLog {
  const entries: RecordingLog['entries'] = [];
  return {
    entries,
    warn: (message, fields) => entries.push({ level: 'warn', message, ...(fields ? { fields } : {}) }),
    error: (message, fields) => entries.push({ level: 'error', message, ...(fields ? { fields } : {}) }),
  };
}

export const APP_FRAME = { url: 'app://exopen/index.html', parent: null } as const;
