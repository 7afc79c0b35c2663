/**
 * Canary secrets and a scanner that looks for them on disk. The encodings are computed here independently
 * of main/platform/redact-encodings, so a gap in the product's list is not mirrored in the test.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';

/** A recognisable, random secret; long enough to be registered for redaction. */
export const canary = (label = 'canary'): string => `${label}-${randomBytes(16).toString('base64url')}`;

/** The forms a leaked secret would take in a file. */
export function leakForms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  return [
    secret,
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1),
    bytes.toString('base64').replace(/=+$/, ''),
    bytes.toString('base64url'),
    bytes.toString('hex'),
    bytes.toString('hex').toUpperCase(),
  ];
}

/** A fresh directory, removed when the current test finishes (call it inside a test). */
export async function tempDir(prefix = 'exopen-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

/** Every file under `dir` that contains `secret` in any of its leak forms, with the form found. */
export async function findLeaks(dir: string, secret: string): Promise<string[]> {
  const forms = leakForms(secret);
  const leaks: string[] = [];
  for await (const file of filesUnder(dir)) {
    const content = (await readFile(file)).toString('latin1');
    const utf8 = (await readFile(file)).toString('utf8');
    for (const form of forms) {
      if (content.includes(form) || utf8.includes(form)) leaks.push(`${path.relative(dir, file)}: ${form}`);
    }
  }
  return leaks;
}

/** How many files `dir` holds (so a scan that found nothing is known to have looked at something). */
export async function countFiles(dir: string): Promise<number> {
  let count = 0;
  for await (const file of filesUnder(dir)) if (file) count++;
  return count;
}
