import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseBusinessId } from '../../../main/connectors/netvisor/businessId';
import { classifyAuthFailure } from '../../../main/connectors/netvisor/authFailure';
import { parseEnvelope } from '../../../main/connectors/netvisor/envelope';
import { authHeaders } from '../../../main/connectors/netvisor/headers';
import { createHash } from 'node:crypto';
import { hmacSha256Mac, legacySha256Mac } from '../../../main/connectors/netvisor/mac';
import { LocalSigner } from '../../../main/connectors/netvisor/signer';
import { startNetvisorSimulator, type NetvisorSimulator } from '../../../main/connectors/netvisor/sandbox';
import { scenario } from './helpers';

let simulator: NetvisorSimulator;
beforeAll(async () => {
  simulator = await startNetvisorSimulator();
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

interface Tweaks {
  readonly path?: string;
  readonly signedUrl?: string;
  readonly nowMs?: number;
  readonly partnerId?: string;
  readonly edit?: (headers: Record<string, string>) => void;
}

async function signedGet(tweaks: Tweaks = {}): Promise<{ status: number; body: string; headers: Headers }> {
  const { credentials } = scenario(simulator, 'healthy');
  const url = `${simulator.url}/${tweaks.path ?? 'accountlist.nv'}`;
  const signer = new LocalSigner(tweaks.partnerId ?? simulator.partner.partnerId, simulator.partner.partnerKey);
  const headers = await authHeaders(tweaks.signedUrl ?? url, { customerId: credentials.customerId, customerKey: credentials.customerKey, organisationId: credentials.businessId, signer }, tweaks.nowMs ?? Date.now());
  tweaks.edit?.(headers);
  const response = await fetch(url, { headers });
  return { status: response.status, body: await response.text(), headers: response.headers };
}

const statusOf = (body: string): string => {
  const envelope = parseEnvelope(body);
  return envelope.ok ? 'OK' : envelope.error.verbatim;
};

describe('Netvisor simulator', () => {
  it('answers like Netvisor: declaration, CRLF, Finnish timestamp, decimal commas', async () => {
    const { status, body, headers } = await signedGet({ path: 'accountingledger.nv?startdate=2024-01-01&enddate=2024-01-10' });
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(body.startsWith('<?xml version="1.0" encoding="utf-8" standalone="yes"?>\r\n<Root>\r\n')).toBe(true);
    expect(body.replace(/\r\n/g, '')).not.toContain('\n');
    expect(body).toMatch(/<TimeStamp>\d{1,2}\.\d{1,2}\.\d{4} \d{2}:\d{2}:\d{2}<\/TimeStamp>/);
    expect(body).toMatch(/<LineSum>-?\d+,\d{2}<\/LineSum>/);
    expect(body).toMatch(/<VoucherDate>1\.1\.2024<\/VoucherDate>/);
  });

  it('accepts the MAC in upper case and the legacy SHA256 scheme', async () => {
    expect(statusOf((await signedGet({ edit: (h) => void (h['X-Netvisor-Authentication-MAC'] = h['X-Netvisor-Authentication-MAC']!.toUpperCase()) })).body)).toBe('OK');
    const { credentials } = scenario(simulator, 'healthy');
    const legacy = await signedGet({
      edit: (h) => {
        h['X-Netvisor-Authentication-MACHashCalculationAlgorithm'] = 'SHA256';
        h['X-Netvisor-Authentication-MAC'] = legacySha256Mac({
          url: `${simulator.url}/accountlist.nv`,
          sender: h['X-Netvisor-Authentication-Sender']!,
          customerId: credentials.customerId,
          timestamp: h['X-Netvisor-Authentication-Timestamp']!,
          language: 'EN',
          organisationId: credentials.businessId,
          transactionId: h['X-Netvisor-Authentication-TransactionId']!,
          customerKey: credentials.customerKey,
          partnerKey: simulator.partner.partnerKey,
        });
      },
    });
    expect(statusOf(legacy.body)).toBe('OK');
  });

  it('rejects a missing header, naming it', async () => {
    const { status, body } = await signedGet({ edit: (h) => void delete h['X-Netvisor-Authentication-TransactionId'] });
    expect(status).toBe(401);
    expect(statusOf(body)).toMatch(/^AUTHENTICATION_FAILED :: .*X-Netvisor-authentication-transactionid/i);
  });

  it('answers 200 + FAILED when HTTP status codes were not asked for', async () => {
    const { status, body } = await signedGet({ edit: (h) => { delete h['X-Netvisor-Authentication-UseHTTPResponseStatusCodes']; h['X-Netvisor-Authentication-MAC'] = '00'; } });
    expect(status).toBe(200);
    expect(statusOf(body)).toMatch(/^AUTHENTICATION_FAILED :: Integration keys are not valid/);
  });

  it('rejects a timestamp outside the window', async () => {
    const { body } = await signedGet({ nowMs: Date.now() - 10 * 60_000 });
    expect(statusOf(body)).toBe('AUTHENTICATION_FAILED :: The timestamp is outside the allowed time window');
  });

  it('with HMACSHA256 checks the Timestamp header too: a stale Timestamp beside a fresh TimestampUnix is refused', async () => {
    const { credentials } = scenario(simulator, 'healthy');
    const now = Date.now();
    // Signed correctly over a Timestamp ten minutes old and today's TimestampUnix: only freshness can fail.
    const { body } = await signedGet({
      nowMs: now - 10 * 60_000,
      edit: (h) => {
        h['X-Netvisor-Authentication-TimestampUnix'] = String(Math.floor(now / 1000));
        h['X-Netvisor-Authentication-MAC'] = hmacSha256Mac({
          url: `${simulator.url}/accountlist.nv`,
          sender: h['X-Netvisor-Authentication-Sender']!,
          customerId: credentials.customerId,
          timestamp: h['X-Netvisor-Authentication-Timestamp']!,
          language: 'EN',
          organisationId: credentials.businessId,
          transactionId: h['X-Netvisor-Authentication-TransactionId']!,
          timestampUnix: h['X-Netvisor-Authentication-TimestampUnix']!,
          customerKey: credentials.customerKey,
          partnerKey: simulator.partner.partnerKey,
        });
      },
    });
    expect(statusOf(body)).toBe('AUTHENTICATION_FAILED :: The timestamp is outside the allowed time window');
  });

  it('accepts the legacy MD5 scheme: MD5 of the SHA256 message (no TimestampUnix, no key), with or without the algorithm header', async () => {
    const { credentials } = scenario(simulator, 'healthy');
    const md5Of = (h: Record<string, string>) =>
      createHash('md5')
        .update(
          [
            `${simulator.url}/accountlist.nv`,
            h['X-Netvisor-Authentication-Sender'],
            credentials.customerId,
            h['X-Netvisor-Authentication-Timestamp'],
            'EN',
            credentials.businessId,
            h['X-Netvisor-Authentication-TransactionId'],
            credentials.customerKey,
            simulator.partner.partnerKey,
          ].join('&'),
          'latin1',
        )
        .digest('hex');
    const named = await signedGet({
      edit: (h) => {
        h['X-Netvisor-Authentication-MACHashCalculationAlgorithm'] = 'MD5';
        delete h['X-Netvisor-Authentication-TimestampUnix'];
        h['X-Netvisor-Authentication-MAC'] = md5Of(h);
      },
    });
    expect(statusOf(named.body)).toBe('OK');
    // The oldest clients sent no algorithm header at all and signed with MD5.
    const unnamed = await signedGet({
      edit: (h) => {
        delete h['X-Netvisor-Authentication-MACHashCalculationAlgorithm'];
        delete h['X-Netvisor-Authentication-TimestampUnix'];
        h['X-Netvisor-Authentication-MAC'] = md5Of(h);
      },
    });
    expect(statusOf(unnamed.body)).toBe('OK');
    // An MD5 MAC under the SHA256 name is refused: the name decides the scheme.
    const mislabelled = await signedGet({
      edit: (h) => {
        h['X-Netvisor-Authentication-MACHashCalculationAlgorithm'] = 'SHA256';
        h['X-Netvisor-Authentication-MAC'] = md5Of(h);
      },
    });
    expect(statusOf(mislabelled.body)).toMatch(/^AUTHENTICATION_FAILED :: Integration keys are not valid/);
    // A stale Timestamp is refused in MD5 mode too.
    const stale = await signedGet({
      nowMs: Date.now() - 10 * 60_000,
      edit: (h) => {
        h['X-Netvisor-Authentication-MACHashCalculationAlgorithm'] = 'MD5';
        h['X-Netvisor-Authentication-MAC'] = md5Of(h);
      },
    });
    expect(statusOf(stale.body)).toBe('AUTHENTICATION_FAILED :: The timestamp is outside the allowed time window');
  });

  it('refuses an algorithm it does not know, naming the header', async () => {
    const { body } = await signedGet({ edit: (h) => void (h['X-Netvisor-Authentication-MACHashCalculationAlgorithm'] = 'SHA1') });
    expect(statusOf(body)).toMatch(/^AUTHENTICATION_FAILED :: .*X-Netvisor-Authentication-MACHashCalculationAlgorithm/);
  });

  it('rejects an unknown partner in Finnish, as the real fixture does', async () => {
    const { body } = await signedGet({ partnerId: 'someone-else' });
    expect(statusOf(body)).toBe('AUTHENTICATION_FAILED :: Integraatiokumppania ei löydy, katso dokumentaatio');
  });

  it('echoes the expected MAC string when the client signed a different URL', async () => {
    const { body } = await signedGet({ signedUrl: `${simulator.url.replace('http:', 'https:')}/accountlist.nv` });
    const verbatim = statusOf(body);
    expect(verbatim).toContain('Use this string for the MAC calculation:');
    expect(verbatim).toContain(`${simulator.url}/accountlist.nv&Exopen Connect&`);
    expect(verbatim).toContain('&YOUR_PRIVATE_KEY_HERE :: ');
    expect(verbatim).not.toContain(simulator.partner.partnerKey);
    const envelope = parseEnvelope(body);
    if (envelope.ok) throw new Error('expected FAILED');
    expect(classifyAuthFailure(envelope.error).kind).toBe('mac-url');
  });

  it('answers an unknown resource with 404', async () => {
    const { status, body } = await signedGet({ path: 'nosuchthing.nv' });
    expect(status).toBe(404);
    expect(statusOf(body)).toBe('INVALID_DATA :: Unknown resource: nosuchthing.nv');
  });

  it('offers valid demo credentials for every scenario', () => {
    expect(simulator.scenarios.map((info) => info.id)).toEqual(
      expect.arrayContaining(['healthy', 'two-blocked', 'no-api', 'wrong-keys', 'unknown-partner', 'clock-skew']),
    );
    for (const info of simulator.scenarios) expect(parseBusinessId(info.credentials.businessId), info.id).toEqual({ ok: true, value: info.credentials.businessId });
    expect(scenario(simulator, 'two-blocked').expectBlocked).toEqual(['accountingledger.nv', 'salesinvoicelist.nv']);
  });

  it('lists scenarios and validates admin calls, naming the bad field', async () => {
    const list = (await (await fetch(`${simulator.url}/_sandbox/scenarios`)).json()) as Array<{ id: string }>;
    expect(list.map((item) => item.id)).toContain('healthy');
    const post = (body: unknown) => fetch(`${simulator.url}/_sandbox/rights`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const missing = await post({ customerId: 'demo-healthy', resource: 'accountlist.nv' });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: string }).error).toMatch(/^allowed: /);
    const unknown = await post({ customerId: 'nobody', resource: 'accountlist.nv', allowed: false });
    expect(((await unknown.json()) as { error: string }).error).toMatch(/unknown customerId "nobody"/);
    const badResource = await post({ customerId: 'demo-healthy', resource: 'payroll.nv', allowed: false });
    expect(((await badResource.json()) as { error: string }).error).toMatch(/unknown resource "payroll.nv"/);
  });

  it('blocking through the admin endpoint and resetting', async () => {
    const { customerId } = scenario(simulator, 'healthy').credentials;
    await fetch(`${simulator.url}/_sandbox/rights`, { method: 'POST', body: JSON.stringify({ customerId, resource: 'accountlist.nv', allowed: false }) });
    expect(statusOf((await signedGet()).body)).toMatch(/^SERVICE_ACCESS_ERROR :: No access rights to the interface resource accountlist\.nv/);
    expect((await fetch(`${simulator.url}/_sandbox/reset`, { method: 'POST' })).status).toBe(200);
    expect(statusOf((await signedGet()).body)).toBe('OK');
  });
});
