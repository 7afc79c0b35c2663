/**
 * bench/vitec: the bulk hand-off of an accounting firm's 500 Vitec companies (scenario `large`) through the
 * bulk-connect service, against the Vitec simulator with injected latency and the real sandbox backend
 * (its store on disk, one Idempotency-Key per company). Each company costs one vendor read, at most
 * `concurrency` at a time, so the lower bound is ceil(companies / concurrency) × 1 request × latency; the
 * backend's adds (one per company, serialized and saved to disk) come on top. Prints figures; asserts nothing.
 *   npx tsx bench/vitec.ts [latencyMs=20] [concurrency=4]
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedRequest } from '../main/connectors/context';
import { createVitecConnector } from '../main/connectors/vitec';
import { createExopenClient, type ExopenAttempt } from '../main/exopen';
import { startExopenSandbox } from '../main/sandbox/exopen';
import { startVitecSimulator } from '../main/connectors/vitec/sandbox';
import { bulkConnect } from '../main/services/bulk-connect';

const latencyMs = Number(process.argv[2] ?? 20);
const concurrency = Number(process.argv[3] ?? 4);

const simulator = await startVitecSimulator({ latencyMs });
const dataDir = await mkdtemp(join(tmpdir(), 'exopen-bench-vitec-'));
const backend = await startExopenSandbox({ dataDir, stepMs: 1 });
const attempts: ExopenAttempt[] = [];
const exopen = createExopenClient({ baseUrl: backend.url, token: async () => backend.token, onAttempt: (attempt) => attempts.push(attempt) });
const requests: RecordedRequest[] = [];
const connector = createVitecConnector({
  sandboxUrls: { vitec: simulator.url },
  partnerCredentials: { describe: async () => 'sandbox', get: async () => ({}) },
  recorder: { record: (request) => requests.push(request) },
});
const large = simulator.scenarios.find((scenario) => scenario.id === 'large')!;
const { domain, username, integrationId, password } = large.credentials;
const input = { fields: { domain, username, integrationId, environment: 'sandbox' }, secrets: { password } };

// The wizard's check run lists the companies (names as the user saw them); the bench measures the hand-off only.
const report = await connector.runChecks(input, { onEvent: () => undefined });
requests.length = 0;
simulator.resetStats();

const started = performance.now();
const outcome = await bulkConnect(
  {
    exopen,
    probe: (companyId, signal) => connector.probeCompany!(input, companyId, signal),
    onProgress: () => undefined,
    concurrency,
  },
  { draftId: randomUUID(), domainId: 'dom-demo', companies: report.companies, configFor: (companies) => connector.buildConfig(input, companies) },
);
const wall = performance.now() - started;
const backendRequests = attempts.length;

const companies = report.companies.length;
const perCompany = requests.length / companies;
const bound = Math.ceil(companies / concurrency) * Math.round(perCompany) * latencyMs;
const stats = simulator.stats();
const connected = (await exopen.getDataSource(outcome.dataSourceId!)).companies.length;
console.log(`Vitec bulk hand-off, scenario "large": ${companies} companies, simulator latency ${latencyMs} ms, concurrency ${concurrency}`);
console.log(`connected ${outcome.connected.length} (data source holds ${connected}), failed ${outcome.failed.length}`);
console.log(`wall time            ${wall.toFixed(0)} ms`);
console.log(`vendor requests      ${requests.length} (${perCompany.toFixed(2)} per company; simulator saw ${stats.requests}, at most ${stats.maxInFlight} in flight)`);
console.log(`backend requests     ${backendRequests} (1 create + ${backendRequests - 1} adds, one per further company)`);
console.log(`lower bound          ${bound} ms = ceil(${companies} / ${concurrency}) × ${Math.round(perCompany)} × ${latencyMs} ms`);
console.log(`ratio to the bound   ${(wall / bound).toFixed(2)}`);

await backend.close();
await simulator.close();
await rm(dataDir, { recursive: true, force: true });
