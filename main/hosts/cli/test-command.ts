/**
 * `exopen-connect test <system>`: runs the same checks the wizard runs, against any host of the vendor
 * (`--base-url`) or a named sandbox scenario (`--scenario`), printing progress and an explained result.
 */
import type { Command } from 'commander';
import type { ConnectorContext } from '../../connectors/context';
import { connectorFactories, createConnectors, secretFieldIds } from '../../connectors/registry';
import type { Connector, SystemId } from '../../connectors/types';
import { renderMsg, withRenderedText } from '../../platform/i18n';
import { openSecretStore } from '../../platform/secrets';
import { localPartnerCredentials, fixedPartnerCredentials } from '../../services/partners';
import { startSandbox, type Sandbox } from '../../sandbox';
import { EXIT, exitCodeOf } from './exit-codes';
import { envNameFor, readSecret } from './secret-input';
import { tempDataDir } from './temp';

const kebab = (id: string) => id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export function registerTestCommand(program: Command): void {
  const test = program.command('test').description('test a credential against the vendor API, check by check');
  const probe = createConnectors({ partnerCredentials: fixedPartnerCredentials({}) });
  for (const system of Object.keys(connectorFactories) as SystemId[]) {
    const { descriptor } = probe[system];
    const command = test.command(system).description(`test a ${descriptor.name} credential`);
    for (const field of descriptor.fields) {
      if (field.kind === 'secret' || field.kind === 'fixed') continue;
      command.option(`--${kebab(field.id)} <value>`, renderMsg(field.label));
    }
    command
      .option('--scenario <id>', 'use a named sandbox scenario (starts the simulators in-process)')
      .option('--json', 'machine-readable output (one JSON object)')
      .addHelpText(
        'after',
        `\nSecrets are read from the environment or a hidden prompt, never from arguments:\n${secretFieldIds(descriptor)
          .map((id) => `  ${envNameFor(system, id)}`)
          .join('\n')}\nExit codes: 0 healthy, 2 customer must act, 3 vendor unreachable, 1 usage error.`,
      )
      .action(async (options: Record<string, string | boolean | undefined>) => {
        process.exitCode = await runTest(system, options);
      });
  }
}

async function runTest(system: SystemId, options: Record<string, string | boolean | undefined>): Promise<number> {
  const json = options.json === true;
  const scenarioId = typeof options.scenario === 'string' ? options.scenario : undefined;
  const sandbox = scenarioId ? await startSandbox({ dataDir: await tempDataDir() }) : undefined;
  try {
    const ctx: ConnectorContext = sandbox
      ? { sandboxUrls: sandbox.urls, partnerCredentials: fixedPartnerCredentials(sandbox.partnerCredentials) }
      : { partnerCredentials: localPartnerCredentials(() => openSecretStore({ service: 'exopen-connect' })) };
    const connector = createConnectors(ctx)[system];
    const input = await collectInput(system, connector, options, sandbox, scenarioId);
    if ('error' in input) {
      process.stderr.write(`${input.error}\n`);
      return EXIT.usage;
    }
    const titles = new Map(connector.descriptor.checks.map((check) => [check.id, renderMsg(check.title)]));
    const report = await connector.runChecks(input, {
      onEvent: (event) => {
        if (json) return;
        if (event.type === 'check-started') process.stderr.write(`… ${titles.get(event.checkId) ?? event.checkId}\n`);
      },
    });
    const code = exitCodeOf(report);
    if (json) process.stdout.write(`${JSON.stringify({ ...(withRenderedText(report) as object), exitCode: code })}\n`);
    else process.stdout.write(`${(await import('./render')).renderReport(report, (id) => titles.get(id) ?? id)}\n`);
    return code;
  } finally {
    await sandbox?.close();
  }
}

type Input = { fields: Record<string, string>; secrets: Record<string, string> } | { error: string };

async function collectInput(
  system: SystemId,
  connector: Connector,
  options: Record<string, string | boolean | undefined>,
  sandbox: Sandbox | undefined,
  scenarioId: string | undefined,
): Promise<Input> {
  const fields: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  if (sandbox && scenarioId) {
    const scenario = sandbox.scenarios[system]?.find((candidate) => candidate.id === scenarioId);
    if (!scenario) return { error: `Unknown scenario "${scenarioId}". Known: ${(sandbox.scenarios[system] ?? []).map((s) => s.id).join(', ')}` };
    Object.assign(fields, scenario.fields, { environment: 'sandbox' });
    Object.assign(secrets, scenario.secrets);
  }
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
