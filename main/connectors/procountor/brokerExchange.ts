/**
 * The API-key exchange through the Exopen broker: the backend adds Exopen's client secret, so production
 * installs never hold it. A refusal relayed from Procountor becomes the same ProcountorTokenError a local
 * exchange gives, so the token check explains it the same way; no answer from Procountor to the broker is a
 * ProcountorBrokerUnreachableError (the check fails as unreachable; the run goes on).
 */
import { BrokerRefusedError, BrokerUpstreamUnavailableError, type PartnerBroker } from '../context';
import { ProcountorBrokerUnreachableError, ProcountorTokenError } from './errors';
import type { ExchangeOptions, ProcountorEnvironment, ProcountorToken, ProcountorTokenExchange } from './tokenExchange';

/** What this connector needs from Exopen's broker; the Exopen client implements it (openapi: /v1/broker/procountor/token). */
declare module '../context' {
  interface PartnerBroker {
    brokerProcountorToken(
      input: { readonly apiKey: string; readonly environment: 'production' | 'test' },
      options?: { readonly signal?: AbortSignal },
    ): Promise<{ readonly accessToken: string; readonly expiresIn: number }>;
  }
}

export class BrokerTokenExchange implements ProcountorTokenExchange {
  readonly #broker: PartnerBroker;

  constructor(broker: PartnerBroker) {
    this.#broker = broker;
  }

  async exchange(apiKey: string, environment: ProcountorEnvironment, options: ExchangeOptions = {}): Promise<ProcountorToken> {
    // The broker knows Procountor's two hosts; the sandbox backend relays both to the local simulator.
    const target = environment.id === 'production' ? 'production' : 'test';
    try {
      return await this.#broker.brokerProcountorToken({ apiKey, environment: target }, options.signal ? { signal: options.signal } : {});
    } catch (error) {
      if (error instanceof BrokerRefusedError) throw new ProcountorTokenError(error.status, error.vendorError, error.vendorDescription);
      if (error instanceof BrokerUpstreamUnavailableError) throw new ProcountorBrokerUnreachableError(error.detail);
      throw error;
    }
  }
}
