/**
 * What `test <system>` and `companies <system>` share: the wizard's non-secret fields as options, a named
 * sandbox scenario (`--scenario`, which starts the simulators in-process), secrets from the environment or a
 * hidden prompt, and the connector built for either. Incomplete input is a usage error naming what to set.
 */
import type { Command } from 'commander';
import type { ConnectorContext } from '../../connectors/context';
import { createConnectors, secretEnvName, secretFieldIds, SYSTEM_IDS, systemModule } from '../../connectors/registry';
import type { CheckInput, Connector, SystemDescriptor, SystemId } from '../../connectors/types';
import { renderMsg } from '../../i18n';
import { isSecretKey, registerSecret } from '../../platform/redact';
import { openSecretStore } from '../../platform/secrets';
import { scenarioInput } from '../../sandbox/reproduce';
import type { SandboxScenario } from '../../sandbox/simulators';
import { fixedPartnerCredentials, localPartnerCredentials } from '../../services/partners';
import { DEFAULT_CHECK_DEADLINE_MS, DEFAULT_RUN_DEADLINE_MS } from '../../connectors/shared/limits';
import { EXIT } from './exit-codes';
import { printNote } from './output';
import { envNameFor, readSecret, registerSecretValue } from './secret-input';

export type CliOptions = Record<string, string | boolean | undefined>;

export const kebab = (id: string) => id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The field options, --scenario and --json, and the help text about secrets and exit codes. */
export function addCredentialOptions(command: Command, system: SystemId, descriptor: SystemDescriptor): Command {
  for (const field of descriptor.fields) {
    if (field.kind === 'secret' || field.kind === 'fixed') continue;
    command.option(`--${kebab(field.id)} <value>`, renderMsg(field.label));
  }
  return command
    .option('--scenario <id>', 'use a named sandbox scenario (starts the simulators in-process)')
    .option('--json', 'machine-readable output (one JSON object)')
    .option('--request-deadline <seconds>', "end each vendor request after this long (default: the vendor's figure, 30; Netvisor 120)")
    .option('--check-deadline <seconds>', `end a check after this long (default ${DEFAULT_CHECK_DEADLINE_MS / 1000})`)
    .option('--run-deadline <seconds>', `end the whole run after this long (default ${DEFAULT_RUN_DEADLINE_MS / 1000})`)
    .addHelpText(
      'after',
      `\nSecrets are read from the environment or a hidden prompt, never from arguments:\n${secretFieldIds(descriptor)
        .map((id) => `  ${envNameFor(system, id)}`)
        .join('\n')}\nExit codes: 0 healthy, 2 customer must act, 3 vendor unreachable, 1 usage error.`,
    );
}

/**
 * The one place the CLI learns its secrets from the environment: every secret field of every system
 * (NETVISOR_CUSTOMER_KEY, PROCOUNTOR_API_KEY, …), every secret partner credential (NETVISOR_PARTNER_KEY,
 * PROCOUNTOR_CLIENT_SECRET; the IDs are public) and EXOPEN_BACKEND_TOKEN are registered with the value
 * redactor before any command runs, so no output of any command can carry them. Values typed at the hidden
 * prompt are registered as they are read (secret-input.ts), the credential and partner secrets a command
 * ends up using in withCredential.
 */
export function registerEnvironmentSecrets(env: NodeJS.ProcessEnv = process.env): void {
  const probe = createConnectors({ partnerCredentials: fixedPartnerCredentials({}) });
  for (const system of SYSTEM_IDS) {
    const names = [...secretFieldIds(probe[system].descriptor), ...systemModule(system).partnerCredentials.filter(isSecretKey)];
    for (const name of names) registerSecretValue(env[secretEnvName(system, name)]);
  }
  registerSecretValue(env.EXOPEN_BACKEND_TOKEN);
}

const DEADLINE_OPTIONS = { requestDeadline: '--request-deadline', checkDeadline: '--check-deadline', runDeadline: '--run-deadline' } as const;

/** The deadline options in ms, or the usage error naming the option and the fix. */
export function deadlinesOf(options: CliOptions): { readonly ok: true; readonly ms: Partial<Record<keyof typeof DEADLINE_OPTIONS, number>> } | { readonly ok: false; readonly error: string } {
  const ms: Partial<Record<keyof typeof DEADLINE_OPTIONS, number>> = {};
  for (const [key, flag] of Object.entries(DEADLINE_OPTIONS) as Array<[keyof typeof DEADLINE_OPTIONS, string]>) {
    const value = options[key];
    if (value === undefined) continue;
    const seconds = typeof value === 'string' && /^\d{1,4}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
    if (!(seconds >= 1 && seconds <= 3600)) return { ok: false, error: `${flag}: give whole seconds from 1 to 3600, e.g. ${flag} 60 (got "${String(value).slice(0, 20)}").` };
    ms[key] = seconds * 1000;
  }
  return { ok: true, ms };
}

/** The system's simulator, started in-process; loaded only for --scenario (the sandbox is a chunk of its own, scripts/build.mjs). */
async function startSimulator(system: SystemId) {
  return (await import('../../sandbox')).startSimulator(system);
}

/**
 * Builds the connector (against that system's simulator, started in-process, for --scenario), reads the
 * credential and runs `work`; answers EXIT.usage after printing what is missing. The simulator, if any, is
 * closed afterwards. The CLI never signs in, so partner secrets are local (the simulator's, or the
 * keychain's / environment's).
 */
export async function withCredential(
  system: SystemId,
  options: CliOptions,
  work: (connector: Connector, input: CheckInput, ctx: ConnectorContext, scenario: SandboxScenario | undefined) => Promise<number>,
): Promise<number> {
  const scenarioId = typeof options.scenario === 'string' ? options.scenario : undefined;
  const deadlines = deadlinesOf(options);
  if (!deadlines.ok) {
    printNote(deadlines.error);
    return EXIT.usage;
  }
  const { requestDeadline, checkDeadline, runDeadline } = deadlines.ms;
  const limits: Pick<ConnectorContext, 'timeoutMs' | 'deadlines'> = {
    ...(requestDeadline === undefined ? {} : { timeoutMs: requestDeadline }),
    deadlines: { ...(checkDeadline === undefined ? {} : { checkMs: checkDeadline }), ...(runDeadline === undefined ? {} : { runMs: runDeadline }) },
  };
  const simulator = scenarioId ? await startSimulator(system) : undefined;
  try {
    const ctx: ConnectorContext = simulator
      ? { ...limits, sandboxUrls: { [system]: simulator.url }, partnerCredentials: fixedPartnerCredentials(simulator.partner ? { [system]: { ...simulator.partner } } : {}) }
      : { ...limits, partnerCredentials: localPartnerCredentials(() => openSecretStore({ service: 'exopen-connect' })) };
    const connector = createConnectors(ctx)[system];
    const scenario = simulator && scenarioId ? simulator.scenarios.find((candidate) => candidate.id === scenarioId) : undefined;
    if (simulator && scenarioId && !scenario) {
      printNote(`Unknown scenario "${scenarioId}". Known: ${simulator.scenarios.map((s) => s.id).join(', ')}`);
      return EXIT.usage;
    }
    const input = await collectInput(system, connector, options, scenario);
    if ('error' in input) {
      printNote(input.error);
      return EXIT.usage;
    }
    // What this run will send: the credential (a scenario's demo one too) and the partner secrets.
    for (const value of Object.values(input.secrets)) registerSecretValue(value);
    await registerPartnerSecrets(ctx, system);
    return await work(connector, input, ctx, scenario);
  } finally {
    await simulator?.close();
  }
}

/** Only secret-keyed values: a Procountor client ID or a Netvisor partner ID is public and quoted in fixes. */
async function registerPartnerSecrets(ctx: ConnectorContext, system: SystemId): Promise<void> {
  let partner: Readonly<Record<string, string>> | undefined;
  try {
    partner = await ctx.partnerCredentials.get(system);
  } catch {
    return; // an unreadable keychain is the check's to report; nothing was read, so nothing to register
  }
  for (const [name, value] of Object.entries(partner ?? {})) if (isSecretKey(name)) registerSecret(value);
}

type Input = { fields: Record<string, string>; secrets: Record<string, string> } | { error: string };

async function collectInput(system: SystemId, connector: Connector, options: CliOptions, scenario: SandboxScenario | undefined): Promise<Input> {
  const base = scenario ? scenarioInput(connector.descriptor, scenario) : { fields: {}, secrets: {} };
  const fields: Record<string, string> = { ...base.fields };
  const secrets: Record<string, string> = { ...base.secrets };
  for (const field of connector.descriptor.fields) {
    const value = options[field.id];
    if (typeof value === 'string') fields[field.id] = value;
    else if (fields[field.id] === undefined && field.defaultValue !== undefined) fields[field.id] = field.defaultValue;
    if (field.kind === 'fixed' && field.fixedValue) fields[field.id] = field.fixedValue;
  }
  if (typeof options.baseUrl === 'string' && typeof options.environment !== 'string') fields.environment = 'custom';
  for (const id of secretFieldIds(connector.descriptor)) {
    if (secrets[id]) continue;
    const label = renderMsg(connector.descriptor.fields.find((field) => field.id === id)!.label);
    const value = await readSecret(system, id, label);
    if (value) secrets[id] = value;
  }
  const stored = Object.fromEntries(secretFieldIds(connector.descriptor).map((id) => [id, Boolean(secrets[id])]));
  const problems = connector.validate(fields, stored);
  if (problems.length > 0) {
    const lines = problems.map((problem) => {
      const secret = secretFieldIds(connector.descriptor).includes(problem.field);
      const where = secret ? `${envNameFor(system, problem.field)} (environment)` : `--${kebab(problem.field)}`;
      return `  ${where}: ${renderMsg(problem.message)}`;
    });
    return { error: `The ${connector.descriptor.name} details are not complete:\n${lines.join('\n')}` };
  }
  return { fields, secrets };
}
