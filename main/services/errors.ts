import type { FieldError } from '../connectors/types';

/**
 * A failure the user can act on. `code` is stable (the UI and tests switch on it); `message` is plain
 * English for logs and the CLI; `fieldErrors` name the field and the fix.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fieldErrors?: ReadonlyArray<FieldError>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
