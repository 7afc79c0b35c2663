/**
 * Signs Netvisor requests through the Exopen backend's broker, so production installs never hold Exopen's
 * partner key. It depends on a one-method port, not on the whole Exopen client: the connector stays
 * independent of the backend's other calls, and tests can plug in the real client or anything else.
 *
 * Netvisor's partner id comes back with every signature. The Signer port exposes `partnerId` as a property
 * that authHeaders (headers.ts) reads right after `sign()` resolves; this signer answers it from the
 * latest signature, and refuses to invent one before the first.
 */
import type { PartnerBroker } from '../context';
import type { MacInputWithoutPartnerKey } from './mac';
import type { Signer } from './signer';

export interface NetvisorSignature {
  readonly partnerId: string;
  readonly mac: string;
}

/** What the broker signer needs from the Exopen client (`brokerNetvisorSign`). */
export interface NetvisorBrokerPort {
  sign(input: MacInputWithoutPartnerKey, options?: { readonly signal?: AbortSignal }): Promise<NetvisorSignature>;
}

/** `partnerId` was read before any signature told it. A caller bug, not a user's problem. */
export class BrokerSignerError extends Error {
  readonly code = 'E_NETVISOR_BROKER_UNSIGNED';

  constructor() {
    super('The broker signer has no partner id before its first signature; read partnerId after sign().');
    this.name = 'BrokerSignerError';
  }
}

export class BrokerSigner implements Signer {
  readonly #broker: NetvisorBrokerPort;
  #partnerId: string | undefined;

  /** `partnerId`: a known partner id (e.g. from settings) to answer before the first signature. */
  constructor(broker: NetvisorBrokerPort, partnerId?: string) {
    this.#broker = broker;
    this.#partnerId = partnerId;
  }

  get partnerId(): string {
    if (this.#partnerId === undefined) throw new BrokerSignerError();
    return this.#partnerId;
  }

  async sign(input: MacInputWithoutPartnerKey): Promise<string> {
    const signature = await this.#broker.sign(input);
    this.#partnerId = signature.partnerId;
    return signature.mac;
  }
}

/** What this connector needs from Exopen's broker; the Exopen client implements it (openapi: /v1/broker/netvisor/sign). */
declare module '../context' {
  interface PartnerBroker {
    brokerNetvisorSign(input: MacInputWithoutPartnerKey, options?: { readonly signal?: AbortSignal }): Promise<NetvisorSignature>;
  }
}

/** Adapts the Exopen client's broker call to the signer's port. */
export function brokerPortOf(broker: PartnerBroker): NetvisorBrokerPort {
  return { sign: (input, options) => broker.brokerNetvisorSign(input, options) };
}
