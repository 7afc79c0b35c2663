/**
 * bench/netvisor: the full Netvisor check suite against the simulator with injected latency. Netvisor
 * allows one request at a time per customer, so the lower bound is request count × latency; the ratio
 * shows how much our own overhead adds. Prints figures; asserts nothing.
 *   npx tsx bench/netvisor.ts [latencyMs=50] [runs=5]
 */
import { createConnectors } from '../main/connectors/registry';
import type { RecordedRequest } from '../main/connectors/context';
import { fixedPartnerCredentials } from '../main/services/partners';
import { startNetvisorSimulator } from '../main/connectors/netvisor/sandbox';

const latencyMs = Number(process.argv[2] ?? 50);
const runs = Number(process.argv[3] ?? 5);

const simulator = await startNetvisorSimulator({ latencyMs });
const healthy = simulator.scenarios.find((scenario) => scenario.id === 'healthy')!;
const requests: RecordedRequest[] = [];
const connector = createConnectors({
  sandboxUrls: { netvisor: simulator.url },
  partnerCredentials: fixedPartnerCredentials({ netvisor: { ...simulator.partner } }),
  recorder: { record: (request) => requests.push(request) },
}).netvisor;

const input = {
  fields: { companyName: 'Bench Oy', businessId: healthy.credentials.businessId, customerId: healthy.credentials.customerId, environment: 'sandbox' },
  secrets: { customerKey: healthy.credentials.customerKey },
};

console.log(`Netvisor check suite, simulator latency ${latencyMs} ms, ${runs} runs`);
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
    `${String(run).padStart(3)}  ${wall.toFixed(0).padStart(8)}  ${String(requests.length).padStart(8)}  ${String(bound).padStart(15)}  ${(wall / bound).toFixed(2).padStart(5)}  ${report.overall}`,
  );
}
walls.sort((a, b) => a - b);
console.log(`median wall ${walls[Math.floor(walls.length / 2)]!.toFixed(0)} ms`);
await simulator.close();
