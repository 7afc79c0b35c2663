/** What a Diagnosis says about where it ran: the non-secret settings, and the OS without any personal detail. */
import { arch, platform, release } from 'node:os';
import type { CheckInput, SystemDescriptor } from '../connectors/types';
import type { Diagnosis, DiagnosisEnvironment } from './types';

/**
 * Only fields the descriptor declares non-secret (an allowlist: an unexpected field in the input is left
 * out rather than trusted), and secret fields by name only.
 */
export function environmentOf(
  descriptor: SystemDescriptor,
  input: CheckInput,
  extra: { readonly scenario?: string; readonly partnerSource?: string },
): DiagnosisEnvironment {
  const settings: Record<string, string> = {};
  const credentialFieldsGiven: string[] = [];
  for (const field of descriptor.fields) {
    if (field.kind === 'secret') {
      if (input.secrets[field.id]) credentialFieldsGiven.push(field.id);
      continue;
    }
    const value = field.kind === 'fixed' ? field.fixedValue : input.fields[field.id];
    if (value !== undefined && value !== '') settings[field.id] = value;
  }
  return {
    settings,
    credentialFieldsGiven,
    sandbox: settings['environment'] === 'sandbox',
    ...(extra.scenario ? { scenario: extra.scenario } : {}),
    ...(extra.partnerSource ? { partnerSource: extra.partnerSource } : {}),
  };
}

/** Platform, kernel release and CPU architecture; never the host name or the user. */
export const osInfo = (): Diagnosis['os'] => ({ platform: platform(), release: release(), arch: arch() });
