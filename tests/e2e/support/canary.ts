/** Scans every file under a directory for secret values in the encodings a leak would take. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export function encodings(secret: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('base64url'),
    Buffer.from(secret).toString('hex'),
    JSON.stringify(secret).slice(1, -1),
  ];
}

export async function filesContaining(dir: string, secrets: ReadonlyArray<string>): Promise<string[]> {
  const needles = secrets.flatMap(encodings).map((needle) => Buffer.from(needle));
  const hits: string[] = [];
  async function walk(path: string): Promise<void> {
    for (const entry of await readdir(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        const body = await readFile(full);
        if (needles.some((needle) => body.includes(needle))) hits.push(full);
      }
    }
  }
  await walk(dir);
  return hits;
}

/** A JSON Web Token (header.payload.…): base64url of '{"' starts with `eyJ`. Tokens are not known to the test, their shape is. */
export const JWT_PATTERN = /eyJ[A-Za-z0-9_-]{20,}\./;

/** Every file under `dir` whose bytes match `pattern` (read as latin1: one char per byte, binary files included). No `g` flag: `test` would keep state. */
export async function filesMatching(dir: string, pattern: RegExp): Promise<string[]> {
  const hits: string[] = [];
  async function walk(path: string): Promise<void> {
    for (const entry of await readdir(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && pattern.test((await readFile(full)).toString('latin1'))) hits.push(full);
    }
  }
  await walk(dir);
  return hits;
}
