/** Writing answers: XML envelopes with the customer's clock in Date and TimeStamp, and plain admin JSON. */
import type { ServerResponse } from 'node:http';
import { httpStatusFor } from './texts';
import { envelope, type XmlNode } from './xml';

export interface Reply {
  /** The simulated server time for this customer (the Date header lets clients detect clock skew). */
  readonly nowMs: number;
  /** True when the request sent UseHTTPResponseStatusCodes=1; otherwise every answer is 200. */
  readonly useHttpStatus: boolean;
}

function send(res: ServerResponse, status: number, body: string, contentType: string, nowMs: number): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    Date: new Date(nowMs).toUTCString(),
  });
  res.end(body);
}

export function sendData(res: ServerResponse, reply: Reply, data: ReadonlyArray<XmlNode>): void {
  send(res, 200, envelope({ ok: true, data }, reply.nowMs), 'text/xml; charset=utf-8', reply.nowMs);
}

export function sendFailure(res: ServerResponse, reply: Reply, code: string, text: string, httpStatus = httpStatusFor(code)): void {
  const status = reply.useHttpStatus ? httpStatus : 200;
  send(res, status, envelope({ ok: false, status: `${code} :: ${text}` }, reply.nowMs), 'text/xml; charset=utf-8', reply.nowMs);
}

export function sendRaw(res: ServerResponse, reply: Reply, body: string, contentType = 'text/html; charset=utf-8'): void {
  send(res, 200, body, contentType, reply.nowMs);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', Date.now());
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  send(res, status, text, 'text/plain; charset=utf-8', Date.now());
}
