/**
 * An oversized bridge call is refused without running the call. Sent over a raw socket so the test controls
 * exactly how much of the body is on the wire when the host answers (it stops reading at 1 MiB).
 */
import { connect, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWeb, type Web } from './support';

const MAX_BODY = 1024 * 1024;

interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Sends the head and `sent` bytes of a body declared as `declared` bytes; resolves with the (chunked) answer. */
async function oversizedCall(web: Web, declared: number, sent: number): Promise<{ answer: Answer; socket: Socket }> {
  const socket = connect({ host: '127.0.0.1', port: web.port });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const headers = web.bridgeHeaders();
  socket.write(
    `POST /api/invoke/drafts.start HTTP/1.1\r\nHost: 127.0.0.1:${web.port}\r\nCookie: ${headers.Cookie}\r\nAuthorization: ${headers.Authorization}\r\nOrigin: ${headers.Origin}\r\n` +
      `X-Exopen-Bridge: 1\r\nContent-Type: application/json\r\nContent-Length: ${declared}\r\n\r\n`,
  );
  socket.write(`{"system":"netvisor","padding":"${'x'.repeat(sent - 32)}`);
  const text = await new Promise<string>((resolve, reject) => {
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (received.includes('\r\n0\r\n\r\n')) resolve(received);
    });
    socket.once('error', reject);
    socket.once('close', () => resolve(received));
  });
  const split = text.indexOf('\r\n\r\n');
  const head = split < 0 ? text : text.slice(0, split);
  const chunked = split < 0 ? '' : text.slice(split + 4);
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const answerHeaders: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    answerHeaders[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = chunked.split('\r\n').filter((_, index) => index % 2 === 1).join('');
  return { answer: { status: Number(statusLine.split(' ')[1]), headers: answerHeaders, body }, socket };
}

describe('web host oversized bodies', () => {
  let web: Web;
  beforeEach(async () => {
    web = await startWeb();
  });
  afterEach(() => web.stop());

  it('refuses a body over 1 MiB with E_BAD_INPUT and does not run the call', async () => {
    const { answer, socket } = await oversizedCall(web, 2 * MAX_BODY, MAX_BODY + 4096);
    socket.destroy();
    expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'E_BAD_INPUT', message: 'request body too large' } });
    expect(answer.headers['content-security-policy']).toBeDefined();
    expect(await web.invoke('drafts.current', {})).toEqual({ ok: true, value: null });
  });

  // Regression: a body we stopped reading leaves bytes on the socket, so the host must close it.
  it('closes the connection it abandoned instead of advertising keep-alive', async () => {
    const { answer, socket } = await oversizedCall(web, 2 * MAX_BODY, MAX_BODY + 4096);
    socket.destroy();
    expect(answer.headers['connection']).toBe('close');
  });
});
