/**
 * exopen-connect — the command line for support agents and scripts. Human output by default, --json for
 * machines; secrets only from the environment or a hidden prompt.
 */
import { Command } from 'commander';
import { createConnectors, SYSTEM_IDS } from '../../connectors/registry';
import { APP_VERSION } from '../../platform/version';
import { fixedPartnerCredentials } from '../../services/partners';
import { registerDiagnoseCommand } from './diagnose-command';
import { registerCompaniesCommand } from './companies-command';
import { registerSandboxCommand } from './sandbox-command';
import { registerTestCommand } from './test-command';
import { registerWebCommand } from './web-command';

export function buildProgram(): Command {
  const program = new Command('exopen-connect')
    .description('Exopen Connect: test accounting-system credentials and connect them to Exopen')
    .version(APP_VERSION);
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

await buildProgram().parseAsync(process.argv);
