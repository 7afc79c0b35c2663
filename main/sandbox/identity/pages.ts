/**
 * The sandbox sign-in pages: server-rendered HTML without a single script, served with a CSP that forbids
 * scripts outright. UNCERTAIN: Exopen's real sign-in pages (branding, MFA, "forgot password") are unknown
 * to us; these exist so that a person (or a test acting as the system browser) can complete a real
 * authorization-code flow.
 */
import type { ServerResponse } from 'node:http';

/**
 * No scripts, no external anything. `form-action` must also allow the loopback redirect: Chromium applies
 * form-action to the redirects that follow a form POST, and the login POST ends (via the provider's resume
 * endpoint) at http://127.0.0.1:<port>/callback.
 */
export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self' http://127.0.0.1:*; frame-ancestors 'none'; base-uri 'none'";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:26rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}' +
  'label{display:block;margin-top:1rem;font-weight:600}input{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}' +
  'button{margin-top:1.5rem;padding:.6rem 1.2rem;font-size:1rem}.error{color:#a00000;font-weight:600}.hint{color:#555;font-size:.9rem}';

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export interface LoginPageInput {
  readonly uid: string;
  readonly clientName: string;
  readonly email?: string;
  readonly error?: string;
  readonly demoUsers: ReadonlyArray<string>;
}

export function loginPage(input: LoginPageInput): string {
  const uid = encodeURIComponent(input.uid);
  const error = input.error ? `<p class="error" role="alert" id="error">${escapeHtml(input.error)}</p>` : '';
  const hint = input.demoUsers.length
    ? `<p class="hint">Sandbox sign-in. Demo users: ${input.demoUsers.map(escapeHtml).join(', ')} (password: demo).</p>`
    : '';
  return layout(
    'Sign in to Exopen',
    `<h1>Sign in to Exopen</h1><p>${escapeHtml(input.clientName)} asks you to sign in.</p>${error}` +
      `<form method="post" action="/interaction/${uid}/login" autocomplete="on">` +
      `<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(input.email ?? '')}">` +
      `<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>` +
      `<button type="submit">Sign in</button></form>` +
      `<p><a href="/interaction/${uid}/abort">Cancel and return to ${escapeHtml(input.clientName)}</a></p>${hint}`,
  );
}

export function errorPage(title: string, message: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(message)}</p>`);
}

export function sendPage(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Content-Security-Policy': PAGE_CSP,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  response.end(html);
}
