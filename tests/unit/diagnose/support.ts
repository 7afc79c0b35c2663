/**
 * Shared set-up for the Diagnose tests: the three vendor simulators started directly (no Exopen backend is
 * needed), a connector context per system, scenario inputs, and a port where nothing listens.
 */
import { createServer } from 'node:net';
import type { ConnectorContext } from '../../../main/connectors/context';
import type { CheckInput, SystemId } from '../../../main/connectors/types';
import { runDiagnosis, targetFor, type DiagnoseOptions, type DiagnoseRun } from '../../../main/diagnose';
import { startNetvisorSimulator, type NetvisorSimulator } from '../../../main/connectors/netvisor/sandbox';
import { startProcountorSimulator, type ProcountorSimulator } from '../../../main/connectors/procountor/sandbox';
import { startVitecSimulator, type VitecSimulator } from '../../../main/connectors/vitec/sandbox';

export interface Simulators {
  readonly netvisor: NetvisorSimulator;
  readonly procountor: ProcountorSimulator;
  readonly vitec: VitecSimulator;
  close(): Promise<void>;
}

/** The systems these helpers simulate (not every listed system: they start these three themselves). */
export type SimulatedSystem = Exclude<keyof Simulators, 'close'>;

export async function startSimulators(): Promise<Simulators> {
  const [netvisor, procountor, vitec] = await Promise.all([startNetvisorSimulator(), startProcountorSimulator(), startVitecSimulator()]);
  return { netvisor, procountor, vitec, close: async () => void (await Promise.all([netvisor.close(), procountor.close(), vitec.close()])) };
}

export function contextFor(sims: Simulators, extra: Partial<ConnectorContext> = {}): ConnectorContext {
  const partner: Partial<Record<SystemId, Record<string, string>>> = { netvisor: { ...sims.netvisor.partner }, procountor: { ...sims.procountor.partner } };
  return {
    sandboxUrls: { netvisor: sims.netvisor.url, procountor: sims.procountor.url, vitec: sims.vitec.url },
    partnerCredentials: { describe: async (system) => (partner[system] ? 'sandbox' : 'none'), get: async (system) => partner[system] },
    ...extra,
  };
}

/** A scenario's demo credential as the wizard would hold it, with optional overrides. */
export function scenarioInput(sims: Simulators, system: SimulatedSystem, scenarioId: string, fields: Record<string, string> = {}, secrets: Record<string, string> = {}): CheckInput {
  const info = sims[system].scenarios.find((candidate) => candidate.id === scenarioId);
  if (!info) throw new Error(`no ${system} scenario ${scenarioId}`);
  const base: CheckInput =
    'customerKey' in info.credentials
      ? { fields: { companyName: info.title, businessId: info.credentials.businessId, customerId: info.credentials.customerId }, secrets: { customerKey: info.credentials.customerKey } }
      : 'apiKey' in info.credentials
        ? { fields: {}, secrets: { apiKey: info.credentials.apiKey } }
        : {
            fields: { domain: info.credentials.domain, username: info.credentials.username, integrationId: info.credentials.integrationId },
            secrets: { password: info.credentials.password },
          };
  return { fields: { environment: 'sandbox', ...base.fields, ...fields }, secrets: { ...base.secrets, ...secrets } };
}

export function diagnoseScenario(
  sims: Simulators,
  system: SimulatedSystem,
  scenarioId: string,
  options: DiagnoseOptions & { fields?: Record<string, string>; secrets?: Record<string, string>; context?: Partial<ConnectorContext> } = {},
): Promise<DiagnoseRun> {
  const { fields, secrets, context, ...rest } = options;
  return runDiagnosis(targetFor(system, contextFor(sims, context)), scenarioInput(sims, system, scenarioId, fields, secrets), { scenario: scenarioId, ...rest });
}

/** A loopback port where nothing listens (bound once, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
