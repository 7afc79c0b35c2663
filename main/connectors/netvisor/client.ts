/**
 * The Netvisor web-service client: signed GETs of `*.nv` resources, one at a time per customer, parsed into
 * data or typed errors. It never retries by itself: the checks decide what a failure means.
 */
import type { AxiosInstance } from 'axios';
import { createHttp } from '../../platform/http';
import type { RequestRecorder } from '../context';
import { parseEnvelope, type XmlObject } from './envelope';
import type { ServerTime } from './errors';
import { authHeaders, type Identity } from './headers';
import { queueKey, serialised } from './queue';
import { send, serverTimeOf } from '../shared/transport';
import { resourceUrl } from './urls';

/** Netvisor asks for at least 120 000 ms: some reads take minutes on large companies. */
export const DEFAULT_TIMEOUT_MS = 120_000;

export interface NetvisorClientOptions extends Identity {
  readonly baseUrl: string;
  readonly timeoutMs?: number;
  readonly recorder?: RequestRecorder;
  /** Local clock (tests); the Timestamp headers and the skew diagnosis read it. */
  readonly now?: () => number;
}

export interface RequestOptions {
  readonly signal?: AbortSignal;
  /** Which check made the request, for the Diagnose timeline. */
  readonly checkId?: string;
}

export interface NetvisorReply {
  readonly data: XmlObject;
  readonly httpStatus: number;
  readonly serverTime?: ServerTime;
}

export class NetvisorClient {
  readonly #options: NetvisorClientOptions;
  readonly #http: AxiosInstance;
  readonly #now: () => number;

  constructor(options: NetvisorClientOptions) {
    this.#options = options;
    this.#http = createHttp({ timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, userAgent: 'ExopenConnect' });
    this.#now = options.now ?? Date.now;
  }

  /** Signed GET of one resource. Throws NetvisorApiError, NetvisorParseError or NetworkError. */
  get(resource: string, params: Readonly<Record<string, string>> = {}, options: RequestOptions = {}): Promise<NetvisorReply> {
    const url = resourceUrl(this.#options.baseUrl, resource, params);
    return serialised(queueKey(this.#options.baseUrl, this.#options.customerId), async () => {
      const headers = await authHeaders(url, this.#options, this.#now());
      const response = await send(this.#http, { method: 'GET', url, headers, read: 'bytes' }, { ...options, recorder: this.#options.recorder, vendor: 'Netvisor' });
      const serverTime = serverTimeOf(response, this.#now());
      const envelope = parseEnvelope(response.bytes, response.status);
      if (!envelope.ok) throw envelope.error.withContext(response.status, serverTime);
      return { data: envelope.data, httpStatus: response.status, ...(serverTime ? { serverTime } : {}) };
    });
  }
}

/** Unsigned GET of the host root: any HTTP answer at all proves DNS, TCP and TLS work. */
export async function pingHost(
  baseUrl: string,
  options: RequestOptions & { readonly timeoutMs?: number; readonly recorder?: RequestRecorder },
): Promise<{ readonly httpStatus: number }> {
  const http = createHttp({ timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, userAgent: 'ExopenConnect' });
  const response = await send(http, { method: 'GET', url: new URL('/', baseUrl).href, headers: {}, read: 'bytes' }, { ...options, vendor: 'Netvisor' });
  return { httpStatus: response.status };
}
