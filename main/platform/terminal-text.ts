/**
 * Text on its way to a terminal, made inert. A vendor (or a proxy in front of it) decides what its error
 * bodies, company names and messages contain; printed raw, an escape sequence clears the screen, sets the
 * window title or rewrites what the user sees, a carriage return overwrites a line with a fake verdict, and a
 * bidi override shows text in another order than it reads. Every such character is replaced by a visible
 * escape (`\x1b`, `\u202e`), so the user sees that something odd was sent and the terminal obeys none of it.
 *
 * - `terminalSafe`: the whole of a human output; keeps our own line breaks and tabs.
 * - `oneLine`: a value someone else sent (vendor text, a company name): line breaks become spaces too, so it
 *   cannot start a line of its own ("Overall: passed").
 * - `jsonTerminalSafe`: finished JSON text. JSON.stringify already escapes C0 (ESC, CR, …); this also escapes
 *   DEL, C1 and the bidi and line-separator characters, which JSON allows raw. The JSON means the same.
 */

/** C0 but tab and line feed, DEL, C1, the bidi embeddings/overrides/isolates and marks. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The same plus tab, line feed and Unicode's line and paragraph separators. */
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** What JSON.stringify leaves raw that a terminal may act on. */
const JSON_RAW = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const hex = (code: number, width: number): string => code.toString(16).padStart(width, '0');
const visible = (char: string): string => {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`;
};

export function terminalSafe(text: string): string {
  return text.replace(CONTROL, visible);
}

export function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' ').replace(CONTROL_OR_BREAK, visible);
}

export function jsonTerminalSafe(json: string): string {
  return json.replace(JSON_RAW, (char) => `\\u${hex(char.charCodeAt(0), 4)}`);
}
