/**
 * What a sandbox scenario means to a check run, for everything that reproduces one (the CLI's --scenario,
 * the catalogue's Reproduce): the demo credential as the wizard would hold it, and, for a key swap, the
 * company the new credential must reach.
 */
import type { CheckInput, Company, SystemDescriptor } from '../connectors/types';
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

/** The companies a key-swap scenario's credential must reach (and does not): RunOptions.expectedCompanies. */
export function scenarioExpectedCompanies(scenario: SandboxScenario): ReadonlyArray<Company> | undefined {
  return scenario.swapFor ? [{ id: scenario.swapFor.id, name: scenario.swapFor.name, active: true }] : undefined;
}
