/**
 * Writes a bundle (or a task pack) to disk so that either the complete, verified file exists or nothing does: the bytes go
 * to a temporary sibling, are read back, re-hashed and re-scanned, and only then renamed into place. Any
 * failure removes the temporary file; the target path is never touched until the end.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assertNoSecrets, buildBundle, BundleLeakError, type Bundle, type BundleOptions } from './bundle';
import type { RunSecrets } from './secrets';
import type { Diagnosis } from './types';

const digest = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Writes `content` to `target` via a verified temporary file; `verify` sees the bytes as they landed on disk. */
export async function writeFileAtomically(target: string, content: Uint8Array, verify: (written: Uint8Array) => void = () => undefined): Promise<void> {
  const partial = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    // 0o600: a bundle is meant for Exopen support, not for every user of this computer.
    await writeFile(partial, content, { mode: 0o600, flag: 'wx' });
    const written = await readFile(partial);
    if (digest(written) !== digest(content)) throw new Error('the file on disk differs from what was written');
    verify(written);
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/** Builds, scans and writes a bundle to `target`. On any failure no bundle file exists afterwards. */
export async function writeBundle(target: string, diagnosis: Diagnosis, secrets: RunSecrets, options: BundleOptions = {}): Promise<Bundle> {
  const bundle = buildBundle(diagnosis, secrets, options);
  await writeFileAtomically(target, bundle.bytes, (written) => assertNoSecrets(written, bundle.files, secrets));
  return bundle;
}

/**
 * The task pack's gate: throws BundleLeakError (naming `fileName`) when any of the run's secrets is in
 * `content`. Used on the HTML before it is written, or printed (a PDF's compressed text could not be scanned).
 */
export function assertTaskPackClean(content: Uint8Array, secrets: RunSecrets, fileName: string): void {
  const found = secrets.leaksIn(content);
  if (found.length > 0) throw new BundleLeakError([fileName], found);
}

/** Writes an admin task pack, scanned for the run's secrets like a bundle (it should never hold one). */
export async function writeTaskPack(target: string, html: string, secrets: RunSecrets): Promise<void> {
  const bytes = new TextEncoder().encode(html);
  const scan = (content: Uint8Array): void => assertTaskPackClean(content, secrets, path.basename(target));
  scan(bytes);
  await writeFileAtomically(target, bytes, scan);
}
