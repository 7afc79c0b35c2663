/**
 * The page the system browser shows after the redirect to our loopback listener. No scripts and nothing
 * external (the CSP forbids both), no-store so the answer is not cached, no-referrer so the callback URL
 * (which carries the authorization code) is never sent anywhere.
 */
import type { ServerResponse } from 'node:http';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
const STYLE = 'body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1b1b1b}';
export const CLOSE_TAB = 'You can close this tab and return to Exopen Connect.';

export interface CallbackPage {
  readonly status: number;
  readonly title: string;
  readonly message: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export const successPage = (): CallbackPage => ({ status: 200, title: 'Signed in to Exopen', message: CLOSE_TAB });

/** `message` is one of our own AuthError messages: it says what went wrong and what to do. */
export const failurePage = (message: string): CallbackPage => ({
  status: 400,
  title: 'Sign-in did not complete',
  message: `${message} ${CLOSE_TAB}`,
});

export function sendCallbackPage(response: ServerResponse, page: CallbackPage): void {
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(page.title)}</title><style>${STYLE}</style></head>` +
    `<body><main><h1>${escapeHtml(page.title)}</h1><p role="status">${escapeHtml(page.message)}</p></main></body></html>`;
  response.writeHead(page.status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Content-Security-Policy': CSP,
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    // The listener closes right after this answer; do not let the browser keep the socket open.
    Connection: 'close',
  });
  response.end(html);
}
