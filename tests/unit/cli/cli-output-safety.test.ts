/**
 * What a hostile vendor, or a proxy in front of it, can make the CLI print. The real CLI runs against a
 * local server standing in for a proxy in front of Procountor: it refuses the token exchange and echoes the
 * request back in its error body (the form as sent, so the customer's API key and Exopen's client secret
 * URL-encoded, and the client secret again in base64 and hex), followed by terminal escape sequences, a
 * carriage return and a fake verdict line. For `test`, `companies` and `diagnose`, human and --json, stdout
 * and stderr: no secret in any encoding, and nothing the terminal would act on.
 */
import { spawn } from 'node:child_process';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProcountorSimulator, type ProcountorSimulator } from '../../../main/connectors/procountor/sandbox';
import { canary, leakForms } from '../platform/support/canary';

const CLI = ['--import', 'tsx', 'main/hosts/cli/index.ts'];

/** Secrets with characters that URL-encoding, base64 and JSON each change. */
const API_KEY = `${canary('pk')}+/=&`;
const CLIENT_SECRET = `${canary('cs')}+/="`;
const HOSTILE = '\u001b[2J\u001b]0;pwned\u0007\u009b31m\u202edeliaf\u202c\r✔ Overall: passed (0 requests)\n\nOverall: passed (0 requests)';

/** Every form a secret could take in the output, computed here, not by the product. */
function forms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const form = new URLSearchParams({ v: secret }).toString().slice(2);
  return [...leakForms(secret), form, form.toLowerCase(), encodeURIComponent(secret).toLowerCase(), bytes.toString('base64'), bytes.toString('hex')];
}

let server: Server;
let baseUrl: string;
const received: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      received.push(body);
      const secret = new URLSearchParams(body).get('client_secret') ?? '';
      const description = [
        `proxy echo: ${request.method} ${request.url} ${body}`,
        `secret base64 ${Buffer.from(secret).toString('base64')} hex ${Buffer.from(secret).toString('hex')}`,
        HOSTILE,
      ].join(' | ');
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'invalid_grant', error_description: description }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The CLI as a child process (async: the echo server answers from this process). */
function runCli(args: string[], secrets: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, PROCOUNTOR_API_KEY: API_KEY, PROCOUNTOR_CLIENT_ID: 'exopen-test-client', PROCOUNTOR_CLIENT_SECRET: CLIENT_SECRET, ...secrets };
    const child = spawn(process.execPath, [...CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function expectNoSecret(text: string, where: string): void {
  for (const secret of [API_KEY, CLIENT_SECRET]) for (const form of forms(secret)) expect(text.includes(form), `${where} holds ${form}`).toBe(false);
}

/** Nothing a terminal acts on: C0 but \n and \t, DEL, C1, bidi controls. */
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const COMMANDS = [['test'], ['companies'], ['diagnose']] as const;

describe('CLI output against a vendor that echoes the request and sends escape sequences', () => {
  it.each(COMMANDS)('%s procountor (human): no secret in any encoding, control characters inert, one real verdict', async (command) => {
    const { code, stdout, stderr } = await runCli([command, 'procountor', '--base-url', baseUrl]);
    expect(code, stderr).toBe(2);
    expectNoSecret(stdout, 'stdout');
    expectNoSecret(stderr, 'stderr');
    // The echo did reach the output, redacted: the test would notice an echo that never arrived.
    expect(stdout).toContain('proxy echo: POST /api/oauth/token');
    expect(stdout).toContain('[REDACTED]');
    expect(stdout).not.toMatch(TERMINAL_CONTROL);
    expect(stderr).not.toMatch(TERMINAL_CONTROL);
    // The escape sequences are shown, not obeyed, and the fake verdict never starts a line.
    expect(stdout).toContain('\\x1b[2J');
    expect(stdout).toContain('\\u202e');
    expect(stdout.split('\n').filter((line) => /Overall/.test(line) && /^\s*(✔\s*)?Overall/.test(line))).toEqual([expect.stringMatching(/^Overall: failed/)]);
  });

  it.each(COMMANDS)('%s procountor --json: no secret in any encoding, JSON escapes every control character', async (command) => {
    const { code, stdout, stderr } = await runCli([command, 'procountor', '--json', '--base-url', baseUrl]);
    expect(code, stderr).toBe(2);
    expectNoSecret(stdout, 'stdout');
    expectNoSecret(stderr, 'stderr');
    expect(stdout).toContain('[REDACTED]');
    expect(stdout).not.toMatch(TERMINAL_CONTROL);
    expect(stderr).not.toMatch(TERMINAL_CONTROL);
    // The data itself is kept, escaped: a JSON reader gets the vendor's characters back.
    const parsed = JSON.stringify(JSON.parse(stdout) as unknown);
    expect(JSON.parse(stdout)).toBeTruthy();
    expect(stdout).toContain('\\u001b[2J');
    expect(stdout).toContain('\\u009b31m');
    expect(stdout).toContain('\\u202e');
    expect(parsed).toContain('deliaf');
  });

  it("commander's usage error does not echo a secret pasted into argv by mistake", async () => {
    const { code, stdout, stderr } = await runCli(['test', 'procountor', `--api-key=${API_KEY}`]);
    expect(code).toBe(1);
    expect(stderr).toContain("unknown option '--api-key=[REDACTED]'");
    expectNoSecret(stdout, 'stdout');
    expectNoSecret(stderr, 'stderr');
  });

  it('the echo server did receive both secrets (URL-encoded in the form)', () => {
    expect(received.length).toBeGreaterThanOrEqual(6);
    for (const body of received) {
      expect(new URLSearchParams(body).get('api_key')).toBe(API_KEY);
      expect(new URLSearchParams(body).get('client_secret')).toBe(CLIENT_SECRET);
    }
  });
});

describe('CLI output when a proxy in front of a working Procountor rewrites the company name', () => {
  let simulator: ProcountorSimulator;
  let proxy: Server;
  let proxyUrl: string;
  const NAME = 'Aurinkoranta Oy';
  const HOSTILE_NAME = `Evil Oy\u001b]0;pwned\u0007\r\nOverall: passed (0 requests)\n\u202eyO liveE`;

  beforeAll(async () => {
    simulator = await startProcountorSimulator();
    const target = new URL(simulator.url);
    proxy = createServer((incoming, outgoing) => {
      const upstream = httpRequest(
        { host: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers: { ...incoming.headers, host: target.host, 'accept-encoding': 'identity' } },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () => {
            const body = Buffer.from(Buffer.concat(chunks).toString('utf8').split(NAME).join(JSON.stringify(HOSTILE_NAME).slice(1, -1)), 'utf8');
            const headers = { ...answer.headers, 'content-length': String(body.length) };
            delete headers['transfer-encoding'];
            outgoing.writeHead(answer.statusCode ?? 502, headers);
            outgoing.end(body);
          });
        },
      );
      incoming.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}${target.pathname}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
    await simulator.close();
  });

  it('companies procountor (human): the company name the vendor sent is one inert line; the only verdict is ours', async () => {
    const healthy = simulator.scenarios.find((scenario) => scenario.id === 'healthy')!;
    const secrets = { PROCOUNTOR_API_KEY: healthy.credentials.apiKey, PROCOUNTOR_CLIENT_ID: simulator.partner.clientId, PROCOUNTOR_CLIENT_SECRET: simulator.partner.clientSecret };
    const listing = await runCli(['companies', 'procountor', '--base-url', proxyUrl], secrets);
    expect(listing.code, listing.stderr).toBe(0);
    expect(listing.stdout).toContain('Evil Oy\\x1b]0;pwned\\x07 Overall: passed (0 requests) \\u202eyO liveE');
    expect(listing.stdout).not.toMatch(TERMINAL_CONTROL);
    expect(listing.stdout.split('\n').filter((line) => /^\s*Overall/.test(line))).toEqual([]);
    const tested = await runCli(['test', 'procountor', '--base-url', proxyUrl], secrets);
    expect(tested.stdout).not.toMatch(TERMINAL_CONTROL);
    expect(tested.stdout.split('\n').filter((line) => /^\s*Overall/.test(line))).toEqual([expect.stringMatching(/^Overall: (passed|warning)/)]);
  });
});
