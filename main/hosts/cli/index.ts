/**
 * exopen-connect — the command line for support agents and scripts. Human output by default, --json for
 * machines; secrets only from the environment or a hidden prompt.
 *
 * Before any command runs, the secrets the environment holds are registered with the value redactor and
 * stdout/stderr are guarded (output.ts), so no command, usage message or failure prints one.
 */
import { Command } from 'commander';
import { createConnectors, SYSTEM_IDS } from '../../connectors/registry';
import { redactError } from '../../platform/redact';
import { APP_VERSION } from '../../platform/version';
import { fixedPartnerCredentials } from '../../services/partners';
import { registerDiagnoseCommand } from './diagnose-command';
import { registerCompaniesCommand } from './companies-command';
import { registerEnvironmentSecrets } from './credential-input';
import { commanderOutput, guardProcessOutput, printNote } from './output';
import { registerSandboxCommand } from './sandbox-command';
import { registerTestCommand } from './test-command';
import { registerWebCommand } from './web-command';

export function buildProgram(): Command {
  const program = new Command('exopen-connect')
    .description('Exopen Connect: test accounting-system credentials and connect them to Exopen')
    .version(APP_VERSION)
    // Before the subcommands are added: they inherit it.
    .configureOutput(commanderOutput);
  registerDiagnoseCommand(program);
  registerSandboxCommand(program);
  registerTestCommand(program);
  registerCompaniesCommand(program);
  registerWebCommand(program);
  // The systems, from the one list: each has test, companies and diagnose subcommands.
  const connectors = createConnectors({ partnerCredentials: fixedPartnerCredentials({}) });
  const systems = SYSTEM_IDS.map((id) => `  ${id.padEnd(12)} ${connectors[id].descriptor.name}`);
  program.addHelpText('after', `\nSystems (exopen-connect test <system> --help):\n${systems.join('\n')}`);
  return program;
}

registerEnvironmentSecrets();
guardProcessOutput();
try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  // Node would print the raw error and its stack; this prints them redacted and inert.
  const safe = error instanceof Error ? redactError(error) : undefined;
  printNote(`exopen-connect: ${safe ? (safe.stack ?? `${safe.name}: ${safe.message}`) : String(error)}`);
  process.exitCode = 1;
}
