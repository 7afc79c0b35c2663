/**
 * What a sandbox scenario means to a check run, for everything that reproduces one (the CLI's --scenario,
 * the catalogue's Reproduce): the demo credential as the wizard would hold it, and, for a key swap, the
 * earlier report whose company the new credential must reach.
 */
import type { CheckInput, CheckReport, SystemDescriptor, SystemId } from '../connectors/types';
import type { SandboxScenario } from './simulators';

/** The scenario's fields over the descriptor's defaults and fixed values, in the sandbox environment. */
export function scenarioInput(descriptor: SystemDescriptor, scenario: SandboxScenario): CheckInput {
  const fields: Record<string, string> = {};
  for (const field of descriptor.fields) {
    if (field.kind === 'fixed' && field.fixedValue) fields[field.id] = field.fixedValue;
    else if (field.defaultValue !== undefined) fields[field.id] = field.defaultValue;
  }
  Object.assign(fields, scenario.fields);
  if (descriptor.fields.some((field) => field.id === 'environment')) fields.environment = 'sandbox';
  return { fields, secrets: { ...scenario.secrets } };
}

/** A finished report that reached `company`: what a credential being replaced would have left behind. */
export function earlierReportFor(system: SystemId, company: { readonly id: string; readonly name: string }): CheckReport {
  return { system, startedAt: '', finishedAt: '', overall: 'passed', results: [], requestCount: 0, companies: [{ id: company.id, name: company.name, active: true }] };
}

/** The earlier report a scenario stands in front of (key swaps only). */
export function scenarioPrevious(system: SystemId, scenario: SandboxScenario): CheckReport | undefined {
  return scenario.swapFor ? earlierReportFor(system, scenario.swapFor) : undefined;
}
