/**
 * POST /api/invoke/<call>: only from our own Origin with X-Exopen-Bridge: 1; answers the contract's
 * envelope, and refuses unknown calls, malformed payloads and non-JSON bodies as typed errors
 * (oversized bodies: oversize.test.ts, on a host of its own).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo, BridgeError, Envelope } from '../../../preload/contract';
import { startWeb, type Web } from './support';

function post(web: Web, path: string, headers: Record<string, string>, body = '{}') {
  return fetch(`${web.host.origin}${path}`, { method: 'POST', headers, body });
}

async function failure(response: Response): Promise<BridgeError> {
  expect(response.status).toBe(200);
  const envelope = (await response.json()) as Envelope<unknown>;
  if (envelope.ok) throw new Error('call unexpectedly succeeded');
  return envelope.error;
}

describe('web host bridge calls', () => {
  let web: Web;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(() => web.stop());

  it('a valid call returns the envelope: app.info ok, host web, sandbox true', async () => {
    const response = await post(web, '/api/invoke/app.info', web.bridgeHeaders());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const envelope = (await response.json()) as Envelope<AppInfo>;
    expect(envelope.ok).toBe(true);
    if (!envelope.ok) return;
    expect(envelope.value).toMatchObject({ host: 'web', sandbox: true, backend: { environment: 'sandbox', url: web.sandbox.backend.url } });
  });

  it('refuses without Origin, with a foreign Origin, or without X-Exopen-Bridge: 403', async () => {
    const { Origin: _origin, ...noOrigin } = web.bridgeHeaders();
    const { 'X-Exopen-Bridge': _bridge, ...noBridge } = web.bridgeHeaders();
    const cases: Array<[string, Record<string, string>]> = [
      ['no Origin', noOrigin],
      ['foreign Origin', { ...web.bridgeHeaders(), Origin: 'http://evil.example' }],
      ['https Origin of our host', { ...web.bridgeHeaders(), Origin: `https://127.0.0.1:${web.port}` }],
      ['Origin on another port', { ...web.bridgeHeaders(), Origin: `http://127.0.0.1:${web.port + 1}` }],
      ['null Origin', { ...web.bridgeHeaders(), Origin: 'null' }],
      ['no bridge header', noBridge],
      ['bridge header not 1', { ...web.bridgeHeaders(), 'X-Exopen-Bridge': 'true' }],
    ];
    for (const [label, headers] of cases) {
      const response = await post(web, '/api/invoke/drafts.start', headers, JSON.stringify({ system: 'netvisor' }));
      expect(response.status, label).toBe(403);
      expect(await response.text(), label).not.toContain('"ok"');
    }
    // None of the refused calls reached the handler.
    const current = await web.invoke('drafts.current', {});
    expect(current).toEqual({ ok: true, value: null });
  });

  it('an unknown call name answers {ok:false} E_UNKNOWN_CALL', async () => {
    for (const name of ['no.such', 'constructor', '__proto__', 'app.info/../drafts.start']) {
      const error = await failure(await post(web, `/api/invoke/${encodeURIComponent(name)}`, web.bridgeHeaders()));
      expect(error.code, name).toBe('E_UNKNOWN_CALL');
    }
  });

  it('a malformed payload answers E_BAD_INPUT naming the field', async () => {
    const error = await failure(await post(web, '/api/invoke/drafts.start', web.bridgeHeaders(), JSON.stringify({ system: 'sap' })));
    expect(error.code).toBe('E_BAD_INPUT');
    expect(error.message).toContain('system');
  });

  it('a non-JSON body answers E_BAD_INPUT', async () => {
    const error = await failure(await post(web, '/api/invoke/app.info', web.bridgeHeaders(), '{not json'));
    expect(error.code).toBe('E_BAD_INPUT');
  });

  it('GET on a call is not a call', async () => {
    const response = await fetch(`${web.host.origin}/api/invoke/app.info`, { headers: { Cookie: web.cookie } });
    expect(response.status).not.toBe(200);
  });
});
