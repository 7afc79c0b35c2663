/** Writing answers: JSON bodies, Procountor's `{"errors":[…]}` error bodies, OAuth errors, and form/JSON input. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SimulatorInputError } from './state';

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8', 'Content-Length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

/** ErrorMessages as in Procountor's OpenAPI: status, field (empty when not about a field) and message. */
export function sendErrors(res: ServerResponse, status: number, message: string, field = '', headers: Record<string, string> = {}): void {
  sendJson(res, status, { errors: [{ status, field, message }] }, headers);
}

/** RFC 6749 error body. UNCERTAIN that Procountor's token endpoint answers exactly like this. */
export function sendOAuthError(res: ServerResponse, status: number, error: string, description: string): void {
  sendJson(res, status, { error, error_description: description }, { 'Cache-Control': 'no-store' });
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

const MAX_BODY = 64 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new SimulatorInputError('request body over 64 KiB');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  try {
    return text ? (JSON.parse(text) as unknown) : {};
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new SimulatorInputError(`body is not JSON: ${error.message}`);
  }
}
