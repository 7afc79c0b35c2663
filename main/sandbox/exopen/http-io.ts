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
  /** Extension members (e.g. `dataSourceId`, `upstream`), as the document names them. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

export function sendProblem(response: ServerResponse, problem: ProblemSpec, headers: Headers = {}): void {
  const body = {
    type: `/problems/${problem.code}`,
    title: STATUS_CODES[problem.status] ?? 'Error',
    status: problem.status,
    detail: problem.detail,
    code: problem.code,
    ...(problem.errors ? { errors: problem.errors } : {}),
    ...problem.extra,
  };
  const text = JSON.stringify(body);
  response.writeHead(problem.status, {
    'Content-Type': 'application/problem+json',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

/** What a route answers; the pipeline writes it (or drops the connection, for the lost-response fault). */
export type Answer =
  | { readonly kind: 'json'; readonly status: number; readonly body: unknown; readonly headers?: Headers }
  | { readonly kind: 'problem'; readonly problem: ProblemSpec; readonly headers?: Headers }
  | { readonly kind: 'empty'; readonly status: 204; readonly headers?: Headers }
  | { readonly kind: 'drop' };

export const json = (status: number, body: unknown, headers?: Headers): Answer => ({ kind: 'json', status, body, ...(headers ? { headers } : {}) });
export const problem = (spec: ProblemSpec, headers?: Headers): Answer => ({ kind: 'problem', problem: spec, ...(headers ? { headers } : {}) });
export const noContent = (headers?: Headers): Answer => ({ kind: 'empty', status: 204, ...(headers ? { headers } : {}) });

/** Marks an answer as the replay of an earlier request with the same Idempotency-Key. */
export function replayed(answer: Answer): Answer {
  if (answer.kind === 'drop') return answer;
  return { ...answer, headers: { ...answer.headers, 'Idempotent-Replayed': 'true' } };
}

export function send(request: IncomingMessage, response: ServerResponse, answer: Answer): void {
  switch (answer.kind) {
    case 'json':
      return sendJson(response, answer.status, answer.body, answer.headers);
    case 'problem':
      return sendProblem(response, answer.problem, answer.headers);
    case 'empty':
      response.writeHead(204, { ...answer.headers });
      response.end();
      return;
    case 'drop':
      // Committed, but the answer never arrives: the client must retry with the same key.
      request.socket.destroy();
      return;
  }
}

export function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}
