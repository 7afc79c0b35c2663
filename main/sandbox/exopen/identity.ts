/**
 * One credential, one data source: what makes two configurations the same credential, per system, and the
 * non-secret label that tells credential cards apart. Netvisor's rule follows its protocol (an API user,
 * CustomerId, acting for one company, Business ID). The other systems' rules are UNCERTAIN until their
 * connectors exist; until then the credential itself (the same secrets) is the identity.
 */
import type { ExopenSystemId } from '../../exopen/schemas';

interface IdentityRule {
  /** Settings that identify the credential; all must be present for the rule to apply. */
  readonly fields: ReadonlyArray<string>;
  readonly label: (settings: Readonly<Record<string, string>>) => string;
}

const rules: Partial<Record<ExopenSystemId, IdentityRule>> = {
  netvisor: {
    fields: ['customerId', 'businessId'],
    label: (settings) => [settings.customerId, settings.businessId].map((value) => value?.trim()).filter(Boolean).join(' · '),
  },
};

const fold = (value: string | undefined): string => (value ?? '').trim().toLowerCase();

export interface CredentialFacts {
  readonly system: ExopenSystemId;
  readonly displayName: string;
  readonly settings: Readonly<Record<string, string>>;
  readonly secrets: Readonly<Record<string, string>>;
}

/** A keyed fingerprint (never the values) of what identifies the credential. */
export function credentialIdentity(facts: CredentialFacts, fingerprint: (value: unknown) => string): string {
  return identityFromSettings(facts, fingerprint) ?? fingerprint({ system: facts.system, secrets: facts.secrets });
}

/** The identity when the system's rule makes it from settings alone (so it can be made again without the secrets). */
export function identityFromSettings(facts: Omit<CredentialFacts, 'secrets' | 'displayName'>, fingerprint: (value: unknown) => string): string | undefined {
  const rule = rules[facts.system];
  const values = rule?.fields.map((field) => fold(facts.settings[field]));
  return rule && values && values.every((value) => value !== '') ? fingerprint({ system: facts.system, identity: values }) : undefined;
}

export function credentialLabel(facts: Omit<CredentialFacts, 'secrets'>): string {
  return rules[facts.system]?.label(facts.settings) || facts.displayName;
}
