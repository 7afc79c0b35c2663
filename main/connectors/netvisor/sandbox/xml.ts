/**
 * Writes answers the way Netvisor does: XML declaration, CRLF line endings (as in a real test-server
 * answer), a <ResponseStatus> with Finnish-format timestamp, decimal commas in amounts.
 */

export interface XmlNode {
  readonly name: string;
  readonly attrs?: Readonly<Record<string, string>>;
  readonly text?: string;
  readonly children?: ReadonlyArray<XmlNode>;
}

export const el = (name: string, content?: string | ReadonlyArray<XmlNode>, attrs?: Record<string, string>): XmlNode => ({
  name,
  ...(attrs ? { attrs } : {}),
  ...(typeof content === 'string' ? { text: content } : content ? { children: content } : {}),
});

const escape = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function render(node: XmlNode, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  const attrs = Object.entries(node.attrs ?? {})
    .map(([key, value]) => ` ${key}="${escape(value)}"`)
    .join('');
  if (node.children && node.children.length > 0) {
    out.push(`${pad}<${node.name}${attrs}>`);
    for (const child of node.children) render(child, depth + 1, out);
    out.push(`${pad}</${node.name}>`);
  } else if (node.text !== undefined && node.text !== '') {
    out.push(`${pad}<${node.name}${attrs}>${escape(node.text)}</${node.name}>`);
  } else {
    out.push(`${pad}<${node.name}${attrs} />`);
  }
}

const HELSINKI = new Intl.DateTimeFormat('fi-FI', {
  timeZone: 'Europe/Helsinki',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `d.M.yyyy HH:mm:ss` in Finnish local time, like <TimeStamp>. */
export function finnishTimestamp(ms: number): string {
  const part = (type: Intl.DateTimeFormatPartTypes) => HELSINKI.formatToParts(ms).find((p) => p.type === type)?.value ?? '';
  return `${part('day')}.${part('month')}.${part('year')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

/** `d.M.yyyy` without leading zeros (VoucherDate, period dates). */
export const finnishDate = (iso: string): string => {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day}.${month}.${year}`;
};

/** 1234.5 → "1234,50". */
export const amount = (value: number): string => value.toFixed(2).replace('.', ',');

export type Answer = { readonly ok: true; readonly data: ReadonlyArray<XmlNode> } | { readonly ok: false; readonly status: string };

export function envelope(answer: Answer, nowMs: number): string {
  const statuses = answer.ok ? [el('Status', 'OK')] : [el('Status', 'FAILED'), el('Status', answer.status)];
  const root = el('Root', [el('ResponseStatus', [...statuses, el('TimeStamp', finnishTimestamp(nowMs))]), ...(answer.ok ? answer.data : [])]);
  const lines = ['<?xml version="1.0" encoding="utf-8" standalone="yes"?>'];
  render(root, 0, lines);
  return `${lines.join('\r\n')}\r\n`;
}
