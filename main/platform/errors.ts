import type { ErrorCode } from '../../preload/error-codes';

/**
 * A failure the user can act on. `code` is stable, one of the contract's ERROR_CODES (the UI and tests
 * switch on it; an unknown code does not compile); `message` is plain
 * English for logs and the CLI; `fieldErrors` name the field and the fix.
 *
 * It lives in platform (every layer above throws it: services, auth, electron), so it cannot name
 * connectors/types' FieldError; AppFieldError is the same shape written out (a field id and an i18n message),
 * and a connector's FieldError is assignable to it as is.
 */
export interface AppFieldError {
  readonly field: string;
  readonly message: { readonly key: string; readonly params?: Readonly<Record<string, string | number>> };
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: ReadonlyArray<AppFieldError>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
