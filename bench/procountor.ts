/**
 * bench/procountor: the full Procountor check suite against the simulator with injected latency, run
 * back to back. The requests of one run go one after another, so the lower bound of a run is request
 * count × latency — until consecutive runs hit the 20 requests/s per API client that every run in the
 * process shares; the simulator's busiest second shows the limit held. Prints figures; asserts nothing.
 *   npx tsx bench/procountor.ts [latencyMs=50] [runs=5]
 */
import type { RecordedRequest } from '../main/connectors/context';
import { createProcountorConnector } from '../main/connectors/procountor';
import { startProcountorSimulator } from '../main/connectors/procountor/sandbox';

const latencyMs = Number(process.argv[2] ?? 50);
const runs = Number(process.argv[3] ?? 5);

const simulator = await startProcountorSimulator({ latencyMs });
const healthy = simulator.scenarios.find((scenario) => scenario.id === 'healthy')!;
const requests: RecordedRequest[] = [];
const connector = createProcountorConnector({
  sandboxUrls: { procountor: simulator.url },
  partnerCredentials: { describe: async () => 'sandbox', get: async () => ({ ...simulator.partner }) },
  recorder: { record: (request) => requests.push(request) },
});
const input = { fields: { environment: 'sandbox' }, secrets: { apiKey: healthy.credentials.apiKey } };

console.log(`Procountor check suite, simulator latency ${latencyMs} ms, ${runs} runs`);
console.log('run  wall(ms)  requests  lower-bound(ms)  ratio  overall');
const walls: number[] = [];
for (let run = 1; run <= runs; run++) {
  requests.length = 0;
  const started = performance.now();
  const report = await connector.runChecks(input, { onEvent: () => undefined });
  const wall = performance.now() - started;
  walls.push(wall);
  const bound = requests.length * latencyMs;
  console.log(
    `${String(run).padStart(3)}  ${wall.toFixed(0).padStart(8)}  ${String(requests.length).padStart(8)}  ${String(bound).padStart(15)}  ${(wall / Math.max(bound, 1)).toFixed(2).padStart(5)}  ${report.overall}`,
  );
}
walls.sort((a, b) => a - b);
const stats = simulator.stats();
console.log(`median wall ${walls[Math.floor(walls.length / 2)]!.toFixed(0)} ms; simulator saw ${stats.requests} requests, ${stats.throttled} throttled, busiest second ${stats.maxPerSecond}`);
await simulator.close();
