/**
 * The connectors' PartnerBroker port over the Exopen client: Exopen's partner secrets stay on the backend.
 * A vendor refusal relayed by the broker becomes BrokerRefusedError (the connector explains it as the
 * vendor's own answer), a vendor that gave the broker no answer BrokerUpstreamUnavailableError; every other
 * failure (signed out, backend down) surfaces as an E_EXOPEN_* error.
 */
import { BrokerRefusedError, BrokerUpstreamUnavailableError, type PartnerBroker } from '../connectors/context';
import { ExopenError, type ExopenClient } from '../exopen';
import { fromExopenError } from './exopen-errors';

function translate(error: unknown): unknown {
  if (error instanceof ExopenError && error.code === 'upstream' && error.upstream) {
    return new BrokerRefusedError(error.upstream.status, error.upstream.error ?? '', error.upstream.errorDescription ?? '');
  }
  // 502 upstream-unavailable, still so after the client's retries: Exopen answered, the vendor did not.
  if (error instanceof ExopenError && error.code === 'unavailable' && error.problemCode === 'upstream-unavailable') {
    return new BrokerUpstreamUnavailableError(error.message);
  }
  return fromExopenError(error);
}

export function createPartnerBroker(exopen: ExopenClient): PartnerBroker {
  return {
    netvisorSign: (input, options) => exopen.brokerNetvisorSign(input, options).catch((error: unknown) => Promise.reject(translate(error))),
    procountorToken: (input, options) => exopen.brokerProcountorToken(input, options).catch((error: unknown) => Promise.reject(translate(error))),
  };
}
