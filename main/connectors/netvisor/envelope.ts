/**
 * Netvisor's XML envelope: `<Root><ResponseStatus><Status>OK|FAILED</Status>[<Status>CODE :: text</Status>]
 * <TimeStamp/></ResponseStatus>…data…</Root>`. Only the code before ` :: ` drives logic; the text is kept
 * verbatim because Netvisor asks integrators to show it as it is. The parser throws nothing but
 * NetvisorParseError, whatever bytes arrive.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { NetvisorApiError, NetvisorParseError } from './errors';

export type XmlValue = string | XmlObject | ReadonlyArray<XmlValue>;
export interface XmlObject {
  readonly [name: string]: XmlValue;
}

export type Envelope =
  | { readonly ok: true; readonly data: XmlObject; readonly timestamp?: string }
  | { readonly ok: false; readonly error: NetvisorApiError; readonly timestamp?: string };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Keep every value a string: IDs have leading zeros and amounts use a decimal comma.
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  isArray: (_name, jPath) => jPath === 'Root.ResponseStatus.Status',
});

/** Decodes bytes by the XML declaration's encoding (UTF-8 unless it says otherwise). */
export function decodeBody(body: string | Uint8Array): string {
  if (typeof body === 'string') return body;
  const head = new TextDecoder('latin1').decode(body.subarray(0, 200));
  const declared = /encoding=["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(declared).decode(body);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return new TextDecoder('utf-8').decode(body); // unknown label: UTF-8 is Netvisor's usual encoding
  }
}

export const isXmlObject = (value: XmlValue | undefined): value is XmlObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The text content of an element, whether it was parsed as a string or as an object with attributes. */
export function textOf(value: XmlValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (isXmlObject(value)) return typeof value['#text'] === 'string' ? value['#text'] : '';
  return undefined;
}

function splitStatus(verbatim: string): { code: string; text: string } {
  const at = verbatim.indexOf(' :: ');
  if (at >= 0) return { code: verbatim.slice(0, at).trim(), text: verbatim.slice(at + 4) };
  const bare = verbatim.trim();
  return /^[A-Z_]+$/i.test(bare) ? { code: bare, text: '' } : { code: 'UNKNOWN', text: bare };
}

function readEnvelope(xml: string, httpStatus: number): Envelope {
  if (xml.trim() === '') throw new NetvisorParseError('empty', 'the response body was empty');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new NetvisorParseError('not-xml', `${valid.err.code} at line ${valid.err.line}`);
  const parsed = parser.parse(xml) as Record<string, XmlValue>;
  const root = parsed['Root'];
  if (!isXmlObject(root)) throw new NetvisorParseError('no-root', 'there is no <Root> element');
  const status = root['ResponseStatus'];
  const statuses = isXmlObject(status) && Array.isArray(status['Status']) ? (status['Status'] as ReadonlyArray<XmlValue>) : [];
  const first = textOf(statuses[0])?.trim().toUpperCase();
  if (!first) throw new NetvisorParseError('no-status', 'there is no <ResponseStatus><Status> element');
  const timestamp = isXmlObject(status) ? textOf(status['TimeStamp']) : undefined;
  const stamp = timestamp === undefined ? {} : { timestamp };
  if (first === 'OK') return { ok: true, data: root, ...stamp };
  if (first !== 'FAILED') throw new NetvisorParseError('unknown-status', 'the status is neither OK nor FAILED');
  const verbatim = textOf(statuses[1]) ?? '';
  const { code, text } = splitStatus(verbatim);
  return { ok: false, error: new NetvisorApiError(code || 'UNKNOWN', text, verbatim, httpStatus), ...stamp };
}

/** Reads one response body. Throws only NetvisorParseError (with `httpStatus` attached). */
export function parseEnvelope(body: string | Uint8Array, httpStatus = 200): Envelope {
  try {
    return readEnvelope(decodeBody(body), httpStatus);
  } catch (error) {
    if (error instanceof NetvisorParseError) throw error.withStatus(httpStatus);
    // fast-xml-parser throws plain Errors for input it cannot handle (nesting limits, entity limits).
    const detail = error instanceof Error ? error.message.slice(0, 200) : 'unreadable body';
    throw new NetvisorParseError('not-xml', detail, httpStatus);
  }
}
