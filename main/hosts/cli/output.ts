/**
 * Everything the CLI prints goes through here: the result on stdout (human or --json), progress, notes and
 * errors on stderr, and commander's own usage messages. Two things hold for all of it:
 *
 * - no secret the process knows (platform/redact.ts: the credential, the partner secrets, keychain values)
 *   appears in any encoding the redactor knows (raw, URL, base64, base64url, hex, JSON-escaped), whatever a
 *   vendor or proxy echoed back;
 * - nothing a vendor sent can drive the terminal: control characters are shown as visible escapes
 *   (platform/terminal-text.ts); JSON output escapes them as \u sequences.
 *
 * guardProcessOutput() adds a last net for text written by anything else in the process (a library, the
 * logger's stderr copy, the sandbox's notices): every chunk written to stdout or stderr has the registered
 * secrets replaced. Only those: `sandbox --json` prints its demo credentials on purpose, and some are
 * token-shaped, so the pattern layer would blank them.
 */
import { redactKnownSecrets, redactStrings, redactText } from '../../platform/redact';
import { jsonTerminalSafe, terminalSafe } from '../../platform/terminal-text';

type Stream = 'stdout' | 'stderr';

/** Redact, make inert, redact again: removing a control character must not join the halves of a secret. */
export const humanText = (text: string): string => redactText(terminalSafe(redactText(text)));

/** One JSON value as text: every string redacted, the finished text scanned once more, controls escaped. */
export const jsonText = (value: unknown): string => jsonTerminalSafe(redactText(JSON.stringify(redactStrings(value))));

const write = (stream: Stream, text: string): void => void process[stream].write(text);

/** Human text on stdout, one trailing newline added. */
export const printResult = (text: string): void => write('stdout', `${humanText(text)}\n`);

/** One JSON object on one stdout line. */
export const printJson = (value: unknown): void => write('stdout', `${jsonText(value)}\n`);

/** A progress line, note or error on stderr, one trailing newline added. */
export const printNote = (text: string): void => write('stderr', `${humanText(text)}\n`);

/** Commander's help and usage messages, through the same filter (they quote what was typed). */
export const commanderOutput = {
  writeOut: (text: string) => write('stdout', humanText(text)),
  writeErr: (text: string) => write('stderr', humanText(text)),
};

let guarded = false;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
/** Bytes that are not UTF-8 text (never printed by the CLI) pass as they are. */
const utf8OrUndefined = (bytes: Uint8Array): string | undefined => {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
};

/**
 * Wraps process.stdout.write and process.stderr.write so every registered secret is replaced in every string
 * or byte chunk before it leaves. Idempotent. The CLI's own printing above already is; this catches what it does not print itself.
 */
export function guardProcessOutput(): void {
  if (guarded) return;
  guarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (typeof chunk === 'string') return original(redactKnownSecrets(chunk), ...rest);
      if (chunk instanceof Uint8Array) {
        const text = utf8OrUndefined(chunk);
        if (text !== undefined) return original(redactKnownSecrets(text), ...rest);
      }
      return original(chunk, ...rest);
    }) as typeof stream.write;
  }
}
