/**
 * The partner broker: steps that need Exopen's own partner secrets run on the backend, which answers with
 * the result only. Every secret of a request is scrubbed from any error text that mentions it.
 */
import type { BrokerCalls } from './client';
import { economicRelayResponseSchema, exactTokensSchema, netvisorSignatureSchema, procountorTokenSchema } from './broker-schemas';
import { scrubberOf, type Call } from './transport';

export function brokerCalls(call: Call): BrokerCalls {
  return {
    brokerNetvisorSign(input, options) {
      const body = {
        url: input.url,
        sender: input.sender,
        customerId: input.customerId,
        timestamp: input.timestamp,
        language: input.language,
        organisationId: input.organisationId,
        transactionId: input.transactionId,
        timestampUnix: input.timestampUnix,
        customerKey: input.customerKey,
        algorithm: 'HMACSHA256',
      };
      // Signing is a pure function of its inputs: safe to retry whatever happened.
      return call(
        {
          operation: 'brokerNetvisorSign',
          method: 'POST',
          path: '/v1/broker/netvisor/sign',
          body,
          expect: { statuses: [200], schema: netvisorSignatureSchema, scrub: scrubberOf(input.customerKey) },
        },
        options?.signal,
      );
    },
    brokerProcountorToken(input, options) {
      // Client credentials: every call makes a fresh token, so a retry is harmless.
      return call(
        {
          operation: 'brokerProcountorToken',
          method: 'POST',
          path: '/v1/broker/procountor/token',
          body: { apiKey: input.apiKey, environment: input.environment },
          expect: { statuses: [200], schema: procountorTokenSchema, scrub: scrubberOf(input.apiKey) },
        },
        options?.signal,
      );
    },
    brokerExactToken(input, options) {
      const body = { code: input.code, redirectUri: input.redirectUri, ...(input.codeVerifier === undefined ? {} : { codeVerifier: input.codeVerifier }) };
      // Exact codes are single use: after an ambiguous failure a second exchange could only fail.
      return call(
        {
          operation: 'brokerExactToken',
          method: 'POST',
          path: '/v1/broker/exact/token',
          body,
          expect: { statuses: [200], schema: exactTokensSchema, scrub: scrubberOf(input.code, input.codeVerifier), onlyRetryUnprocessed: true },
        },
        options?.signal,
      );
    },
    brokerExactRefresh(refreshToken, options) {
      // Exact rotates refresh tokens: the old one may be spent once the backend forwarded it.
      return call(
        {
          operation: 'brokerExactRefresh',
          method: 'POST',
          path: '/v1/broker/exact/refresh',
          body: { refreshToken },
          expect: { statuses: [200], schema: exactTokensSchema, scrub: scrubberOf(refreshToken), onlyRetryUnprocessed: true },
        },
        options?.signal,
      );
    },
    brokerEconomicRelay(input, options) {
      const body = {
        method: input.method,
        path: input.path,
        ...(input.query === undefined ? {} : { query: { ...input.query } }),
        ...(input.body === undefined ? {} : { body: input.body }),
        agreementGrantToken: input.agreementGrantToken,
      };
      return call(
        {
          operation: 'brokerEconomicRelay',
          method: 'POST',
          path: '/v1/broker/economic/relay',
          body,
          expect: {
            statuses: [200],
            schema: economicRelayResponseSchema,
            scrub: scrubberOf(input.agreementGrantToken),
            // A relayed write is not idempotent at e-conomic; only a read may be repeated after a doubt.
            onlyRetryUnprocessed: input.method !== 'GET',
          },
        },
        options?.signal,
      );
    },
  };
}
