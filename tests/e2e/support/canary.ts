/** Scans every file under a directory for secret values in the encodings a leak would take. */
import { filesWhere } from '../../support/files';

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
  return filesWhere(dir, (body) => needles.some((needle) => body.includes(needle)));
}

/** A JSON Web Token (header.payload.…): base64url of '{"' starts with `eyJ`. Tokens are not known to the test, their shape is. */
export const JWT_PATTERN = /eyJ[A-Za-z0-9_-]{20,}\./;

/** Every file under `dir` whose bytes match `pattern` (read as latin1: one char per byte, binary files included). No `g` flag: `test` would keep state. */
export async function filesMatching(dir: string, pattern: RegExp): Promise<string[]> {
  return filesWhere(dir, (body) => pattern.test(body.toString('latin1')));
}
