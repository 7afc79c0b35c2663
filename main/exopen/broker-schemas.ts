/**
 * zod mirrors of the broker's response schemas (openapi/exopen.yaml) and the shapes of its requests. The
 * tokens in these answers are the customer's own; Exopen's partner secrets never appear in any of them.
 */
import { z } from 'zod';

const nonEmpty = z.string().min(1);

export const netvisorSignatureSchema = z.object({ partnerId: nonEmpty, mac: z.string().regex(/^[0-9a-f]{64}$/) });
export const procountorTokenSchema = z.object({ accessToken: nonEmpty, expiresIn: z.number().int().min(0) });
export const exactTokensSchema = z.object({
  accessToken: nonEmpty,
  refreshToken: nonEmpty,
  expiresIn: z.number().int().min(0),
  tokenType: z.string().optional(),
});
export const economicRelayResponseSchema = z.object({
  status: z.number().int().min(100).max(599),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
});

export type NetvisorSignature = z.infer<typeof netvisorSignatureSchema>;
export type ProcountorToken = z.infer<typeof procountorTokenSchema>;
export type ExactTokens = z.infer<typeof exactTokensSchema>;
export type EconomicRelayResponse = z.infer<typeof economicRelayResponseSchema>;

/** The MAC inputs of one Netvisor request (see main/connectors/netvisor/mac.ts), without the partner key. */
export interface NetvisorSignInput {
  readonly url: string;
  readonly sender: string;
  readonly customerId: string;
  readonly timestamp: string;
  readonly language: string;
  readonly organisationId: string;
  readonly transactionId: string;
  readonly timestampUnix: string;
  readonly customerKey: string;
}

export interface ProcountorTokenInput {
  readonly apiKey: string;
  readonly environment: 'production' | 'test';
}

export interface ExactTokenInput {
  readonly code: string;
  readonly redirectUri: string;
  readonly codeVerifier?: string;
}

export type EconomicMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface EconomicRelayInput {
  readonly method: EconomicMethod;
  /** e.g. `/self`; no query string (use `query`). */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  /** JSON text. */
  readonly body?: string;
  readonly agreementGrantToken: string;
}
