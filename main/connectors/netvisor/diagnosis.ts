/**
 * What a failure means and how to fix it, as translatable messages. Every Netvisor failure keeps the
 * vendor's words verbatim (VendorText) next to our explanation, as Netvisor asks integrators to do.
 */
import { NetworkError } from '../../platform/http';
import { msg, type FailureKind, type VendorText } from '../types';
import { pair, type Diagnosis } from '../shared/diagnosis';
import { classifyAuthFailure } from './authFailure';
import { networkExplanation } from '../shared/limits';
import { NetvisorApiError, NetvisorParseError, type NetvisorErrorCode } from './errors';

/** Facts about the setup that sharpen an explanation (the host we talked to, the company we asked for). */
export interface DiagnosisContext {
  readonly host: string;
  readonly businessId: string;
  readonly customUrl: boolean;
}

export type CheckFailure = NetvisorApiError | NetvisorParseError | NetworkError;

export const isCheckFailure = (error: unknown): error is CheckFailure =>
  error instanceof NetvisorApiError || error instanceof NetvisorParseError || error instanceof NetworkError;

export const vendorText = (error: NetvisorApiError): VendorText => ({
  code: error.rawCode,
  text: error.verbatim,
  httpStatus: error.httpStatus,
});


const CODE_KEYS: { readonly [K in NetvisorErrorCode]: { readonly key: string; readonly kind: FailureKind } } = {
  AUTHENTICATION_FAILED: { key: 'wrongKeys', kind: 'input' },
  INVALID_DATA: { key: 'invalidData', kind: 'unreachable' },
  INVALID_DATA_SIZE: { key: 'invalidData', kind: 'unreachable' },
  DUPLICATE_DATA: { key: 'unexpected', kind: 'unreachable' },
  PERIOD_LOCK: { key: 'unexpected', kind: 'unreachable' },
  REQUEST_NOT_UNIQUE: { key: 'notUnique', kind: 'unreachable' },
  SERVICE_ACCESS_ERROR: { key: 'accessDenied', kind: 'customer-action' },
  SYSTEM_MAINTENANCE: { key: 'maintenance', kind: 'unreachable' },
  TECHNICAL_ERROR: { key: 'technical', kind: 'unreachable' },
  UNKNOWN: { key: 'unexpected', kind: 'unreachable' },
};

export function diagnoseAuthentication(error: NetvisorApiError, context: DiagnosisContext): Diagnosis {
  const failure = classifyAuthFailure(error);
  const vendor = vendorText(error);
  switch (failure.kind) {
    case 'unknown-partner':
      return { kind: 'input', vendor, ...pair('netvisor:diagnosis.auth.unknownPartner', { host: context.host }) };
    case 'clock-skew':
      return {
        kind: 'customer-action',
        vendor,
        meaning: msg(`netvisor:diagnosis.auth.clock.${failure.direction}`, { count: failure.minutes }),
        fix: msg('netvisor:diagnosis.auth.clock.fix'),
      };
    case 'timestamp':
      return { kind: 'customer-action', vendor, ...pair('netvisor:diagnosis.auth.timestamp') };
    case 'mac-url':
      return { kind: context.customUrl ? 'input' : 'unreachable', vendor, ...pair('netvisor:diagnosis.auth.macUrl', { host: context.host }) };
    case 'no-company':
      return { kind: 'input', vendor, ...pair('netvisor:diagnosis.auth.noCompany', { businessId: context.businessId }) };
    case 'wrong-keys':
      return { kind: 'input', vendor, ...pair('netvisor:diagnosis.auth.wrongKeys') };
  }
}

function diagnoseApi(error: NetvisorApiError, context: DiagnosisContext): Diagnosis {
  if (error.vendorCode === 'AUTHENTICATION_FAILED') return diagnoseAuthentication(error, context);
  const { key, kind } = CODE_KEYS[error.vendorCode];
  return { kind, vendor: vendorText(error), ...pair(`netvisor:diagnosis.code.${key}`, { code: error.rawCode, host: context.host }) };
}

function diagnoseNetwork(error: NetworkError, context: DiagnosisContext): Diagnosis {
  const { key, params } = networkExplanation(error);
  return { kind: 'unreachable', ...pair(`netvisor:diagnosis.network.${key}`, { ...params, host: context.host }) };
}

function diagnoseParse(error: NetvisorParseError, context: DiagnosisContext): Diagnosis {
  const base = context.customUrl ? 'netvisor:diagnosis.parse.custom' : 'netvisor:diagnosis.parse.official';
  return {
    kind: context.customUrl ? 'input' : 'unreachable',
    ...pair(base, { host: context.host, httpStatus: error.httpStatus ?? 0 }),
  };
}

/** Explains any failure of a Netvisor request. */
export function diagnose(error: CheckFailure, context: DiagnosisContext): Diagnosis {
  if (error instanceof NetvisorApiError) return diagnoseApi(error, context);
  if (error instanceof NetvisorParseError) return diagnoseParse(error, context);
  return diagnoseNetwork(error, context);
}
