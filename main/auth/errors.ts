/**
 * The typed failures of signing in to Exopen. Codes are stable (the UI and tests switch on them); messages
 * are plain English and say what to do. None of them ever contains a token, a code or the PKCE verifier.
 */
import type { ErrorCode } from '../../preload/error-codes';
import { AppError } from '../platform/errors';

/** The sign-in's codes: the E_AUTH_ part of the contract's ERROR_CODES. */
export type AuthErrorCode = Extract<ErrorCode, `E_AUTH_${string}`>;

/** An AppError with an E_AUTH_ code and the underlying failure kept as `cause` for the log (it is redacted there). */
export class AuthError extends AppError {
  declare readonly code: AuthErrorCode;

  constructor(code: AuthErrorCode, message: string, cause?: unknown) {
    super(code, message);
    this.name = 'AuthError';
    if (cause !== undefined) this.cause = cause;
  }
}

export const isAuthError = (error: unknown, code?: AuthErrorCode): error is AuthError =>
  error instanceof AuthError && (code === undefined || error.code === code);

const duration = (ms: number): string => {
  if (ms < 60_000) {
    const seconds = Math.max(1, Math.round(ms / 1000));
    return seconds === 1 ? '1 second' : `${seconds} seconds`;
  }
  const minutes = Math.round(ms / 60_000);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
};

/** The messages in one place, so that their wording stays consistent. */
export const authErrors = {
  busy: () => new AuthError('E_AUTH_BUSY', 'A sign-in to Exopen is already in progress. Finish it in your browser, or cancel it before starting again.'),
  browser: (cause: unknown) =>
    new AuthError('E_AUTH_BROWSER', 'Your web browser could not be opened for the Exopen sign-in. Check that a default browser is set, then try again.', cause),
  cancelled: () => new AuthError('E_AUTH_CANCELLED', 'The sign-in to Exopen was cancelled.'),
  config: (detail: string) => new AuthError('E_AUTH_CONFIG', `The Exopen sign-in is not configured correctly: ${detail}. Check the Exopen environment in Settings.`),
  denied: () =>
    new AuthError('E_AUTH_DENIED', 'The sign-in was cancelled or refused in the browser. Start signing in again when you are ready, with an account that may use Exopen.'),
  exchange: (cause: unknown) =>
    new AuthError('E_AUTH_EXCHANGE', "Exopen's sign-in service did not accept this sign-in (it may have been used already or expired). Start signing in again.", cause),
  port: (port: number, reason: 'in-use' | 'denied', cause: unknown) =>
    new AuthError(
      'E_AUTH_PORT',
      reason === 'in-use'
        ? `Port ${port} on 127.0.0.1 is already in use by another program, so the sign-in answer cannot be received. Close that program, or choose another sign-in port.`
        : `The assistant is not allowed to listen on port ${port} on 127.0.0.1 for the sign-in answer. Choose another sign-in port.`,
      cause,
    ),
  provider: (error: string) =>
    new AuthError('E_AUTH_PROVIDER', `Exopen's sign-in service refused the sign-in (${error}). Try again; if it keeps happening, contact Exopen support with this code.`),
  required: (cause?: unknown) => new AuthError('E_AUTH_REQUIRED', 'You are not signed in to Exopen, or your sign-in has expired. Sign in again.', cause),
  state: () =>
    new AuthError(
      'E_AUTH_STATE',
      'The sign-in answer did not belong to this sign-in attempt, so it was not used. Start signing in again; if this repeats, another program may be interfering with the sign-in.',
    ),
  timeout: (ms: number) =>
    new AuthError('E_AUTH_TIMEOUT', `The sign-in was not completed within ${duration(ms)}. Start signing in again and finish it in the browser window that opens.`),
  unreachable: (issuer: string, detail: string, cause: unknown) =>
    new AuthError('E_AUTH_UNREACHABLE', `Exopen's sign-in service at ${issuer} could not be reached (${detail}). Check your internet connection, proxy or firewall, then try again.`, cause),
} as const;
