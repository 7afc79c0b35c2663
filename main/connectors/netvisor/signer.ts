/**
 * Who signs Netvisor requests. The MAC needs Exopen's partner key, which production installs never hold:
 * there the Exopen backend broker signs (a later issue). Sandbox and support installs sign locally. Both fit
 * this one port, so the client does not care where the key lives.
 */
import type { PartnerCredentialSource } from '../context';
import { hmacSha256Mac, type MacInputWithoutPartnerKey } from './mac';

export interface Signer {
  readonly partnerId: string;
  /** Returns the HMACSHA256 MAC for the request described by `input`. */
  sign(input: MacInputWithoutPartnerKey): Promise<string>;
}

/** Holds the partner key in memory. A private field keeps it out of JSON, inspection and error output. */
export class LocalSigner implements Signer {
  readonly #partnerKey: string;

  constructor(
    readonly partnerId: string,
    partnerKey: string,
  ) {
    this.#partnerKey = partnerKey;
  }

  sign(input: MacInputWithoutPartnerKey): Promise<string> {
    return Promise.resolve(hmacSha256Mac({ ...input, partnerKey: this.#partnerKey }));
  }
}

export type SignerResult =
  | { readonly ok: true; readonly signer: Signer }
  | { readonly ok: false; readonly problem: 'missing' | 'incomplete' | 'unreadable'; readonly detail?: string };

/** Builds a local signer from `partnerCredentials.get('netvisor')` → `{partnerId, partnerKey}`. */
export async function signerFromCredentials(source: PartnerCredentialSource): Promise<SignerResult> {
  let credentials: Readonly<Record<string, string>> | undefined;
  try {
    credentials = await source.get('netvisor');
  } catch (error) {
    // A keychain failure is reported as a failed check with its reason rather than crashing the run.
    return { ok: false, problem: 'unreadable', detail: error instanceof Error ? error.name : 'unknown error' };
  }
  if (!credentials) return { ok: false, problem: 'missing' };
  const partnerId = credentials['partnerId']?.trim();
  const partnerKey = credentials['partnerKey'];
  if (!partnerId || !partnerKey) return { ok: false, problem: 'incomplete' };
  return { ok: true, signer: new LocalSigner(partnerId, partnerKey) };
}
