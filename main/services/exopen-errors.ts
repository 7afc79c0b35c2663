/**
 * Backend failures as the bridge shows them: ExopenError codes become stable `E_EXOPEN_*` codes (so the
 * renderer can ask to sign in again, say "already connected", or show field errors); everything else
 * passes unchanged.
 */
import { ExopenError } from '../exopen';
import { AppError } from '../platform/errors';

export function fromExopenError(error: unknown): unknown {
  if (!(error instanceof ExopenError)) return error;
  const fieldErrors = error.fieldErrors.map((fieldError) => ({ field: fieldError.field.replace(/^(settings|secrets)\./, ''), message: fieldError.message }));
  return new AppError(`E_EXOPEN_${error.code.toUpperCase().replace(/-/g, '_')}`, error.message, fieldErrors.length ? fieldErrors : undefined);
}

/** Runs a backend call and translates its failure. */
export async function viaExopen<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw fromExopenError(error);
  }
}
