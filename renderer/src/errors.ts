/**
 * What each error code means to the UI: one exhaustive table over the contract's ErrorCode, so a code added,
 * renamed or removed in preload/error-codes.ts does not compile until it is decided here. Every special
 * case of the UI reads this table (sign-in errors, an ended session, Exopen unreachable, already connected,
 * the user's own cancel, alert titles); no other list of codes exists in the renderer.
 *
 * Field problems are shown by their `fieldErrors`, whatever the code; `kind: 'fields'` marks the codes that
 * carry them.
 */
import { ERROR_CODES, type ErrorCode } from '../../preload/error-codes';

/**
 * - `session`: the Exopen session is gone; the UI forgets it and asks to sign in again, keeping everything typed.
 * - `sign-in`: a sign-in did not complete.
 * - `cancelled`: the person stopped it; said quietly, and not at all right after they pressed Cancel.
 * - `unreachable`: Exopen, or the assistant's own service, did not answer; worth trying again later.
 * - `exists`: Exopen already has it (the credential's data source).
 * - `fields`: values to fix; the `fieldErrors` name each field.
 * - `problem`: a failure the message explains.
 * - `internal`: a bug or an unexpected failure; the message and code are for support.
 */
export type ErrorKind = 'session' | 'sign-in' | 'cancelled' | 'unreachable' | 'exists' | 'fields' | 'problem' | 'internal';

/** The alert's severity where the UI shows a code by what it means (the sign-in panel, the hand-off). */
export type ErrorSeverity = 'error' | 'warning' | 'info';

export interface ErrorMeaning {
  readonly kind: ErrorKind;
  readonly severity: ErrorSeverity;
  /** `errors.codes.<code>` (app.json) titles the alert; otherwise the generic title. */
  readonly title?: true;
  /** `signIn.errors.<code>` (app.json) says what to do; otherwise main's message and the generic advice. */
  readonly signIn?: true;
}

const PROBLEM: ErrorMeaning = { kind: 'problem', severity: 'error' };
const INTERNAL: ErrorMeaning = { kind: 'internal', severity: 'error' };
const FIELDS: ErrorMeaning = { kind: 'fields', severity: 'error' };
const SIGN_IN: ErrorMeaning = { kind: 'sign-in', severity: 'error', signIn: true };
const UNREACHABLE: ErrorMeaning = { kind: 'unreachable', severity: 'warning', title: true };
const titled = (meaning: ErrorMeaning): ErrorMeaning => ({ ...meaning, title: true });
/** A vendor's limit (connectors/shared/limits.ts): titled by what ran out; main's message names vendor, resource and figure. */
const VENDOR_LIMIT: ErrorMeaning = titled(PROBLEM);

export const ERROR_MEANINGS: { readonly [Code in ErrorCode]: ErrorMeaning } = {
  // Bridge and dispatch
  E_INTERNAL: INTERNAL,
  E_UNKNOWN_CALL: INTERNAL,
  E_BAD_INPUT: INTERNAL,
  E_FOREIGN_SENDER: INTERNAL,
  // The renderer's own
  E_TRANSPORT: UNREACHABLE,
  E_UNEXPECTED: titled(INTERNAL),
  E_WEB_SESSION: titled(PROBLEM),
  // Systems and drafts
  E_UNKNOWN_SYSTEM: PROBLEM,
  E_NO_DRAFT: titled(PROBLEM),
  E_DRAFT_INVALID: PROBLEM,
  E_DRAFT_CORRUPT: PROBLEM,
  E_NOT_SECRET: INTERNAL,
  // Secrets
  E_KEYCHAIN: PROBLEM,
  E_KEYCHAIN_LOCKED: titled(PROBLEM),
  E_KEYCHAIN_TIMEOUT: PROBLEM,
  E_KEYCHAIN_UNAVAILABLE: PROBLEM,
  E_SECRET_VALUE: PROBLEM,
  // Checks
  E_INVALID_FIELDS: titled(FIELDS),
  E_BUSY: PROBLEM,
  E_UNKNOWN_CHECK: INTERNAL,
  // A vendor limit ran out: main's message names the vendor, the resource and the figure
  E_VENDOR_DEADLINE: VENDOR_LIMIT,
  E_CIRCUIT_OPEN: VENDOR_LIMIT,
  E_RESPONSE_TOO_LARGE: VENDOR_LIMIT,
  E_RATE_LIMITED: VENDOR_LIMIT,
  // The partner broker
  E_BROKER_REFUSED: PROBLEM,
  E_BROKER_UPSTREAM_UNAVAILABLE: PROBLEM,
  // Handoff and bulk connect
  E_NOT_VERIFIED: PROBLEM,
  E_NO_COMPANIES: PROBLEM,
  E_OTHER_COMPANY: PROBLEM,
  E_NO_DOMAIN: PROBLEM,
  E_NOT_BULK: PROBLEM,
  E_NO_COMPANY_CONNECTED: PROBLEM,
  E_UNKNOWN_COMPANY: PROBLEM,
  E_CONNECTOR_INVALID_FIELDS: FIELDS,
  // Exopen sign-in
  E_AUTH_BUSY: SIGN_IN,
  E_AUTH_BROWSER: SIGN_IN,
  E_AUTH_CANCELLED: { kind: 'cancelled', severity: 'info', signIn: true },
  E_AUTH_CONFIG: SIGN_IN,
  E_AUTH_DENIED: SIGN_IN,
  E_AUTH_EXCHANGE: SIGN_IN,
  E_AUTH_PORT: SIGN_IN,
  E_AUTH_PROVIDER: SIGN_IN,
  E_AUTH_REQUIRED: { kind: 'session', severity: 'error', title: true },
  E_AUTH_STATE: SIGN_IN,
  E_AUTH_TIMEOUT: SIGN_IN,
  E_AUTH_UNREACHABLE: SIGN_IN,
  // The Exopen backend
  E_EXOPEN_VALIDATION: titled(FIELDS),
  E_EXOPEN_UNAUTHORIZED: { kind: 'session', severity: 'error', title: true },
  E_EXOPEN_FORBIDDEN: PROBLEM,
  E_EXOPEN_NOT_FOUND: PROBLEM,
  E_EXOPEN_EXISTS: { kind: 'exists', severity: 'info', title: true },
  E_EXOPEN_NOT_CONFIGURED: PROBLEM,
  E_EXOPEN_UPSTREAM: PROBLEM,
  E_EXOPEN_CONFLICT: PROBLEM,
  E_EXOPEN_UNAVAILABLE: UNREACHABLE,
  E_EXOPEN_NETWORK: UNREACHABLE,
  E_EXOPEN_PROTOCOL: PROBLEM,
  // Diagnose and the support bundle
  E_NO_DIAGNOSIS: titled(PROBLEM),
  E_NOT_SANDBOX: PROBLEM,
  E_UNKNOWN_PROBLEM: PROBLEM,
  E_BUNDLE_SECRET_FOUND: titled(PROBLEM),
  // The task pack as PDF
  E_PDF_UNAVAILABLE: titled(PROBLEM),
  E_PDF_FAILED: titled(PROBLEM),
  E_PDF_TIMEOUT: titled(PROBLEM),
  // Links
  E_LINK_NOT_ALLOWED: PROBLEM,
  E_OPEN_EXTERNAL_FAILED: PROBLEM,
  // Settings
  E_CONFIG_INVALID: PROBLEM,
  E_CONFIG_CORRUPT: PROBLEM,
  E_LOG_UNAVAILABLE: PROBLEM,
};

/** The code's meaning. toUiError lets only listed codes into the store; anything else would read as internal. */
export const meaningOf = (code: ErrorCode): ErrorMeaning => ERROR_MEANINGS[code] ?? INTERNAL;

/** The codes whose meaning passes `test`, in ERROR_CODES order. */
export const codesWhere = (test: (meaning: ErrorMeaning) => boolean): ReadonlyArray<ErrorCode> =>
  ERROR_CODES.filter((code) => test(ERROR_MEANINGS[code]));
