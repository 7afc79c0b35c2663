/**
 * A failure the user can act on. `code` is stable (the UI and tests switch on it); `message` is plain
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
    readonly code: string,
    message: string,
    readonly fieldErrors?: ReadonlyArray<AppFieldError>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
