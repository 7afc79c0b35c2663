/**
 * Renderer failures on their way to main's log (`app.logError`). One reporter takes every kind (the error
 * boundary, React's root hooks, the window's `error` and `unhandledrejection`), turns what was thrown into a
 * bounded report, blanks any secret the renderer still holds unsent, and sends it. Reporting must never
 * become a second failure: nothing here throws, and a failed or refused send is swallowed.
 *
 * No bridge import: the store wires `send` (crashActions.ts), which keeps this file testable in plain Node.
 */
import type { ErrorReport, WizardStep } from '../../../preload/contract';
import { ERROR_REPORT_LIMITS, type ErrorSource } from '../../../preload/error-report';
import type { View } from './accountTypes';

export type { ErrorSource } from '../../../preload/error-report';

/** One function for every renderer failure. */
export type ReportError = (source: ErrorSource, error: unknown, componentStack?: string | null) => void;

export interface ReporterDeps {
  /** Sends one report to main (the store passes `bridge.app.logError`). */
  readonly send: (report: ErrorReport) => Promise<unknown>;
  /** Where the renderer is, for the log line. */
  readonly context?: () => { readonly view?: View; readonly step?: WizardStep };
  /** Secret values typed in the renderer and not yet handed to main (main's redactor does not know them). */
  readonly secrets?: () => ReadonlyArray<string>;
}

export const REDACTED = '[REDACTED]';
/** As main's redactor: shorter values would blank ordinary words without protecting anything. */
const MIN_SECRET_LENGTH = 6;

/** Runs `read`, or answers `fallback` if it throws: the state a reporter reads may be what broke. */
function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Replaces each secret, raw, URL- and JSON-encoded, with [REDACTED]. */
export function scrubSecrets(text: string, secrets: ReadonlyArray<string>): string {
  let out = text;
  const values = [...new Set(secrets.filter((value) => typeof value === 'string' && value.length >= MIN_SECRET_LENGTH))];
  for (const value of values) {
    const encodings = new Set([value, safely(() => encodeURIComponent(value), value), JSON.stringify(value).slice(1, -1)]);
    // Longest first, so the raw value does not break up a longer encoding of itself.
    for (const encoded of [...encodings].sort((a, b) => b.length - a.length)) out = out.split(encoded).join(REDACTED);
  }
  return out;
}

/** Name, message and stack of anything that can be thrown (an Error, a string, an object, a frozen proxy). */
function describeThrown(error: unknown): { name?: string; message: string; stack?: string } {
  if (error instanceof Error || (typeof error === 'object' && error !== null)) {
    const candidate = error as { name?: unknown; message?: unknown; stack?: unknown };
    const name = safely(() => candidate.name, undefined);
    const message = safely(() => candidate.message, undefined);
    const stack = safely(() => candidate.stack, undefined);
    return {
      ...(typeof name === 'string' && name ? { name } : {}),
      message: typeof message === 'string' ? message : safely(() => Object.prototype.toString.call(error), '[object]'),
      ...(typeof stack === 'string' && stack ? { stack } : {}),
    };
  }
  return { message: safely(() => String(error), '[unprintable value]') };
}

/** The bounded, scrubbed report of one failure; exported for tests. */
export function toErrorReport(
  source: ErrorSource,
  error: unknown,
  componentStack: string | null | undefined,
  where: { readonly view?: View; readonly step?: WizardStep },
  secrets: ReadonlyArray<string>,
): ErrorReport {
  const thrown = describeThrown(error);
  const text = (value: string, max: number) => clip(scrubSecrets(value, secrets), max);
  const message = text(thrown.message, ERROR_REPORT_LIMITS.message);
  return {
    source,
    ...(thrown.name ? { name: text(thrown.name, ERROR_REPORT_LIMITS.name) } : {}),
    message: message || '(no message)',
    ...(thrown.stack ? { stack: text(thrown.stack, ERROR_REPORT_LIMITS.stack) } : {}),
    ...(componentStack ? { componentStack: text(componentStack, ERROR_REPORT_LIMITS.componentStack) } : {}),
    ...(where.view ? { view: where.view } : {}),
    ...(where.step ? { step: where.step } : {}),
  };
}

/**
 * The reporter. The same thrown object is reported once: React hands an error caught by the app's boundary
 * to `onCaughtError` and then to the boundary itself, and one failure should be one line in the log.
 */
export function createErrorReporter(deps: ReporterDeps): ReportError {
  const reported = new WeakSet<object>();
  return (source, error, componentStack) => {
    try {
      if (typeof error === 'object' && error !== null) {
        if (reported.has(error)) return;
        reported.add(error);
      }
      const where = safely(() => deps.context?.() ?? {}, {});
      const secrets = safely(() => deps.secrets?.() ?? [], []);
      const report = toErrorReport(source, error, componentStack, where, secrets);
      void deps.send(report).catch(() => undefined);
    } catch {
      // Nowhere left to report to; the failure itself already reached the console or the screen.
    }
  };
}

/** The `error` and `unhandledrejection` listeners of the window; returns their removal. */
export function listenForWindowErrors(target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>, report: ReportError): () => void {
  const onError = (event: Event): void => {
    const { error, message } = event as Event & { error?: unknown; message?: unknown };
    report('window', error ?? message ?? 'window error event without details');
  };
  const onRejection = (event: Event): void => {
    report('rejection', (event as Event & { reason?: unknown }).reason ?? 'promise rejected without a reason');
  };
  target.addEventListener('error', onError);
  target.addEventListener('unhandledrejection', onRejection);
  return () => {
    target.removeEventListener('error', onError);
    target.removeEventListener('unhandledrejection', onRejection);
  };
}

interface RootErrorInfo {
  readonly componentStack?: string | null;
  readonly errorBoundary?: unknown;
}

/**
 * The options for React 19's createRoot: each hook reports (and keeps React's console output, for whoever
 * has the developer tools open). An error caught by a boundary that reports by itself is left to it.
 */
export function rootErrorOptions(report: ReportError, reportsItself: (boundary: unknown) => boolean = () => false) {
  return {
    onUncaughtError(error: unknown, info: RootErrorInfo) {
      console.error(error);
      report('uncaught', error, info.componentStack);
    },
    onCaughtError(error: unknown, info: RootErrorInfo) {
      console.error(error);
      if (safely(() => reportsItself(info.errorBoundary), false)) return;
      report('caught', error, info.componentStack);
    },
    onRecoverableError(error: unknown, info: RootErrorInfo) {
      console.error(error);
      report('recoverable', error, info.componentStack);
    },
  };
}
