/** Writing answers (JSON everywhere, Vitec's error body for errors) and reading admin bodies. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ASSUMED_ERRORS, type ErrorBody } from '../../connectors/vitec/assumedApi';
import { SimulatorInputError } from './state';

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

const MAX_BODY = 64 * 1024;

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new SimulatorInputError('request body over 64 KiB');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text ? JSON.parse(text) : {};
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new SimulatorInputError(`body is not JSON: ${error.message}`);
  }
}
