/** Writing answers: JSON bodies, Procountor's `{"errors":[…]}` error bodies and OAuth errors (input: ../shared/input). */
import type { ServerResponse } from 'node:http';

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

