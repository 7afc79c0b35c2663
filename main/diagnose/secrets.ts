/**
 * The secrets of one Diagnose run: registered with the process-wide redactor (platform/redact.ts) so every
 * text built from the run is scrubbed, and kept here, as bytes to search for, so a finished bundle can be
 * scanned before it is allowed to exist. The scan is deliberately stricter than the redactor: it ignores
 * ASCII case, so a secret a vendor echoes upper-cased (which redaction, matching exactly, lets through)
 * still stops the bundle instead of leaving in it.
 */
import { inspect } from 'node:util';
import { registerSecret } from '../platform/redact';
import { encodingsOf } from '../platform/redact-encodings';

const lowerAscii = (bytes: Uint8Array): Buffer => {
  const out = Buffer.from(bytes);
  for (let i = 0; i < out.length; i++) if (out[i]! >= 0x41 && out[i]! <= 0x5a) out[i] = out[i]! + 0x20;
  return out;
};

/** Every needle for one secret (raw, URL, base64, base64url, hex, JSON-escaped), lower-cased, as bytes. */
const needlesOf = (secret: string): ReadonlyArray<Buffer> =>
  [...new Set(encodingsOf(secret).map((needle) => needle.toLowerCase()))].map((needle) => lowerAscii(Buffer.from(needle, 'utf8')));

export class RunSecrets {
  readonly #needles: Array<ReadonlyArray<Buffer>> = [];
  readonly #known = new Set<string>();
  #untracked = 0;

  /** Registers a secret value of this run. Values too short to track are counted, not kept (see README). */
  add(value: string | undefined): void {
    if (!value || this.#known.has(value)) return;
    this.#known.add(value);
    if (registerSecret(value)) this.#needles.push(needlesOf(value));
    else this.#untracked++;
  }

  addAll(values: Iterable<string | undefined>): void {
    for (const value of values) this.add(value);
  }

  /** How many secret values are tracked (registered and scanned for). */
  get tracked(): number {
    return this.#needles.length;
  }

  /** How many were too short to track safely (platform/redact.ts MIN_SECRET_LENGTH). */
  get untracked(): number {
    return this.#untracked;
  }

  /** 1-based numbers of the tracked secrets found in `bytes`, in any encoding and any ASCII case. Never the values. */
  leaksIn(bytes: Uint8Array): ReadonlyArray<number> {
    const haystack = lowerAscii(bytes);
    const found: number[] = [];
    this.#needles.forEach((needles, index) => {
      if (needles.some((needle) => haystack.includes(needle))) found.push(index + 1);
    });
    return found;
  }

  // A RunSecrets logged or serialised by mistake shows nothing.
  toJSON(): string {
    return '[REDACTED]';
  }

  [inspect.custom](): string {
    return `RunSecrets(${this.tracked} tracked)`;
  }
}
