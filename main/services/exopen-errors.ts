/**
 * Backend failures as the bridge shows them: ExopenError codes become stable `E_EXOPEN_*` codes (so the
 * renderer can ask to sign in again, say "already connected", or show field errors); everything else
 * passes unchanged.
 */
import type { ErrorCode } from '../../preload/contract';
import { ExopenError, type ExopenErrorCode } from '../exopen';
import { AppError } from '../platform/errors';

/** One bridge code per backend code; a backend code added without one here does not compile. */
const BRIDGE_CODES: { readonly [K in ExopenErrorCode]: ErrorCode } = {
  validation: 'E_EXOPEN_VALIDATION',
  unauthorized: 'E_EXOPEN_UNAUTHORIZED',
  forbidden: 'E_EXOPEN_FORBIDDEN',
  'not-found': 'E_EXOPEN_NOT_FOUND',
  exists: 'E_EXOPEN_EXISTS',
  'not-configured': 'E_EXOPEN_NOT_CONFIGURED',
  upstream: 'E_EXOPEN_UPSTREAM',
  conflict: 'E_EXOPEN_CONFLICT',
  unavailable: 'E_EXOPEN_UNAVAILABLE',
  network: 'E_EXOPEN_NETWORK',
  protocol: 'E_EXOPEN_PROTOCOL',
};

export function fromExopenError(error: unknown): unknown {
  if (!(error instanceof ExopenError)) return error;
  const fieldErrors = error.fieldErrors.map((fieldError) => ({ field: fieldError.field.replace(/^(settings|secrets)\./, ''), message: fieldError.message }));
  return new AppError(BRIDGE_CODES[error.code], error.message, fieldErrors.length ? fieldErrors : undefined);
}

/** Runs a backend call and translates its failure. */
export async function viaExopen<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw fromExopenError(error);
  }
}
