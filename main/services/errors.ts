import type { ErrorCode } from '../../preload/error-codes';
import type { FieldError } from '../connectors/types';

/**
 * A failure the user can act on. `code` is stable, one of the contract's ERROR_CODES (the UI and tests
 * switch on it; an unknown code does not compile); `message` is plain English for logs and the CLI;
 * `fieldErrors` name the field and the fix.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: ReadonlyArray<FieldError>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
