/**
 * Who exchanges a customer's API key for an access token. The exchange needs Exopen's client secret, which
 * production installs never hold: there the Exopen backend broker does it. Sandbox and support installs
 * exchange locally with partner credentials from the keychain. Both fit this one port.
 *
 * The exchange itself (Procountor's M2M flow, an OAuth 2.0 client-credentials grant with the key as an
 * extra parameter): POST {base}/oauth/token, form grant_type=client_credentials, client_id, client_secret,
 * api_key. `redirect_uri` is not sent: one public client omits it and M2M has no redirect (UNCERTAIN
 * whether Procountor requires it).
 */
import type { AxiosInstance } from 'axios';
import { z } from 'zod';
import { createHttp } from '../../platform/http';
import type { PartnerCredentialSource, RequestRecorder } from '../context';
import { parseJson, tokenErrorFrom } from './errorBody';
import { ProcountorParseError, ProcountorTokenError } from './errors';
import { limiterFor, type SlidingWindowLimiter } from './rateLimit';
import type { Environment } from './settings';
import { TOKEN_MAX_RESPONSE_BYTES } from '../shared/limits';
import { send } from '../shared/transport';

export interface ProcountorEnvironment {
  readonly id: Environment;
  /** The API base, e.g. https://api.procountor.com/api. */
  readonly baseUrl: string;
}

export interface ExchangeOptions {
  readonly signal?: AbortSignal;
  readonly checkId?: string;
}

export interface ProcountorToken {
  readonly accessToken: string;
  /** Seconds the token is valid for, as Procountor said (3600 in practice). */
  readonly expiresIn: number;
}

/**
 * Exchanges an API key. Throws ProcountorTokenError when Procountor (or the broker, relaying it) refused,
 * ProcountorParseError for a body that is not a token answer, NetworkError without an answer.
 */
export interface ProcountorTokenExchange {
  exchange(apiKey: string, environment: ProcountorEnvironment, options?: ExchangeOptions): Promise<ProcountorToken>;
}

const tokenBody = z.looseObject({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().int().positive().optional(),
  token_type: z.string().optional(),
});

/** Without an expires_in, assume the documented hour. */
const DEFAULT_EXPIRES_IN = 3600;

export interface LocalExchangeOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly recorder?: RequestRecorder;
  readonly timeoutMs?: number;
  /** The client's rate limiter; by default the process-wide one of (host, client ID), which API calls share. */
  readonly limiter?: SlidingWindowLimiter;
}

/** Exchanges with partner credentials held in memory; private fields keep the secret out of JSON and logs. */
export class LocalTokenExchange implements ProcountorTokenExchange {
  readonly clientId: string;
  readonly #clientSecret: string;
  readonly #recorder: RequestRecorder | undefined;
  readonly #http: AxiosInstance;
  readonly #limiter: SlidingWindowLimiter | undefined;

  constructor(options: LocalExchangeOptions) {
    this.clientId = options.clientId;
    this.#clientSecret = options.clientSecret;
    this.#recorder = options.recorder;
    this.#limiter = options.limiter;
    this.#http = createHttp({ timeoutMs: options.timeoutMs ?? 30_000, userAgent: 'ExopenConnect' });
  }

  async exchange(apiKey: string, environment: ProcountorEnvironment, options: ExchangeOptions = {}): Promise<ProcountorToken> {
    // The token call counts against the same 20 requests/s as the API calls.
    await (this.#limiter ?? limiterFor(environment.baseUrl, this.clientId)).acquire(options.signal);
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: this.clientId, client_secret: this.#clientSecret, api_key: apiKey });
    const reply = await send(
      this.#http,
      { method: 'POST', url: `${environment.baseUrl}/oauth/token`, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, form },
      { ...options, recorder: this.#recorder, vendor: 'Procountor', maxBytes: TOKEN_MAX_RESPONSE_BYTES },
    );
    if (reply.status < 200 || reply.status > 299) throw this.#scrubbed(tokenErrorFrom(reply.status, reply.text), apiKey);
    let body: unknown;
    try {
      body = parseJson(reply.text);
    } catch (error) {
      if (error instanceof ProcountorParseError) throw error.withStatus(reply.status);
      throw error;
    }
    const parsed = tokenBody.safeParse(body);
    if (!parsed.success) throw new ProcountorParseError('unexpected-shape', 'the token answer has no access_token', reply.status);
    return { accessToken: parsed.data.access_token, expiresIn: parsed.data.expires_in ?? DEFAULT_EXPIRES_IN };
  }

  /** Defence in depth: should a server or proxy ever echo what we sent, it never reaches a message. */
  #scrubbed(error: ProcountorTokenError, apiKey: string): ProcountorTokenError {
    const scrub = (text: string) => [apiKey, this.#clientSecret].filter((secret) => secret.length >= 4).reduce((out, secret) => out.split(secret).join('[redacted]'), text);
    return new ProcountorTokenError(error.httpStatus, scrub(error.oauthError), scrub(error.description));
  }
}

export type ExchangeResult =
  | { readonly ok: true; readonly exchange: ProcountorTokenExchange; readonly clientId: string }
  | { readonly ok: false; readonly problem: 'missing' | 'incomplete' | 'unreadable'; readonly detail?: string };

/** A local exchange from `partnerCredentials.get('procountor')` → `{clientId, clientSecret}`. */
export async function exchangeFromCredentials(
  source: PartnerCredentialSource,
  options: { readonly recorder?: RequestRecorder; readonly timeoutMs?: number } = {},
): Promise<ExchangeResult> {
  let credentials: Readonly<Record<string, string>> | undefined;
  try {
    credentials = await source.get('procountor');
  } catch (error) {
    // A keychain failure is reported as a failed check with its reason rather than crashing the run.
    return { ok: false, problem: 'unreadable', detail: error instanceof Error ? error.name : 'unknown error' };
  }
  if (!credentials) return { ok: false, problem: 'missing' };
  const clientId = credentials['clientId']?.trim();
  const clientSecret = credentials['clientSecret'];
  if (!clientId || !clientSecret) return { ok: false, problem: 'incomplete' };
  return { ok: true, clientId, exchange: new LocalTokenExchange({ clientId, clientSecret, ...options }) };
}
