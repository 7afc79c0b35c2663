/**
 * Answers app:// requests from the built renderer folder: fetch-style Request in, Response out, so the
 * handler runs in plain Node under test and Electron's protocol.handle just plugs it in. Every response,
 * errors included, carries the renderer CSP.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { RENDERER_CSP } from '../platform/csp';
import { APP_HOST, APP_SCHEME } from './origin';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export const RENDERER_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

export type RendererHandler = (request: Request) => Promise<Response>;

/**
 * Maps a request path to a file strictly inside `root`, or says why not. The URL parser already folds
 * literal `..` segments, but an encoded slash (`..%2f`) only becomes one after decoding, so the check is
 * made on the decoded, resolved path.
 */
export function resolveInside(root: string, pathname: string): { ok: true; file: string } | { ok: false; status: 400 | 403 } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 400 };
  const base = resolve(root);
  const file = resolve(base, `.${decoded.endsWith('/') ? `${decoded}index.html` : decoded}`);
  return file.startsWith(base + sep) ? { ok: true, file } : { ok: false, status: 403 };
}

export function createRendererHandler(rootDir: string): RendererHandler {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const url = new URL(request.url);
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, 'Not found');
    const target = resolveInside(rootDir, url.pathname);
    if (!target.ok) return plain(target.status, target.status === 403 ? 'Forbidden' : 'Bad request');
    let body: Buffer;
    try {
      if (!(await stat(target.file)).isFile()) return plain(404, 'Not found');
      body = await readFile(target.file);
    } catch (error) {
      if (isMissing(error)) return plain(404, 'Not found');
      throw error;
    }
    const headers = { ...RENDERER_RESPONSE_HEADERS, 'Content-Type': CONTENT_TYPES[extname(target.file).toLowerCase()] ?? 'application/octet-stream' };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...RENDERER_RESPONSE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}
