/**
 * The connectors' PartnerBroker over the Exopen client: Exopen's partner secrets stay on the backend. Each
 * connector declares the broker call it needs (its port, by augmenting PartnerBroker in its own folder); the
 * Exopen client's broker calls implement them all, which the compiler checks here. Every call is wrapped
 * alike: a vendor refusal relayed by the broker becomes BrokerRefusedError (the connector explains it as the
 * vendor's own answer), a vendor that gave the broker no answer BrokerUpstreamUnavailableError; every other
 * failure (signed out, backend down) surfaces as an E_EXOPEN_* error.
 */
import { BrokerRefusedError, BrokerUpstreamUnavailableError, type PartnerBroker } from '../connectors/context';
import { ExopenError, type BrokerCalls } from '../exopen';
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

/** The client's broker calls, each failure translated; typed as the client's, so it must fit every port. */
function translated(calls: BrokerCalls): BrokerCalls {
  return new Proxy(calls, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        Promise.resolve(Reflect.apply(value, target, args)).catch((error: unknown) => Promise.reject(translate(error)));
    },
  });
}

export function createPartnerBroker(exopen: BrokerCalls): PartnerBroker {
  return translated(exopen);
}
