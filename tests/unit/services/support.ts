/**
 * The real runtime over an in-process sandbox, in a fresh data directory, driven through the same
 * `dispatchCall` path every host's bridge uses (contract validation + envelope). Nothing of ours is mocked;
 * `openExternal` is the one port a host supplies, so the harness records what it was asked to open.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BridgeError, Envelope, InvokeInput, InvokeName, InvokeOutput } from '../../../preload/contract';
import { startSandbox, type Sandbox, type SandboxScenario } from '../../../main/sandbox';
import { dispatchCall } from '../../../main/services/dispatch';
import { createRuntime, type Runtime, type RuntimeOptions } from '../../../main/services/runtime';
import { createLogger } from '../../../main/platform/log';
import { filesWhere } from '../../support/files';
import { browserSignIn } from '../../support/sign-in';

export interface Harness {
  readonly dataDir: string;
  readonly sandbox: Sandbox;
  readonly runtime: Runtime;
  /** URLs handed to openExternal, in order. */
  readonly opened: string[];
  /** Every envelope any call answered, for "never echoes the secret" assertions. */
  readonly answers: Array<Envelope<unknown>>;
  call<K extends InvokeName>(name: K, input: InvokeInput<K>): Promise<Envelope<InvokeOutput<K>>>;
  ok<K extends InvokeName>(name: K, input: InvokeInput<K>): Promise<InvokeOutput<K>>;
  fail<K extends InvokeName>(name: K, input: InvokeInput<K>): Promise<BridgeError>;
  /** Closes the runtime only (the sandbox and data dir stay, for a restart). */
  closeRuntime(): Promise<void>;
  stop(): Promise<void>;
}

export const tempDir = (prefix = 'exopen-services-'): Promise<string> => mkdtemp(join(tmpdir(), prefix));

/** A recognisable random secret, long enough to be registered for redaction. */
export const canary = (label = 'canary'): string => `${label}-${randomBytes(16).toString('hex')}`;

export async function startRuntime(
  options: { dataDir?: string; sandbox?: Sandbox; signedIn?: boolean; printToPdf?: RuntimeOptions['printToPdf'] } = {},
): Promise<Harness> {
  const dataDir = options.dataDir ?? (await tempDir());
  const ownSandbox = options.sandbox ? undefined : await startSandbox({ dataDir });
  const sandbox = options.sandbox ?? ownSandbox!;
  const opened: string[] = [];
  const runtime = await createRuntime({
    host: 'web',
    dataDir,
    openExternal: async (url) => void opened.push(url),
    openSignIn: browserSignIn(),
    sandbox,
    ...(options.printToPdf ? { printToPdf: options.printToPdf } : {}),
  });
  // Signed in as the sandbox's demo admin unless a test wants to see the signed-out side: the broker
  // (which signs Netvisor requests) and the backend need an Exopen session.
  if (options.signedIn !== false) await runtime.handlers['auth.signIn']({});
  const log = createLogger('test');
  const answers: Array<Envelope<unknown>> = [];

  async function call<K extends InvokeName>(name: K, input: InvokeInput<K>): Promise<Envelope<InvokeOutput<K>>> {
    const envelope = await dispatchCall(runtime.handlers, name, input, log);
    answers.push(envelope);
    return envelope as Envelope<InvokeOutput<K>>;
  }

  return {
    dataDir,
    sandbox,
    runtime,
    opened,
    answers,
    call,
    async ok(name, input) {
      const envelope = await call(name, input);
      if (!envelope.ok) throw new Error(`${name} answered ${envelope.error.code}: ${envelope.error.message}`);
      return envelope.value;
    },
    async fail(name, input) {
      const envelope = await call(name, input);
      if (envelope.ok) throw new Error(`${name} unexpectedly succeeded`);
      return envelope.error;
    },
    closeRuntime: () => runtime.close(),
    async stop() {
      await runtime.close();
      await ownSandbox?.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function scenario(sandbox: Sandbox, id: string): SandboxScenario {
  const found = sandbox.scenarios.netvisor?.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no netvisor scenario ${id}`);
  return found;
}

/** Starts a Netvisor draft with the scenario's fields (environment: sandbox) and stores its secret. */
export async function fillScenario(h: Harness, id: string, overrides: { customerKey?: string } = {}) {
  const chosen = scenario(h.sandbox, id);
  const draft = await h.ok('drafts.start', { system: 'netvisor' });
  await h.ok('secrets.put', { draftId: draft.id, field: 'customerKey', value: overrides.customerKey ?? chosen.secrets.customerKey! });
  const saved = await h.ok('drafts.save', {
    id: draft.id,
    step: 'credentials',
    fields: { ...chosen.fields, environment: 'sandbox' },
    selectedCompanies: [],
  });
  return { draft: saved.draft, errors: saved.errors, scenario: chosen };
}

/** Files under `dir` whose bytes contain the secret verbatim or in a common encoding. */
export async function filesContaining(dir: string, secret: string): Promise<string[]> {
  const bytes = Buffer.from(secret, 'utf8');
  const needles = [secret, encodeURIComponent(secret), bytes.toString('base64').replace(/=+$/, ''), bytes.toString('base64url'), bytes.toString('hex')].map(
    (needle) => Buffer.from(needle),
  );
  return filesWhere(dir, (body) => needles.some((needle) => body.includes(needle)));
}
