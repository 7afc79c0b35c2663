/**
 * What a failure means and how to fix it, as translatable messages, with Vitec's own words kept verbatim
 * beside them. The error kinds come from assumedApi (SPECULATIVE), so these explanations hold whatever the
 * real statuses turn out to be, as long as assumedApi maps them onto the same kinds.
 */
import { NetworkError } from '../../platform/http';
import type { FailureKind, VendorText } from '../types';
import { pair, type Diagnosis } from '../shared/diagnosis';
import type { AssumedErrorKind } from './assumedApi';
import { VitecApiError, VitecParseError } from './errors';
import { networkExplanation } from '../shared/limits';

/** Facts about the setup that sharpen an explanation. */
export interface DiagnosisContext {
  readonly host: string;
  readonly subdomain: string;
  readonly username: string;
  readonly integrationId: string;
  /** The password starts or ends with whitespace: a likely paste slip when Vitec says "wrong password". */
  readonly passwordHasEdgeSpaces: boolean;
}

export type CheckFailure = VitecApiError | VitecParseError | NetworkError;

export const isCheckFailure = (error: unknown): error is CheckFailure =>
  error instanceof VitecApiError || error instanceof VitecParseError || error instanceof NetworkError;

export const vendorText = (error: VitecApiError): VendorText => ({
  ...(error.vendorCode ? { code: error.vendorCode } : {}),
  text: error.verbatim,
  httpStatus: error.httpStatus,
});


const API_KEYS: { readonly [K in AssumedErrorKind]: { readonly key: string; readonly kind: FailureKind } } = {
  invalidCredentials: { key: 'login.wrongCredentials', kind: 'input' },
  userLocked: { key: 'login.locked', kind: 'customer-action' },
  passwordExpired: { key: 'login.expired', kind: 'customer-action' },
  unknownDomain: { key: 'domain.unknown', kind: 'input' },
  unknownIntegration: { key: 'integration.unknown', kind: 'input' },
  forbidden: { key: 'api.forbidden', kind: 'customer-action' },
  companyUnavailable: { key: 'api.companyUnavailable', kind: 'unreachable' },
  notFound: { key: 'api.notFound', kind: 'unreachable' },
  server: { key: 'api.server', kind: 'unreachable' },
  other: { key: 'api.unexpected', kind: 'unreachable' },
};

function diagnoseApi(error: VitecApiError, context: DiagnosisContext): Diagnosis {
  const { key, kind } = API_KEYS[error.kind];
  const spaces = error.kind === 'invalidCredentials' && context.passwordHasEdgeSpaces ? 'Spaces' : '';
  const { host, subdomain, username, integrationId } = context;
  return { kind, vendor: vendorText(error), ...pair(`vitec:diagnosis.${key}${spaces}`, { host, subdomain, username, integrationId, httpStatus: error.httpStatus }) };
}

/** Explains any failure of a Vitec request. */
export function diagnose(error: CheckFailure, context: DiagnosisContext): Diagnosis {
  if (error instanceof VitecApiError) return diagnoseApi(error, context);
  if (error instanceof VitecParseError) return { kind: 'unreachable', ...pair('vitec:diagnosis.parse', { host: context.host, httpStatus: error.httpStatus }) };
  const { key, params } = networkExplanation(error);
  return { kind: 'unreachable', ...pair(`vitec:diagnosis.network.${key}`, { ...params, host: context.host, subdomain: context.subdomain }) };
}
