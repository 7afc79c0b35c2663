/**
 * The sandbox Exopen backend: a real HTTP server on 127.0.0.1 speaking openapi/exopen.yaml, with state on
 * disk (never a secret), company domains seeded per user, a pluggable run runner, the partner broker and
 * faults on demand for tests.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fixedTokenAuthenticator, type Authenticate } from './auth';
import { createDefaultRunner } from './default-runner';
import { createDirectory, type MembershipSeeds } from './directory';
import { createFaultPlan } from './faults';
import { createHandler } from './handlers';
import { sendProblem } from './http-io';
import { createKeyed } from './keyed';
import { createRunScheduler } from './runs';
import { openStore } from './store';
import { createSyncTrigger } from './syncs';
import type { CompanyLister, FaultControls, InitialRunRunner } from './types';
import type { ExopenSystemId } from '../../exopen/schemas';
import type { Partners, Upstreams } from './upstream-config';
import { createSecretVault } from './vault';
import { loadFingerprintKey, type FingerprintKeyStore } from './fingerprint-key';

/** The one token the sandbox accepts unless told otherwise. Not a secret: it opens only the sandbox. */
export const SANDBOX_DEV_TOKEN = 'exopen-sandbox-dev-token';

export interface ExopenSandboxOptions {
  readonly dataDir: string;
  /** 0 or absent: a free port. */
  readonly port?: number;
  readonly runner?: InitialRunRunner;
  /** The fixed development token (for the demo admin) when there is no `authenticate`. */
  readonly token?: string;
  /** Resolves a bearer token to its user (the sandbox OpenID provider's JWT verifier); replaces the fixed token. */
  readonly authenticate?: Authenticate;
  /** Domain memberships per user email; default: DEFAULT_MEMBERSHIPS (the demo admin and viewer). */
  readonly memberships?: MembershipSeeds;
  /** Exopen's partner credentials for the broker; absent → 503 `broker-not-configured`. Memory only. */
  readonly partners?: Partners;
  /** Where the broker forwards token exchanges and e-conomic calls; absent → 503 `broker-not-configured`. */
  readonly upstreams?: Upstreams;
  /** Per system: asks the vendor which companies a credential reaches; absent → the connected companies. */
  readonly listers?: Readonly<Partial<Record<ExopenSystemId, CompanyLister>>>;
  /** When set, every idle data source gets a scheduled sync this often. */
  readonly syncIntervalMs?: number;
  /** Delay per resource of the default runner. */
  readonly stepMs?: number;
  /**
   * Where the fingerprint key is kept across restarts (the keychain; fingerprint-key.ts). Absent: this
   * process's memory only, so a restarted sandbox no longer recognises credentials connected before.
   */
  readonly keyStore?: FingerprintKeyStore;
  /** Failures that happen away from any request (a background save, a damaged data file). Default: stderr. */
  readonly onError?: (error: Error) => void;
}

export interface ExopenSandbox {
  readonly url: string;
  /** The fixed development token (accepted only when no `authenticate` was given). */
  readonly token: string;
  readonly faults: FaultControls;
  /** Starts a scheduled sync of a data source now; resolves with the sync's id. */
  triggerSync(dataSourceId: string): Promise<string>;
  close(): Promise<void>;
}

const toError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

function listen(server: Server, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

export async function startExopenSandbox(options: ExopenSandboxOptions): Promise<ExopenSandbox> {
  const onError = options.onError ?? ((error: Error) => process.stderr.write(`exopen sandbox: ${error.message}\n`));
  const token = options.token ?? SANDBOX_DEV_TOKEN;
  const store = openStore(options.dataDir, onError, { fingerprintKey: await loadFingerprintKey(options.keyStore, onError) });
  const runs = createRunScheduler({ store, runner: options.runner ?? createDefaultRunner({ stepMs: options.stepMs }), onError });
  runs.failInterrupted();
  const faults = createFaultPlan();
  const vault = createSecretVault();
  const keyed = createKeyed({ store, faults });
  const parts = {
    store,
    directory: createDirectory(store, options.memberships),
    keyed,
    runs,
    vault,
    faults,
    partners: { ...options.partners },
    upstreams: { ...options.upstreams },
    listers: { ...options.listers },
  };
  const handle = createHandler(parts, options.authenticate ?? fixedTokenAuthenticator(token));
  const syncs = createSyncTrigger({ store, runs, vault, keyed });
  const stopSchedule = options.syncIntervalMs === undefined ? undefined : syncs.every(options.syncIntervalMs, onError);

  // Requests still being handled; close() waits for them so nothing writes after it returns.
  const handling = new Set<Promise<void>>();
  const server = createServer((request, response) => {
    const done = handle(request, response)
      .catch((error: unknown) => {
        onError(toError(error));
        if (!response.headersSent) sendProblem(response, { status: 500, code: 'internal', detail: 'The sandbox backend failed; retry.' });
        else response.destroy();
      })
      .finally(() => handling.delete(done));
    handling.add(done);
  });
  const address = await listen(server, options.port ?? 0);

  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    stopSchedule?.();
    runs.stop();
    await new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
    await Promise.all([...handling]);
    await store.idle();
  };

  return {
    url: `http://127.0.0.1:${address.port}`,
    token,
    faults,
    triggerSync: (dataSourceId) => syncs.trigger(dataSourceId),
    /** Idempotent: a second call waits for the first. */
    close: () => (closing ??= close()),
  };
}
