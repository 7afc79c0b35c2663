/** Walking a directory for leak scans: every file under it whose bytes pass a test (the needles stay the caller's). */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function filesWhere(dir: string, matches: (body: Buffer) => boolean): Promise<string[]> {
  const hits: string[] = [];
  async function walk(path: string): Promise<void> {
    for (const entry of await readdir(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && matches(await readFile(full))) hits.push(full);
    }
  }
  await walk(dir);
  return hits;
}
