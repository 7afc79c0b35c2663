/**
 * `exopen-connect diagnose <system>`: every check of a credential with the vendor's words, our explanation,
 * the fix and the known problem it matches, plus the request timeline; optionally a redacted support bundle
 * (--bundle) and an admin task pack (--task-pack). Same options, secrets and --scenario as `test <system>`.
 * --scenario starts only that system's simulator in-process: Diagnose needs no Exopen backend.
 */
import path from 'node:path';
import type { Command } from 'commander';
import type { ConnectorContext } from '../../connectors/context';
import { createConnectors, secretFieldIds, systemIds } from '../../connectors/registry';
import type { CheckInput, Connector, SystemId } from '../../connectors/types';
import { buildTaskPack, renderDiagnosis, runDiagnosis, supportsTaskPack, targetFor, writeBundle, writeTaskPack, type DiagnoseRun } from '../../diagnose';
import { msg } from '../../connectors/types';
import { renderMsg, withRenderedText } from '../../platform/i18n';
import { openSecretStore } from '../../platform/secrets';
import { simulatorStarters, type SandboxScenario, type StartedSimulator } from '../../sandbox/simulators';
import { fixedPartnerCredentials, localPartnerCredentials } from '../../services/partners';
import { EXIT, exitCodeOf } from './exit-codes';
import { envNameFor, readSecret } from './secret-input';

type Options = Record<string, string | boolean | undefined>;

const kebab = (id: string) => id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const say = (key: string, params?: Record<string, string | number>) => renderMsg(msg(`diagnose:cli.${key}`, params));
const text = (options: Options, name: string): string | undefined => (typeof options[name] === 'string' ? options[name] : undefined);

export function registerDiagnoseCommand(program: Command): void {
  const diagnose = program.command('diagnose').description('run every check of a credential and explain it; export a support bundle or an admin task pack');
  const probe = createConnectors({ partnerCredentials: fixedPartnerCredentials({}) });
  for (const system of systemIds) {
    const { descriptor } = probe[system];
    const command = diagnose.command(system).description(`diagnose a ${descriptor.name} credential`);
    for (const field of descriptor.fields) if (field.kind !== 'secret' && field.kind !== 'fixed') command.option(`--${kebab(field.id)} <value>`, renderMsg(field.label));
    command
      .option('--scenario <id>', 'use a named sandbox scenario (starts the simulator in-process)')
      .option('--bundle <file>', 'write a redacted support bundle (.zip) to this file')
      .option('--task-pack <file>', "write the vendor admin's checklist (.html) to this file")
      .option('--json', 'machine-readable output (one JSON object)')
      .addHelpText(
        'after',
        `\nSecrets are read from the environment or a hidden prompt, never from arguments:\n${secretFieldIds(descriptor)
          .map((id) => `  ${envNameFor(system, id)}`)
          .join('\n')}\nExit codes: 0 healthy, 2 customer must act, 3 vendor unreachable, 1 usage error or no bundle/task pack written.`,
      )
      .action(async (options: Options) => {
        process.exitCode = await runDiagnose(system, options);
      });
  }
}

async function runDiagnose(system: SystemId, options: Options): Promise<number> {
  const scenarioId = text(options, 'scenario');
  const simulator = scenarioId ? (await simulatorStarters[system](0)).started : undefined;
  try {
    const ctx: ConnectorContext = simulator
      ? { sandboxUrls: { [system]: simulator.url }, partnerCredentials: fixedPartnerCredentials(simulator.partner ? { [system]: { ...simulator.partner } } : {}) }
      : { partnerCredentials: localPartnerCredentials(() => openSecretStore({ service: 'exopen-connect' })) };
    const connector = createConnectors(ctx)[system];
    const input = await collectInput(system, connector, options, simulator, scenarioId);
    if ('error' in input) {
      process.stderr.write(`${input.error}\n`);
      return EXIT.usage;
    }
    const json = options.json === true;
    const titles = new Map(connector.descriptor.checks.map((check) => [check.id, renderMsg(check.title)]));
    const run = await runDiagnosis(targetFor(system, ctx), input, {
      ...(scenarioId ? { scenario: scenarioId } : {}),
      onEvent: (event) => {
        if (!json && event.type === 'check-started') process.stderr.write(`… ${titles.get(event.checkId) ?? event.checkId}\n`);
      },
    });
    const written = await writeOutputs(system, connector, run, options);
    const code = written.ok ? exitCodeOf(run.report) : EXIT.usage;
    if (json) process.stdout.write(`${JSON.stringify({ ...(withRenderedText(run.diagnosis) as object), exitCode: code, ...written.files })}\n`);
    else process.stdout.write(`${renderDiagnosis(run.diagnosis)}\n`);
    for (const note of written.notes) process.stderr.write(`${note}\n`);
    return code;
  } finally {
    await simulator?.close();
  }
}

/** The bundle and task pack, each fail-closed: a refusal is reported and turns the exit code into 1. */
async function writeOutputs(system: SystemId, connector: Connector, run: DiagnoseRun, options: Options) {
  const files: Record<string, string> = {};
  const notes: string[] = [];
  let ok = true;
  const attempt = async (name: 'bundle' | 'taskPack', target: string, write: (file: string) => Promise<void>, done: string) => {
    const file = path.resolve(target);
    try {
      await write(file);
      files[name] = file;
      notes.push(say(done, { file }));
    } catch (error) {
      ok = false;
      notes.push(say('bundleRefused', { reason: error instanceof Error ? error.message : String(error) }));
    }
  };
  const bundle = text(options, 'bundle');
  if (bundle) await attempt('bundle', bundle, async (file) => void (await writeBundle(file, run.diagnosis, run.secrets)), 'bundleWritten');
  const taskPack = text(options, 'taskPack');
  if (taskPack && !supportsTaskPack(system)) {
    ok = false;
    notes.push(say('taskPackUnsupported', { system }));
  } else if (taskPack) {
    const html = buildTaskPack({ descriptor: connector.descriptor, diagnosis: run.diagnosis });
    await attempt('taskPack', taskPack, (file) => writeTaskPack(file, html, run.secrets), 'taskPackWritten');
  }
  return { ok, files, notes };
}

type Input = CheckInput | { error: string };

/** The same input rules as `test <system>`: scenario values first, then options, then env or prompt for secrets. */
async function collectInput(system: SystemId, connector: Connector, options: Options, simulator: StartedSimulator | undefined, scenarioId: string | undefined): Promise<Input> {
  const fields: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  if (simulator && scenarioId) {
    const scenario: SandboxScenario | undefined = simulator.scenarios.find((candidate) => candidate.id === scenarioId);
    if (!scenario) return { error: `Unknown scenario "${scenarioId}". Known: ${simulator.scenarios.map((s) => s.id).join(', ')}` };
    Object.assign(fields, scenario.fields, { environment: 'sandbox' });
    Object.assign(secrets, scenario.secrets);
  }
  const secretIds = secretFieldIds(connector.descriptor);
  for (const field of connector.descriptor.fields) {
    const value = text(options, field.id);
    if (value !== undefined) fields[field.id] = value;
    else if (fields[field.id] === undefined && field.defaultValue !== undefined) fields[field.id] = field.defaultValue;
    if (field.kind === 'fixed' && field.fixedValue) fields[field.id] = field.fixedValue;
  }
  if (text(options, 'baseUrl') !== undefined && text(options, 'environment') === undefined) fields.environment = 'custom';
  for (const field of connector.descriptor.fields.filter((candidate) => secretIds.includes(candidate.id))) {
    const value = secrets[field.id] ?? (await readSecret(system, field.id, renderMsg(field.label)));
    if (value) secrets[field.id] = value;
  }
  const problems = connector.validate(fields, Object.fromEntries(secretIds.map((id) => [id, Boolean(secrets[id])])));
  if (problems.length === 0) return { fields, secrets };
  const lines = problems.map((problem) => {
    const where = secretIds.includes(problem.field) ? `${envNameFor(system, problem.field)} (environment)` : `--${kebab(problem.field)}`;
    return `  ${where}: ${renderMsg(problem.message)}`;
  });
  return { error: `The ${connector.descriptor.name} details are not complete:\n${lines.join('\n')}` };
}
