/**
 * `exopen-connect companies <system>`: the companies a credential reaches, as the wizard's Companies step
 * lists them (the same checks run first, so each company carries the same notes, e.g. "the Exopen
 * integration is not enabled"). Inactive companies are left out unless --show-inactive. Exit codes as `test`.
 */
import type { Command } from 'commander';
import { createConnectors, SYSTEM_IDS } from '../../connectors/registry';
import type { CheckReport, Company, SystemId } from '../../connectors/types';
import { renderMsg, withRenderedText } from '../../i18n';
import { fixedPartnerCredentials } from '../../services/partners';
import { addCredentialOptions, withCredential, type CliOptions } from './credential-input';
import { exitCodeOf } from './exit-codes';
import { printJson, printResult } from './output';
import { printProgress, titlesOf } from './progress';
import { renderReport } from './render';
import { oneLine } from '../../platform/terminal-text';

export function registerCompaniesCommand(program: Command): void {
  const companies = program.command('companies').description('list the companies a credential reaches, with their active flag and notes');
  const probe = createConnectors({ partnerCredentials: fixedPartnerCredentials({}) });
  for (const system of SYSTEM_IDS) {
    const { descriptor } = probe[system];
    addCredentialOptions(companies.command(system).description(`list the companies a ${descriptor.name} credential reaches`), system, descriptor)
      .option('--show-inactive', 'list inactive companies too')
      .action(async (options: CliOptions) => {
        process.exitCode = await runCompanies(system, options);
      });
  }
}

function renderCompanies(report: CheckReport, shown: ReadonlyArray<Company>, hiddenInactive: number): string {
  const inactive = report.companies.filter((company) => !company.active).length;
  const lines = [`${report.companies.length} companies, ${inactive} inactive${hiddenInactive > 0 ? ` (not listed; --show-inactive lists them)` : ''}:`];
  for (const company of shown) {
    // The id, name and Business ID are the vendor's: each stays on its own line, whatever it holds.
    const flags = [company.businessId, company.active ? undefined : 'inactive'].filter(Boolean).join(', ');
    lines.push(oneLine(`  ${company.id}  ${company.name}${flags ? `  (${flags})` : ''}`));
    if (company.note) lines.push(`        ! ${oneLine(renderMsg(company.note))}`);
  }
  for (const result of report.results) {
    if (result.status === 'failed' || result.status === 'warning') lines.push('', `! ${oneLine(renderMsg(result.summary))}`, `  How to fix it: ${oneLine(renderMsg(result.fix))}`);
  }
  return lines.join('\n');
}

function runCompanies(system: SystemId, options: CliOptions): Promise<number> {
  const json = options.json === true;
  const showInactive = options.showInactive === true;
  return withCredential(system, options, async (connector, input) => {
    const titles = titlesOf(connector.descriptor);
    const report = await connector.runChecks(input, { onEvent: json ? () => undefined : printProgress(titles) });
    const code = exitCodeOf(report);
    const shown = report.companies.filter((company) => showInactive || company.active);
    const hiddenInactive = report.companies.length - shown.length;
    if (json) {
      // The checks that did not pass come along: an empty list alone would not say why.
      const problems = report.results.filter((result) => result.status === 'failed' || result.status === 'warning');
      const body = { system, overall: report.overall, total: report.companies.length, hiddenInactive, companies: shown, problems, exitCode: code };
      printJson(withRenderedText(body));
    } else if (report.overall === 'failed' && report.companies.length === 0) {
      // No list to show: the checks' own explanation says why and what to do.
      printResult(renderReport(report, (id) => titles.get(id) ?? id));
    } else {
      printResult(renderCompanies(report, shown, hiddenInactive));
    }
    return code;
  });
}
