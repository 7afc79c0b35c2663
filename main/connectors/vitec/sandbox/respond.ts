/** Writing answers: JSON everywhere, Vitec's error body for errors (admin bodies are read by ../shared/input). */
import type { ServerResponse } from 'node:http';
import { ASSUMED_ERRORS, type ErrorBody } from '../assumedApi';

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** An error exactly as the assumed API defines it (status and `error` code from one table). */
export function sendError(res: ServerResponse, kind: keyof typeof ASSUMED_ERRORS, message: string): void {
  const { status, code } = ASSUMED_ERRORS[kind];
  const body: ErrorBody = { error: code, message };
  sendJson(res, status, body);
}
