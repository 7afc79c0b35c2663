/** Reading requests and writing JSON and problem+json (RFC 9457) answers for the sandbox backend. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { WireFieldError } from './validation';

export const BODY_LIMIT_BYTES = 1024 * 1024;

export type Body = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'too-large' };

/** Reads the whole body; past the limit it keeps draining (so the answer can be sent) but keeps nothing. */
export function readBody(request: IncomingMessage, limit = BODY_LIMIT_BYTES): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > limit ? { kind: 'too-large' } : { kind: 'text', text: Buffer.concat(chunks).toString('utf8') }));
    request.on('error', reject);
  });
}

export type Headers = Readonly<Record<string, string>>;

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Headers = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

export interface ProblemSpec {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors?: ReadonlyArray<WireFieldError>;
}

export function sendProblem(response: ServerResponse, problem: ProblemSpec, headers: Headers = {}): void {
  const body = {
    type: `/problems/${problem.code}`,
    title: STATUS_CODES[problem.status] ?? 'Error',
    status: problem.status,
    detail: problem.detail,
    code: problem.code,
    ...(problem.errors ? { errors: problem.errors } : {}),
  };
  const text = JSON.stringify(body);
  response.writeHead(problem.status, {
    'Content-Type': 'application/problem+json',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

export function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}
