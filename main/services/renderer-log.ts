/**
 * `app.logError`: renderer failures (a render crash caught by the app's error boundary, React's root error
 * hooks, the window's `error` and `unhandledrejection`) written to main's log. The platform logger redacts
 * every line (registered secrets by value, secret-looking keys, token patterns), so a secret echoed in an
 * error message or stack never reaches the disk. A render loop must not fill the disk either: at most
 * `limit` reports per window are written, the rest are dropped and counted in one line when the window ends.
 */
import type { Handlers } from '../../preload/contract';
import { createLogger, type Logger } from '../platform/log';

export const RENDERER_REPORT_LIMIT = 10;
export const RENDERER_REPORT_WINDOW_MS = 60_000;

export interface RendererLogOptions {
  /** Default: the platform logger (redacting) with scope `renderer`. */
  readonly log?: Pick<Logger, 'warn' | 'error'>;
  /** Reports written per window (default 10). */
  readonly limit?: number;
  /** Length of the window in milliseconds (default one minute). */
  readonly windowMs?: number;
  readonly now?: () => number;
}

export interface RendererLog {
  readonly handlers: Pick<Handlers, 'app.logError'>;
  /** Writes the count of dropped reports now, if any (the runtime calls it on close). */
  flush(): void;
}

export function createRendererLog(options: RendererLogOptions = {}): RendererLog {
  const log = options.log ?? createLogger('renderer');
  const limit = options.limit ?? RENDERER_REPORT_LIMIT;
  const windowMs = options.windowMs ?? RENDERER_REPORT_WINDOW_MS;
  const now = options.now ?? Date.now;

  let windowStart = Number.NEGATIVE_INFINITY;
  let written = 0;
  let dropped = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function flush(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (dropped === 0) return;
    log.warn('renderer error reports dropped over the limit', { dropped, limit, windowSeconds: Math.round(windowMs / 1000) });
    dropped = 0;
  }

  return {
    flush,
    handlers: {
      'app.logError': async (report) => {
        const at = now();
        if (at - windowStart >= windowMs) {
          flush();
          windowStart = at;
          written = 0;
        }
        if (written >= limit) {
          dropped += 1;
          // The count is written when the window ends even if no further report arrives to trigger it.
          if (timer === null) {
            timer = setTimeout(flush, Math.max(0, windowStart + windowMs - at));
            timer.unref?.();
          }
          return { logged: false };
        }
        written += 1;
        const { source, view, step, componentStack, ...error } = report;
        // `message` is a reserved key of a log line, so the failure's own texts go under `error`.
        log.error('renderer failure', {
          source,
          error,
          ...(componentStack !== undefined ? { componentStack } : {}),
          ...(view !== undefined ? { view } : {}),
          ...(step !== undefined ? { step } : {}),
        });
        return { logged: true };
      },
    },
  };
}
