/**
 * Structured logging: one JSON object per line in `<dataDir>/logs/exopen-connect.log` (0600, directory
 * 0700), rotated to a single `.1` file when it reaches its size cap. Every line is scrubbed twice: the
 * fields structurally (secret-looking keys dropped, every string value-redacted) and then the finished
 * line as text, which also catches a secret that only became visible once JSON-escaped. No line carries a
 * character a terminal acts on (platform/terminal-text.ts).
 */
import { closeSync, fchmodSync, fstatSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from './private-files';
import { redactObject, redactText } from './redact';
import { jsonTerminalSafe } from './terminal-text';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export interface LoggingOptions {
  readonly dataDir: string;
  /** Lowest level written (default 'info'). */
  readonly level?: LogLevel;
  /** Also copy each line to stderr (CLI, development). */
  readonly alsoStderr?: boolean;
  /** Size at which the file is rotated (default 5 MiB). */
  readonly maxBytes?: number;
}

export interface LogSink {
  /** Where lines are meant to go (`<dataDir>/logs/exopen-connect.log`). */
  readonly file: string;
  /** Set when that file could not be opened: lines then go to stderr only (see LogUnavailable). */
  readonly unavailable?: LogUnavailable;
  close(): void;
}

/**
 * The log file could not be opened (the logs folder is a file, the log file a folder, no permission). The
 * assistant still starts: lines go to stderr only, and the hosts tell the user which path is in the way.
 */
export interface LogUnavailable {
  /** The path that is in the way. */
  readonly path: string;
  /** The OS error code (ENOTDIR, EISDIR, EACCES, …), for support. */
  readonly code: string;
  /** What is wrong with the path, in words ("is a file, not a folder"). */
  readonly problem: string;
  /** The same as data, for the UI's own words. */
  readonly kind: 'not-a-folder' | 'not-a-file' | 'unwritable';
}

export const LOG_FILE_NAME = 'exopen-connect.log';
const RANK: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40 };
const RESERVED = new Set(['time', 'level', 'scope', 'message']);

class FileSink implements LogSink {
  private fd = -1;
  private size = 0;
  private failed = false;

  constructor(
    readonly file: string,
    private readonly maxBytes: number,
  ) {
    this.open();
  }

  write(line: string): void {
    try {
      const bytes = Buffer.byteLength(line);
      if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
      writeSync(this.fd, line);
      this.size += bytes;
    } catch (error) {
      // Logging must not take the assistant down (a full disk is not the caller's problem), but the
      // failure is said once on stderr rather than hidden.
      if (!this.failed) process.stderr.write(`exopen-connect: cannot write ${this.file}: ${(error as Error).message}\n`);
      this.failed = true;
    }
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }

  private open(): void {
    this.fd = openSync(this.file, 'a', PRIVATE_FILE_MODE);
    // An existing file keeps its old mode on open; make sure it is private.
    if (process.platform !== 'win32') fchmodSync(this.fd, PRIVATE_FILE_MODE);
    this.size = fstatSync(this.fd).size;
  }

  private rotate(): void {
    this.close();
    renameSync(this.file, `${this.file}.1`);
    this.open();
  }
}

/** Lines to stderr only: what is left when the log file cannot be opened. */
class StderrSink {
  write(line: string): void {
    process.stderr.write(line);
  }

  close(): void {}
}

let sink: FileSink | StderrSink | null = null;
let threshold: LogLevel = 'info';
let copyToStderr = false;

/** Says which path is in the way of `<dir>/<file>`, and how. */
function describeUnavailable(dir: string, file: string, error: unknown): LogUnavailable {
  const code = (error as NodeJS.ErrnoException).code ?? 'EUNKNOWN';
  const kind = (target: string) => {
    try {
      const stats = statSync(target);
      return stats.isDirectory() ? 'folder' : 'file';
    } catch {
      return undefined;
    }
  };
  const dirKind = kind(dir);
  if (dirKind === 'file') return { path: dir, code, kind: 'not-a-folder', problem: 'is a file, not a folder' };
  if (kind(file) === 'folder') return { path: file, code, kind: 'not-a-file', problem: 'is a folder, not a file' };
  // Anything else (no permission, read-only disk): the log folder is where to look.
  return { path: dirKind ? file : dir, code, kind: 'unwritable', problem: `cannot be written (${code})` };
}

/**
 * Points every logger (including ones created earlier) at the log file. Replaces a previous configuration.
 * Never throws for the disk: when the file cannot be opened, lines go to stderr and the sink says why.
 */
export function configureLogging(options: LoggingOptions): LogSink {
  const dir = path.join(options.dataDir, 'logs');
  const file = path.join(dir, LOG_FILE_NAME);
  let next: FileSink | StderrSink;
  let unavailable: LogUnavailable | undefined;
  try {
    ensurePrivateDir(dir);
    next = new FileSink(file, options.maxBytes ?? 5 * 1024 * 1024);
  } catch (error) {
    unavailable = describeUnavailable(dir, file, error);
    next = new StderrSink();
    process.stderr.write(
      `exopen-connect: cannot write the log: ${unavailable.path} ${unavailable.problem}. Log lines go to this terminal only; ` +
        `move or delete ${unavailable.path} and start again to get the log file back.\n`,
    );
  }
  sink?.close();
  sink = next;
  threshold = options.level ?? 'info';
  copyToStderr = unavailable ? false : (options.alsoStderr ?? false);
  return {
    file,
    ...(unavailable ? { unavailable } : {}),
    close: () => {
      next.close();
      if (sink === next) sink = null;
    },
  };
}

/** Builds one scrubbed JSON line. Exported for tests of the exact format. */
export function formatLine(level: LogLevel, scope: string, message: string, fields: LogFields | undefined, at: Date): string {
  const record: Record<string, unknown> = { time: at.toISOString(), level, scope, message: redactText(message) };
  const safe = redactObject(fields ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(safe)) record[RESERVED.has(key) ? `field.${key}` : key] = value;
  // JSON escapes C0 (ESC, CR); DEL, C1 and bidi controls are escaped too, so `tail` of the log (or its
  // stderr copy) cannot drive a terminal with what a vendor sent.
  return `${jsonTerminalSafe(redactText(JSON.stringify(record)))}\n`;
}

function emit(level: LogLevel, scope: string, message: string, fields: LogFields | undefined): void {
  // Before configureLogging (early startup, tests) warnings and errors still reach stderr; chatter does not.
  const active = sink;
  const minimum = active ? threshold : 'warn';
  if (RANK[level] < RANK[minimum]) return;
  const line = formatLine(level, scope, message, fields, new Date());
  if (active) active.write(line);
  if (!active || copyToStderr) process.stderr.write(line);
}

export function createLogger(scope: string): Logger {
  return {
    debug: (message, fields) => emit('debug', scope, message, fields),
    info: (message, fields) => emit('info', scope, message, fields),
    warn: (message, fields) => emit('warn', scope, message, fields),
    error: (message, fields) => emit('error', scope, message, fields),
  };
}
