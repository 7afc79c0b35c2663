/**
 * Crash reporting to the (redacting) log. Nothing here prints an error to the renderer or a dialog with
 * its message: a message can hold a URL or vendor text, and the log is the one place that scrubs them.
 */
import { app } from 'electron';
import type { Logger } from '../platform/log';

type CrashLog = Pick<Logger, 'error'>;

/** Call once at startup, before anything async runs. */
export function installCrashHandlers(log: CrashLog): void {
  // With a listener attached Node no longer exits on its own; the main process keeps serving the window,
  // which is what Electron does by default too (it only adds a dialog).
  process.on('uncaughtException', (error, origin) => log.error('uncaught exception in main', { origin, error }));
  process.on('unhandledRejection', (reason) => log.error('unhandled promise rejection in main', { error: reason }));
  app.on('render-process-gone', (_event, contents, details) =>
    log.error('renderer process gone', { reason: details.reason, exitCode: details.exitCode, contentsId: contents.id }),
  );
  app.on('child-process-gone', (_event, details) =>
    log.error('child process gone', { type: details.type, reason: details.reason, exitCode: details.exitCode }),
  );
}
