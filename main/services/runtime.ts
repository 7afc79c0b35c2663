/**
 * Composition root shared by the three hosts (Electron, web, CLI): builds the ports, the connectors and the
 * handlers of the contract. Hosts only translate transport.
 */
import type { Handlers } from '../../preload/contract';
import type { EventHub } from './events';

export interface RuntimeOptions {
  readonly host: 'electron' | 'web';
  /** Where settings, drafts and logs live (Electron: app.getPath('userData')). */
  readonly dataDir: string;
  /** Opens an allowlisted https URL in the system browser (Electron: shell.openExternal). */
  readonly openExternal: (url: string) => Promise<void>;
  /** Start the local simulators and sandbox backend (default when no backend URL is configured). */
  readonly sandbox?: boolean;
}

export interface Runtime {
  readonly handlers: Handlers;
  readonly events: EventHub;
  close(): Promise<void>;
}

export declare function createRuntime(options: RuntimeOptions): Promise<Runtime>;
