/**
 * The forms a secret takes on its way into text: raw, JSON-escaped, URL-encoded, base64 and hex. Each form
 * is a needle the redactor searches for. Kept apart from the registry so the list is easy to review.
 */

/** Needles shorter than this would match too much unrelated text (see MIN_SECRET_LENGTH in redact.ts). */
const MIN_NEEDLE_LENGTH = 6;

/**
 * Lone UTF-16 surrogates cannot be URL-encoded (encodeURIComponent throws URIError) and become U+FFFD when
 * turned into UTF-8 bytes; normalising first makes every encoder agree with what Buffer and
 * URLSearchParams actually emit.
 */
const wellFormed = (text: string): string =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

const lowerPercent = (text: string): string => text.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase());

function urlForms(text: string): string[] {
  const component = encodeURIComponent(text);
  const form = new URLSearchParams({ v: text }).toString().slice(2);
  const forms = [component, component.replace(/%20/g, '+'), form];
  return [...forms, ...forms.map(lowerPercent)];
}

function jsonForms(text: string): string[] {
  const once = JSON.stringify(text).slice(1, -1);
  const asciiOnly = once.replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  // JSON inside a JSON string (a response body quoted in a log record) escapes the escapes.
  const twice = JSON.stringify(once).slice(1, -1);
  return [once, asciiOnly, twice];
}

const toUrlSafe = (base64: string): string => base64.replace(/\+/g, '-').replace(/\//g, '_');

/**
 * Base64 of the secret alone, plus the characters that stay the same whatever one or two bytes precede it
 * and whatever follows: that catches it inside a larger encoded value, e.g. `Basic base64(user:secret)`.
 */
function base64Forms(bytes: Buffer): string[] {
  const forms: string[] = [];
  const full = bytes.toString('base64');
  forms.push(full, full.replace(/=+$/, ''));
  for (let shift = 0; shift < 3; shift++) {
    const shifted = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    const firstStable = Math.ceil((8 * shift) / 6);
    const endStable = Math.floor((8 * (shift + bytes.length)) / 6);
    forms.push(shifted.slice(firstStable, endStable));
  }
  return [...forms, ...forms.map(toUrlSafe)];
}

/** Every needle for one secret, deduplicated, none shorter than MIN_NEEDLE_LENGTH. */
export function encodingsOf(secret: string): ReadonlyArray<string> {
  const text = wellFormed(secret);
  const bytes = Buffer.from(text, 'utf8');
  const hex = bytes.toString('hex');
  const needles = new Set<string>([
    secret,
    text,
    ...jsonForms(secret),
    ...urlForms(text),
    ...base64Forms(bytes),
    hex,
    hex.toUpperCase(),
  ]);
  return [...needles].filter((needle) => needle.length >= MIN_NEEDLE_LENGTH);
}
