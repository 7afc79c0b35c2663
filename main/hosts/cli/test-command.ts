/**
 * `exopen-connect test <system>`: runs the same checks the wizard runs, against any host of the vendor
 * (`--base-url`) or a named sandbox scenario (`--scenario`), printing progress and an explained result.
 */
import type { Command } from 'commander';
import { createConnectors, SYSTEM_IDS } from '../../connectors/registry';
import type { SystemId } from '../../connectors/types';
import { withRenderedText } from '../../i18n';
import { fixedPartnerCredentials } from '../../services/partners';
import { addCredentialOptions, withCredential, type CliOptions } from './credential-input';
import { exitCodeOf } from './exit-codes';
import { printJson, printResult } from './output';
import { printProgress, titlesOf } from './progress';

export function registerTestCommand(program: Command): void {
  const test = program.command('test').description('test a credential against the vendor API, check by check');
  const probe = createConnectors({ partnerCredentials: fixedPartnerCredentials({}) });
  for (const system of SYSTEM_IDS) {
    const { descriptor } = probe[system];
    addCredentialOptions(test.command(system).description(`test a ${descriptor.name} credential`), system, descriptor).action(async (options: CliOptions) => {
      process.exitCode = await runTest(system, options);
    });
  }
}

function runTest(system: SystemId, options: CliOptions): Promise<number> {
  const json = options.json === true;
  return withCredential(system, options, async (connector, input) => {
    const titles = titlesOf(connector.descriptor);
    const report = await connector.runChecks(input, { onEvent: json ? () => undefined : printProgress(titles) });
    const code = exitCodeOf(report);
    if (json) printJson({ ...(withRenderedText(report) as object), exitCode: code });
    else printResult((await import('./render')).renderReport(report, (id) => titles.get(id) ?? id));
    return code;
  });
}
