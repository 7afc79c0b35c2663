/**
 * The HTML pieces of the admin task pack: escaping, the page skeleton and its inline, print-friendly CSS.
 * No scripts, no external resources: a Content-Security-Policy of default-src 'none' makes sure of it even
 * if a vendor text ever slipped markup past the escaping.
 */

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);

/** Only https links become links; anything else is shown as text. */
export const link = (href: string, label: string): string =>
  /^https:\/\/[^\s"'<>]+$/i.test(href) ? `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>` : escapeHtml(label);

const CSS = `
  :root { color-scheme: light; }
  body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.5rem; margin-bottom: .25rem; }
  h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; padding-bottom: .25rem; }
  .meta { color: #57606a; font-size: .9rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid #eaeef2; }
  code, .value { font-family: ui-monospace, "SFMono-Regular", Consolas, monospace; background: #f6f8fa; padding: .1rem .3rem; border-radius: 3px; word-break: break-all; }
  ol.checklist { list-style: none; padding-left: 0; }
  ol.checklist > li { margin: 0 0 1rem; padding-left: 2rem; position: relative; break-inside: avoid; }
  ol.checklist > li::before { content: "\\2610"; position: absolute; left: 0; top: -.1rem; font-size: 1.3rem; }
  .who { display: inline-block; font-size: .8rem; background: #ddf4ff; border-radius: 3px; padding: 0 .4rem; margin-left: .3rem; }
  .vendor { color: #57606a; font-size: .9rem; }
  ul.rows { margin: .25rem 0; padding-left: 1.2rem; }
  footer { margin-top: 2rem; color: #57606a; font-size: .9rem; }
  @media print {
    body { margin: 0; max-width: none; font-size: 11pt; }
    a { color: inherit; }
    a[href]::after { content: " (" attr(href) ")"; font-size: .85em; }
    h2 { break-after: avoid; }
  }
`;

export function page(title: string, body: ReadonlyArray<string>): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
