/**
 * Every error code a failed bridge call can carry, as plain data: one union type (`ErrorCode`) for main's
 * AppError, the contract's BridgeError, the bridge's BridgeCallError and the renderer's UiError, so a
 * renamed or misspelt code is a build error. The renderer decides what each code means to the UI in one
 * exhaustive table (renderer/src/errors.ts). No imports here, so the renderer bundle can load it without zod.
 *
 * A code belongs here when it can reach the renderer: main throws it from a handler (dispatch.ts passes it
 * through), a host answers it (IPC wrapper, web host), or the renderer makes it itself. dispatch.ts checks a
 * thrown code against this list at run time; any other code becomes E_INTERNAL, its message logged in main
 * only. tests/unit/contract/error-codes.test.ts scans main/, preload/ and renderer/: every `E_…` literal must
 * be listed here or in INTERNAL_ERROR_CODES, and every code here must be used outside this file and the
 * renderer's table.
 */
export const ERROR_CODES = [
  // Bridge and dispatch (main/services/dispatch.ts, main/electron/ipc.ts, main/hosts/web/server.ts)
  'E_INTERNAL', // anything untyped; its details stay in main's log
  'E_UNKNOWN_CALL',
  'E_BAD_INPUT', // the payload failed the contract's schema, or the web host could not read the body
  'E_FOREIGN_SENDER', // an IPC call from a frame other than the assistant's window

  // The renderer's own: never sent by main
  'E_TRANSPORT', // renderer/src/webTransport.ts: no answer from the web host, or not an envelope
  'E_UNEXPECTED', // a failure in the renderer that is not a bridge error (store/api.ts toUiError)
  'E_WEB_SESSION', // renderer/src/webTransport.ts: this browser tab has no web-host session (new tab, restarted host)

  // Systems and drafts (services/drafts.ts, draft-handlers.ts, account.ts; the renderer's setupLaunch.ts)
  'E_UNKNOWN_SYSTEM',
  'E_NO_DRAFT',
  'E_DRAFT_INVALID',
  'E_DRAFT_CORRUPT', // the saved draft was set aside (a StartupNotice: services/drafts.ts, services/notices.ts)
  'E_NOT_SECRET',

  // Secrets: the keychain (platform/keytar.ts, platform/secrets.ts)
  'E_KEYCHAIN',
  'E_KEYCHAIN_LOCKED', // the keyring exists but is locked: unlock it (platform/keytar.ts)
  'E_KEYCHAIN_TIMEOUT',
  'E_KEYCHAIN_UNAVAILABLE',
  'E_SECRET_VALUE',

  // Checks (services/checks.ts; each connector's plan.ts for an `only` naming no check)
  'E_INVALID_FIELDS', // carries fieldErrors
  'E_BUSY',
  'E_UNKNOWN_CHECK',
  // A vendor limit ran out (connectors/shared/limits.ts). A check turns each into a failed result (kind
  // `unreachable`) with the same explanation; the codes cross the bridge only should a call outside a check
  // run (a bulk connect's company probe) meet one, and their messages name the vendor, the path and the figure.
  'E_VENDOR_DEADLINE', // a request, check or run did not finish within its deadline
  'E_CIRCUIT_OPEN', // the vendor's host failed repeatedly: calls fail fast until a probe answers
  'E_RESPONSE_TOO_LARGE', // an answer over its resource's cap: the read stopped
  'E_RATE_LIMITED', // the vendor asked us to wait longer than the 60 s we wait

  // The partner broker (connectors/context.ts, made by services/broker.ts)
  'E_BROKER_REFUSED',
  'E_BROKER_UPSTREAM_UNAVAILABLE',

  // Handoff and bulk connect (services/verified.ts, handoff.ts, bulk-handoff.ts; each connector's buildConfig)
  'E_NOT_VERIFIED',
  'E_NO_COMPANIES',
  'E_OTHER_COMPANY',
  'E_NO_DOMAIN',
  'E_NOT_BULK',
  'E_NO_COMPANY_CONNECTED',
  'E_UNKNOWN_COMPANY',
  'E_CONNECTOR_INVALID_FIELDS', // buildConfig on fields that do not validate (connectors/shared/errors.ts); carries fieldErrors

  // Exopen sign-in (main/auth/errors.ts)
  'E_AUTH_BUSY',
  'E_AUTH_BROWSER',
  'E_AUTH_CANCELLED',
  'E_AUTH_CONFIG',
  'E_AUTH_DENIED',
  'E_AUTH_EXCHANGE',
  'E_AUTH_PORT',
  'E_AUTH_PROVIDER',
  'E_AUTH_REQUIRED',
  'E_AUTH_STATE',
  'E_AUTH_TIMEOUT',
  'E_AUTH_UNREACHABLE',

  // The Exopen backend: one per ExopenErrorCode (main/exopen/errors.ts), mapped in services/exopen-errors.ts
  'E_EXOPEN_VALIDATION', // carries fieldErrors
  'E_EXOPEN_UNAUTHORIZED',
  'E_EXOPEN_FORBIDDEN',
  'E_EXOPEN_NOT_FOUND',
  'E_EXOPEN_EXISTS',
  'E_EXOPEN_NOT_CONFIGURED',
  'E_EXOPEN_UPSTREAM',
  'E_EXOPEN_CONFLICT',
  'E_EXOPEN_UNAVAILABLE',
  'E_EXOPEN_NETWORK',
  'E_EXOPEN_PROTOCOL',

  // Diagnose and the support bundle (services/diagnose-handlers.ts, main/diagnose/bundle.ts)
  'E_NO_DIAGNOSIS',
  'E_NOT_SANDBOX',
  'E_UNKNOWN_PROBLEM',
  'E_BUNDLE_SECRET_FOUND',

  // The task pack as PDF (main/electron/pdf.ts, services/diagnose-handlers.ts)
  'E_PDF_UNAVAILABLE',
  'E_PDF_FAILED',
  'E_PDF_TIMEOUT',

  // Links and the system browser (main/electron/security.ts, services/runtime.ts)
  'E_LINK_NOT_ALLOWED',
  'E_OPEN_EXTERNAL_FAILED',

  // Settings (platform/settings.ts; services/environment.ts answers E_INVALID_FIELDS)
  'E_CONFIG_INVALID',
  'E_CONFIG_CORRUPT', // the settings file was set aside (a StartupNotice; thrown when it could not be and a change is refused)
  'E_LOG_UNAVAILABLE', // the log file cannot be written (a StartupNotice: platform/log.ts, services/notices.ts)
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Codes that stay inside main and never cross the bridge. They are listed (not left out) so the scan test
 * can tell them from a misspelt code, and so dispatch's choice is written down: if one ever escaped a
 * handler it would be a bug, and it becomes E_INTERNAL like any foreign code, because these messages may
 * carry the vendor's own words.
 * - Vendor failures (connectors/shared/errors.ts' VendorApiError, VendorParseError) and Procountor's token
 *   failures: each connector turns every one into a check result (isCheckFailure), with
 *   the vendor's text verbatim where the UI shows it on purpose.
 * - E_NETVISOR_BROKER_UNSIGNED: a programming error inside the Netvisor connector (partnerId read too early).
 * - E_SIMULATOR_INPUT: the sandbox simulators answer a bad admin call over their own HTTP with it.
 */
export const INTERNAL_ERROR_CODES = [
  'E_VENDOR_API',
  'E_VENDOR_PARSE',
  'E_PROCOUNTOR_TOKEN',
  'E_PROCOUNTOR_BROKER_UNREACHABLE',
  'E_NETVISOR_BROKER_UNSIGNED',
  'E_SIMULATOR_INPUT',
] as const;

export type InternalErrorCode = (typeof INTERNAL_ERROR_CODES)[number];

const KNOWN: ReadonlySet<string> = new Set(ERROR_CODES);

/** True for a code of ERROR_CODES: the only codes dispatch lets through and the renderer's table maps. */
export const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && KNOWN.has(code);
