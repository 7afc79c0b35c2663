/** The domain and login checks when no Vitec answers properly: DNS, refused, timeout, reset, not-Vitec, 5xx. */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createVitecConnector } from '../../../main/connectors/vitec';
import type { ConnectorContext } from '../../../main/connectors/context';
import { contextFor, failing, messagesIn, render, statuses } from './helpers';

const servers: Server[] = [];
afterEach(async () => {
  const closing = servers.splice(0).map(
    (server) =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  await Promise.all(closing);
});

async function serve(listener: RequestListener): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const input = { fields: { domain: 'acme', username: 'exopen.api', integrationId: 'abc-123' }, secrets: { password: 'Hemligt-123' } };

async function run(sandboxUrl: string, extra: Partial<ConnectorContext> = {}) {
  const ctx = contextFor(sandboxUrl, extra);
  const report = await createVitecConnector(ctx).runChecks(input, { onEvent: () => undefined });
  for (const message of messagesIn(report)) render(message);
  return report;
}

describe('Vitec checks when the host does not answer as Vitec', () => {
  it('DNS failure: names the domain typo and the internet connection', async () => {
    const report = await run('http://nosuch.invalid:9');
    expect(statuses(report)).toEqual({ domain: 'failed', login: 'skipped', companies: 'skipped', integration: 'skipped' });
    const domain = failing(report, 'domain');
    expect(domain.kind).toBe('unreachable');
    expect(render(domain.meaning)).toContain('Either there is no Vitec installation called “acme” (a typo in Domain)');
  });

  it('refused: explained as nothing listening or a firewall', async () => {
    const url = await serve(() => undefined);
    const closed = servers.pop()!;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const domain = failing(await run(url), 'domain');
    expect(domain.meaning.key).toBe('vitec:diagnosis.network.refused.meaning');
  });

  it('no answer in time: the request deadline that ran out is explained', async () => {
    const url = await serve(() => undefined);
    const domain = failing(await run(url, { timeoutMs: 200 }), 'domain');
    expect(domain.meaning.key).toBe('vitec:diagnosis.network.deadline.meaning');
    expect(render(domain.meaning)).toMatch(/^Vitec Ekonomi's \/\S+ did not finish in 1 s/);
  });

  it('connection dropped: explained as cut', async () => {
    const url = await serve((req) => req.socket.destroy());
    const domain = failing(await run(url), 'domain');
    expect(domain.meaning.key).toBe('vitec:diagnosis.network.reset.meaning');
  });

  it('a login page instead of the API: the domain answers, the sign-in explains the proxy', async () => {
    const url = await serve((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>Logga in</html>'));
    const report = await run(url);
    expect(statuses(report)).toEqual({ domain: 'passed', login: 'failed', companies: 'skipped', integration: 'skipped' });
    const login = failing(report, 'login');
    expect(login.kind).toBe('unreachable');
    expect(render(login.meaning)).toBe('acme.vitec.net (sandbox) answered (HTTP 200), but not in the form Vitec Ekonomi\'s API uses. A proxy, firewall or login page may be answering instead.');
  });

  it('a server error: Vitec\'s text kept, explained as theirs', async () => {
    const url = await serve((_req, res) => res.writeHead(500, { 'Content-Type': 'text/plain' }).end('Internt fel'));
    const login = failing(await run(url), 'login');
    expect(login.vendor).toEqual({ text: 'Internt fel', httpStatus: 500 });
    expect(login.meaning.key).toBe('vitec:diagnosis.api.server.meaning');
    expect(render(login.summary)).toBe('The sign-in could not be tested.');
  });

  it('a password echoed back by a broken server is scrubbed from the vendor text', async () => {
    const url = await serve((_req, res) => res.writeHead(401).end('{"error":"invalid-credentials","message":"Bad password Hemligt-123"}'));
    const login = failing(await run(url), 'login');
    expect(login.vendor?.text).toBe('Bad password ••••');
  });
});
