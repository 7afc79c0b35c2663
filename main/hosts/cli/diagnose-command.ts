/**
 * `exopen-connect diagnose <system>`: every check of a credential with the vendor's words, our explanation,
 * the fix and the known problem it matches, plus the request timeline; optionally a redacted support bundle
 * (--bundle) and an admin task pack (--task-pack). Same options, secrets and --scenario as `test <system>`.
 * --scenario starts only that system's simulator in-process: Diagnose needs no Exopen backend.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { createConnectors, SYSTEM_IDS } from '../../connectors/registry';
import { msg, type Connector, type SystemId } from '../../connectors/types';
import { buildTaskPack, renderDiagnosis, runDiagnosis, supportsTaskPack, targetFor, writeBundle, writeTaskPack, type DiagnoseRun } from '../../diagnose';
import { renderMsg, withRenderedText } from '../../i18n';
import { scenarioExpectedCompanies } from '../../sandbox/reproduce';
import { fixedPartnerCredentials } from '../../services/partners';
import { addCredentialOptions, withCredential, type CliOptions as Options } from './credential-input';
import { diagnoseExitCode, EXIT } from './exit-codes';
import { printJson, printNote, printResult } from './output';

const say = (key: string, params?: Record<string, string | number>) => renderMsg(msg(`diagnose:cli.${key}`, params));
const text = (options: Options, name: string): string | undefined => (typeof options[name] === 'string' ? options[name] : undefined);

export function registerDiagnoseCommand(program: Command): void {
  const diagnose = program.command('diagnose').description('run every check of a credential and explain it; export a support bundle or an admin task pack');
  const probe = createConnectors({ partnerCredentials: fixedPartnerCredentials({}) });
  for (const system of SYSTEM_IDS) {
    const { descriptor } = probe[system];
    const command = diagnose.command(system).description(`diagnose a ${descriptor.name} credential`);
    addCredentialOptions(command, system, descriptor)
      .option('--bundle <file>', 'write a redacted support bundle (.zip) to this file')
      .option('--task-pack <file>', "write the vendor admin's checklist (.html) to this file")
      .addHelpText('after', 'A bundle or task pack that could not be written safely also exits 1.')
      .action(async (options: Options) => {
        process.exitCode = await runDiagnose(system, options);
      });
  }
}

async function runDiagnose(system: SystemId, options: Options): Promise<number> {
  const scenarioId = text(options, 'scenario');
  return withCredential(system, options, async (connector, input, ctx, scenario) => {
    const json = options.json === true;
    const titles = new Map(connector.descriptor.checks.map((check) => [check.id, renderMsg(check.title)]));
    const expectedCompanies = scenario ? scenarioExpectedCompanies(scenario) : undefined;
    const run = await runDiagnosis(targetFor(system, ctx), input, {
      ...(scenarioId ? { scenario: scenarioId } : {}),
      ...(expectedCompanies ? { expectedCompanies } : {}),
      onEvent: (event) => {
        if (!json && event.type === 'check-started') printNote(`… ${titles.get(event.checkId) ?? event.checkId}`);
      },
    });
    const written = await writeOutputs(system, connector, run, options);
    const code = written.ok ? diagnoseExitCode(run.report) : EXIT.usage;
    if (json) printJson({ ...(withRenderedText(run.diagnosis) as object), exitCode: code, ...written.files });
    else printResult(renderDiagnosis(run.diagnosis));
    for (const note of written.notes) printNote(note);
    return code;
  });
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
