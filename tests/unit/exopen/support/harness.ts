/**
 * One real sandbox backend, a recording proxy in front of it, and the real client pointed at the proxy.
 * `contractViolations()` holds every recorded exchange to openapi/exopen.yaml.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DataSourceConfig } from '../../../../main/connectors/types';
import { createExopenClient, type ExopenAttempt, type ExopenClient, type ExopenClientOptions } from '../../../../main/exopen';
import {
  startExopenSandbox,
  type Authenticate,
  type ExopenSandbox,
  type ExopenSandboxOptions,
  type FingerprintKeyStore,
  type SandboxUser,
} from '../../../../main/sandbox/exopen';
import { loadOpenApiContract, type OpenApiContract } from './openapi';
import { startContractProxy, type ContractProxy, type RecordedExchange } from './proxy';

/** Planted in every config; no file the sandbox writes and no answer it gives may contain it. */
export const CANARY = 'canary-7f3a9c1e-Do-Not-Leak-0b5d';

/** The demo admin's domain (seeded by default) and the one where the admin is only a member. */
export const DOMAIN = 'dom-demo';
export const MEMBER_DOMAIN = 'dom-nordic';

/** Bearer tokens of the test's `authenticate` port: a real sandbox would verify a JWT of its OpenID provider. */
export const USERS = {
  'token-admin-0001': { sub: 'user-admin', email: 'admin@demo.exopen.test', name: 'Demo Admin' },
  'token-viewer-001': { sub: 'user-viewer', email: 'viewer@demo.exopen.test', name: 'Demo Viewer' },
  'token-outsider-1': { sub: 'user-outsider', email: 'outsider@elsewhere.test', name: 'Outsider' },
} as const satisfies Record<string, SandboxUser>;
export type TestToken = keyof typeof USERS;

export const authenticateFromTable: Authenticate = async (token) => (Object.hasOwn(USERS, token) ? USERS[token as TestToken] : null);

export function sampleConfig(overrides: Partial<DataSourceConfig> = {}): DataSourceConfig {
  return {
    system: 'netvisor',
    displayName: 'Acme Oy (Netvisor)',
    settings: { customerId: 'ACME-123', businessId: '1234567-8', environment: 'production' },
    secrets: { customerKey: CANARY },
    companies: [
      { id: '1234567-8', name: 'Acme Oy' },
      { id: '2345678-9', name: 'Acme Services Oy' },
    ],
    ...overrides,
  };
}

let contract: OpenApiContract | undefined;
export const openApi = (): OpenApiContract => (contract ??= loadOpenApiContract());

/**
 * Problem codes that say "your request is invalid" by the document's schemas; 401 is about the token and is
 * judged on its own. Refusals on the state of things (a reused key, another system, a vendor's no) are not.
 */
const refusals = /"code":"(validation-failed|malformed-body|unsupported-media-type|payload-too-large)"/;

/**
 * Every answer must be one the document allows. A request the document does not allow must have been
 * refused (400/413/415/422, or 401 for a missing token); a request it allows must never be refused as invalid.
 */
export function contractViolations(exchanges: ReadonlyArray<RecordedExchange>): string[] {
  const problems: string[] = [];
  for (const exchange of exchanges) {
    const where = `${exchange.method} ${exchange.url}`;
    const requestProblems = openApi().checkRequest(exchange);
    if (exchange.dropped) {
      problems.push(...requestProblems.map((p) => `${where} request: ${p}`));
      continue;
    }
    problems.push(...openApi().checkResponse(exchange).map((p) => `${where} response: ${p}`));
    const refusedAsInvalid = (exchange.status ?? 0) >= 400 && refusals.test(exchange.responseBody ?? '');
    if (requestProblems.length > 0 && !refusedAsInvalid && exchange.status !== 401)
      problems.push(`${where}: the document forbids the request (${requestProblems.join('; ')}) but the sandbox answered ${exchange.status}`);
    if (requestProblems.length === 0 && refusedAsInvalid)
      problems.push(`${where}: the document allows the request but the sandbox refused it with ${exchange.status}`);
  }
  return problems;
}

/** A stand-in for the keychain that keeps the sandbox's fingerprint key across restarts. */
export function memoryKeyStore(): FingerprintKeyStore & { readonly values: Map<string, string> } {
  const values = new Map<string, string>();
  return { values, get: async (account) => values.get(account), set: async (account, value) => void values.set(account, value) };
}

export interface Harness {
  readonly dataDir: string;
  /** Where the sandbox keeps its fingerprint key (the keychain), shared by every restart unless a restart passes its own. */
  readonly keyStore: ReturnType<typeof memoryKeyStore>;
  sandbox: ExopenSandbox;
  readonly proxy: ContractProxy;
  readonly client: ExopenClient;
  readonly attempts: ExopenAttempt[];
  clientWith(options: Partial<ExopenClientOptions>): ExopenClient;
  /** A client that signs in with one of USERS' tokens (for a sandbox started with authenticateFromTable). */
  clientAs(token: TestToken): ExopenClient;
  /** Closes the sandbox and starts a new one on the same data directory. */
  restart(options?: Partial<ExopenSandboxOptions>): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(options: Partial<ExopenSandboxOptions> = {}): Promise<Harness> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'exopen-sandbox-test-'));
  const keyStore = memoryKeyStore();
  const sandboxOptions = { stepMs: 1, keyStore, ...options, dataDir };
  const sandbox = await startExopenSandbox(sandboxOptions);
  const proxy = await startContractProxy(sandbox.url);
  const attempts: ExopenAttempt[] = [];
  const clientWith = (extra: Partial<ExopenClientOptions>): ExopenClient =>
    createExopenClient({
      baseUrl: proxy.url,
      token: async () => harness.sandbox.token,
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
      timeoutMs: 5_000,
      onAttempt: (attempt) => attempts.push(attempt),
      ...extra,
    });
  const harness: Harness = {
    dataDir,
    keyStore,
    sandbox,
    proxy,
    attempts,
    client: clientWith({}),
    clientWith,
    clientAs: (token) => clientWith({ token: async () => token }),
    async restart(more = {}) {
      await harness.sandbox.close();
      harness.sandbox = await startExopenSandbox({ ...sandboxOptions, ...more });
      proxy.retarget(harness.sandbox.url);
    },
    async close() {
      await harness.sandbox.close();
      await proxy.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Every file under `dir` whose bytes contain `needle` in a common encoding (raw, base64, hex, URL). */
export async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const forms = [needle, Buffer.from(needle).toString('base64'), Buffer.from(needle).toString('hex'), encodeURIComponent(needle)];
  const hits: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
      // A temp file renamed onto its target between listing and reading: its bytes are in the target.
      if (error.code === 'ENOENT') return Buffer.alloc(0);
      throw error;
    });
    if (forms.some((form) => bytes.includes(form))) hits.push(file);
  }
  return hits;
}

/** Polls `read` until `done` holds; gives up after `attempts` polls (no timing is asserted). */
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, attempts = 2_000): Promise<T> {
  for (let n = 0; n < attempts; n++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error('condition not reached');
}
