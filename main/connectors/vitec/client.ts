/**
 * The Vitec Ekonomi client: JSON GETs against one installation, parsed into data or typed errors. Paths,
 * auth and shapes come from assumedApi (SPECULATIVE). It never retries: the checks decide what a failure means.
 */
import type { AxiosInstance } from 'axios';
import type { z } from 'zod';
import { createHttp } from '../../platform/http';
import type { RequestRecorder } from '../context';
import {
  API_PATHS, COMPANY_PAGE_SIZE, QUERY, basicAuthorization, basicCredentials, classifyError, companyBody, companyPageBody, datasetBody, hasNextPage,
  installationBaseUrl, installationHeaders, integrationBody, meBody, revisionPageBody,
  type CompanyBody, type Dataset, type DatasetBody, type Installation, type IntegrationBody, type MeBody, type RevisionPageBody,
} from './assumedApi';
import { VitecApiError, VitecParseError } from './errors';
import { send, type RawReply, type SendOptions } from '../shared/transport';

/** UNCERTAIN: Vitec publishes no timeouts or limits; 30 s leaves room for large company lists. */
export const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_VERBATIM = 500;

export interface VitecClientOptions {
  readonly installation: Installation;
  readonly username: string;
  readonly password: string;
  readonly timeoutMs?: number;
  readonly recorder?: RequestRecorder;
}

type Query = Readonly<Record<string, string>>;

export class VitecClient {
  readonly #options: VitecClientOptions;
  readonly #http: AxiosInstance;

  constructor(options: VitecClientOptions) {
    this.#options = options;
    this.#http = createHttp({ timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, userAgent: 'ExopenConnect' });
  }

  /** Unauthenticated: any answer proves the host exists, except Vitec's own "no such installation". */
  async ping(options: SendOptions = {}): Promise<{ readonly httpStatus: number }> {
    const reply = await this.#send(API_PATHS.status, {}, false, options);
    if (classifyError(reply.status, reply.text).kind === 'unknownDomain') throw this.#apiError(reply);
    return { httpStatus: reply.status };
  }

  me(options: SendOptions = {}): Promise<MeBody> {
    return this.#json(meBody, API_PATHS.me, {}, options);
  }

  /** Every company the user reaches, inactive ones included, across all pages. */
  async companies(options: SendOptions = {}): Promise<ReadonlyArray<CompanyBody>> {
    const all: CompanyBody[] = [];
    for (let page = 1; ; page++) {
      const query = { [QUERY.includeInactive]: 'true', [QUERY.page]: String(page), [QUERY.pageSize]: String(COMPANY_PAGE_SIZE) };
      const body = await this.#json(companyPageBody, API_PATHS.companies, query, options);
      all.push(...body.companies);
      if (!hasNextPage(body) || body.companies.length === 0) return all;
    }
  }

  company(companyId: string, options: SendOptions = {}): Promise<CompanyBody> {
    return this.#json(companyBody, API_PATHS.company(companyId), {}, options);
  }

  integration(integrationId: string, options: SendOptions = {}): Promise<IntegrationBody> {
    return this.#json(integrationBody, API_PATHS.integration(integrationId), {}, options);
  }

  revisions(companyId: string, integrationId: string, fromRevision: number, options: SendOptions = {}): Promise<RevisionPageBody> {
    const query = { [QUERY.integrationId]: integrationId, [QUERY.fromRevision]: String(fromRevision) };
    return this.#json(revisionPageBody, API_PATHS.revisions(companyId), query, options);
  }

  async dataset(companyId: string, dataset: Dataset, query: Query = {}, options: SendOptions = {}): Promise<DatasetBody['items']> {
    return (await this.#json(datasetBody, API_PATHS.dataset(companyId, dataset), query, options)).items;
  }

  async #json<T>(schema: z.ZodType<T>, path: string, query: Query, options: SendOptions): Promise<T> {
    const reply = await this.#send(path, query, true, options);
    if (reply.status < 200 || reply.status >= 300) throw this.#apiError(reply);
    let value: unknown;
    try {
      value = JSON.parse(reply.text);
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      throw new VitecParseError('not-json', this.#scrub(reply.text.slice(0, 80)), reply.status);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new VitecParseError('shape', parsed.error.issues.map((issue) => issue.path.join('.') || 'body').join(', '), reply.status);
    return parsed.data;
  }

  #send(path: string, query: Query, authenticated: boolean, options: SendOptions): Promise<RawReply> {
    const { installation, username, password, recorder } = this.#options;
    const url = new URL(path, installationBaseUrl(installation));
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    const headers = { ...installationHeaders(installation), ...(authenticated ? { Authorization: basicAuthorization(username, password) } : {}) };
    return send(this.#http, { method: 'GET', url: url.href, headers }, { ...options, vendor: 'Vitec Ekonomi', ...(recorder ? { recorder } : {}) });
  }

  #apiError(reply: RawReply): VitecApiError {
    const { kind, body } = classifyError(reply.status, reply.text);
    return new VitecApiError(kind, reply.status, body?.error, this.#scrub(body?.message ?? reply.text.slice(0, MAX_VERBATIM)));
  }

  /** Vendor text is shown and exported: never let an echoed password (or its Basic form) through. */
  #scrub(text: string): string {
    const { username, password } = this.#options;
    const secrets = [password, basicCredentials(username, password)].filter((secret) => secret.length >= 4);
    return secrets.reduce((clean, secret) => clean.split(secret).join('••••'), text);
  }
}
