/**
 * What a failure means and how to fix it, as translatable messages, with Procountor's own words kept
 * verbatim (VendorText) beside our explanation.
 */
import { NetworkError } from '../../platform/http';
import type { FailureKind, VendorText } from '../types';
import { pair, type Diagnosis } from '../shared/diagnosis';
import type { ApiKeyInfo } from './apiKey';
import { EXOPEN_CLIENT_ID } from './clientId';
import { ProcountorApiError, ProcountorBrokerUnreachableError, ProcountorParseError, ProcountorTokenError } from './errors';
import { classifyTokenFailure } from './tokenFailure';
import { networkExplanation, RateLimitedError } from '../shared/limits';

/** Facts about the setup that sharpen an explanation. */
export interface DiagnosisContext {
  readonly host: string;
  readonly customUrl: boolean;
  readonly apiKey: ApiKeyInfo;
}

export type CheckFailure = ProcountorApiError | ProcountorParseError | ProcountorTokenError | ProcountorBrokerUnreachableError | NetworkError;

export const isCheckFailure = (error: unknown): error is CheckFailure =>
  error instanceof ProcountorApiError ||
  error instanceof ProcountorParseError ||
  error instanceof ProcountorTokenError ||
  error instanceof ProcountorBrokerUnreachableError ||
  error instanceof NetworkError;

export function vendorText(error: ProcountorApiError | ProcountorTokenError): VendorText {
  if (error instanceof ProcountorTokenError) {
    return { ...(error.oauthError ? { code: error.oauthError } : {}), text: error.description || error.verbatim, httpStatus: error.httpStatus };
  }
  return { text: error.verbatim || `HTTP ${error.httpStatus}`, httpStatus: error.httpStatus };
}


export function diagnoseToken(error: ProcountorTokenError, context: DiagnosisContext): Diagnosis {
  const failure = classifyTokenFailure(error, context.apiKey, context.host);
  const vendor = vendorText(error);
  const base = 'procountor:diagnosis.token';
  const params = { host: context.host, clientId: EXOPEN_CLIENT_ID };
  switch (failure.kind) {
    case 'client':
      return { kind: 'input', vendor, ...pair(`${base}.client`, params) };
    case 'foreign':
      return failure.audience === undefined
        ? { kind: 'input', vendor, ...pair(`${base}.foreign`, params) }
        : { kind: 'input', vendor, ...pair(`${base}.foreignNamed`, { ...params, audience: failure.audience }) };
    case 'environment':
      return { kind: 'input', vendor, ...pair(`${base}.environment`, { ...params, issuer: failure.issuer }) };
    case 'revoked':
      return { kind: 'customer-action', vendor, ...pair(`${base}.revoked`, params) };
    case 'malformed':
      return { kind: 'input', vendor, ...pair(`${base}.malformed`, params) };
    case 'throttled':
      return { kind: 'unreachable', vendor, ...pair('procountor:diagnosis.api.throttled', params) };
    case 'server':
      return { kind: 'unreachable', vendor, ...pair('procountor:diagnosis.api.server', { ...params, httpStatus: error.httpStatus }) };
    case 'rejected':
      return { kind: 'input', vendor, ...pair(`${base}.rejected`, params) };
  }
}

function apiKeyFor(status: number): { key: string; kind: FailureKind } {
  if (status === 401) return { key: 'tokenRefused', kind: 'input' };
  if (status === 403) return { key: 'forbidden', kind: 'customer-action' };
  if (status === 404) return { key: 'notFound', kind: 'input' };
  if (status === 429) return { key: 'throttled', kind: 'unreachable' };
  if (status >= 500) return { key: 'server', kind: 'unreachable' };
  return { key: 'unexpected', kind: 'unreachable' };
}

function diagnoseApi(error: ProcountorApiError, context: DiagnosisContext): Diagnosis {
  const { key, kind } = apiKeyFor(error.httpStatus);
  return { kind, vendor: vendorText(error), ...pair(`procountor:diagnosis.api.${key}`, { host: context.host, httpStatus: error.httpStatus }) };
}

function diagnoseParse(error: ProcountorParseError, context: DiagnosisContext): Diagnosis {
  const base = context.customUrl ? 'procountor:diagnosis.parse.custom' : 'procountor:diagnosis.parse.official';
  return { kind: context.customUrl ? 'input' : 'unreachable', ...pair(base, { host: context.host, httpStatus: error.httpStatus ?? 0 }) };
}

/** Explains any failure of a Procountor request. */
export function diagnose(error: CheckFailure, context: DiagnosisContext): Diagnosis {
  if (error instanceof ProcountorTokenError) return diagnoseToken(error, context);
  if (error instanceof ProcountorApiError) return diagnoseApi(error, context);
  if (error instanceof ProcountorParseError) return diagnoseParse(error, context);
  if (error instanceof ProcountorBrokerUnreachableError) return { kind: 'unreachable', ...pair('procountor:diagnosis.broker.unreachable', { host: context.host }) };
  // Procountor answered (429), asking for longer than we wait: its throttling, not an unreachable host.
  if (error instanceof RateLimitedError) return { kind: 'unreachable', ...pair('procountor:diagnosis.api.rateLimited', { ...error.params, host: context.host }) };
  const { key, params } = networkExplanation(error);
  return { kind: 'unreachable', ...pair(`procountor:diagnosis.network.${key}`, { ...params, host: context.host }) };
}
