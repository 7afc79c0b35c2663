/**
 * File primitives for the assistant's own data: private directories, atomic private writes, and setting a
 * damaged file aside instead of deleting or overwriting it.
 */
import { chmodSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const isWindows = process.platform === 'win32';

/** Creates `dir` (and parents) and makes sure only the owner can enter it; POSIX modes mean nothing on Windows. */
export function ensurePrivateDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  // mkdir leaves an existing directory's mode alone; tighten it, the assistant's data lives here.
  if (!isWindows && (statSync(dir).mode & 0o077) !== 0) chmodSync(dir, PRIVATE_DIR_MODE);
  return dir;
}

/** Marker in temp file names, so leftovers of an interrupted write can be recognised and removed. */
export const TEMP_MARKER = '.tmp-';

/**
 * Writes `data` to `file` so that a reader sees the old content or the new, never a mix: temp file in the
 * same directory (0600) → fsync → rename over the target → fsync the directory so the rename itself
 * survives a power cut. A crash leaves at worst a stray temp file, which the target ignores.
 */
export async function writeFileAtomic(file: string, data: string): Promise<void> {
  const temp = `${file}${TEMP_MARKER}${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const handle = await open(temp, 'wx', PRIVATE_FILE_MODE);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch((cleanupError: NodeJS.ErrnoException) => {
      if (cleanupError.code !== 'ENOENT') throw new AggregateError([error, cleanupError], `could not write ${file}`);
    });
    throw error;
  }
  if (!isWindows) await syncDir(path.dirname(file));
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Timestamp for file names: ISO 8601 with ':' and '.' replaced, since Windows forbids ':' in names. */
export const fileTimestamp = (at: Date): string => at.toISOString().replace(/[:.]/g, '-');

/** Renames a damaged file to `<file>.corrupt-<timestamp>` (never over an earlier one) and returns the new path. */
export function quarantineFile(file: string, at: Date = new Date()): string {
  const base = `${file}.corrupt-${fileTimestamp(at)}`;
  let target = base;
  for (let n = 1; existsSync(target); n++) target = `${base}-${n}`;
  renameSync(file, target);
  return target;
}
