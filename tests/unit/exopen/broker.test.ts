import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BrokerSigner, BrokerSignerError, brokerPortOf, LocalSigner, NetvisorApiError, NetvisorClient, NETVISOR_RESOURCES } from '../../../main/connectors/netvisor';
import { ExopenError, type NetvisorSignInput } from '../../../main/exopen';
import { startNetvisorSimulator, type NetvisorSimulator } from '../../../main/connectors/netvisor/sandbox';
import { contractViolations, filesContaining, startHarness, type Harness } from './support/harness';

let simulator: NetvisorSimulator;
beforeAll(async () => {
  simulator = await startNetvisorSimulator();
});
afterAll(() => simulator.close());

const healthy = () => {
  const found = simulator.scenarios.find((scenario) => scenario.id === 'healthy');
  if (!found) throw new Error('no healthy scenario');
  return found.credentials;
};

const netvisorThrough = (signer: BrokerSigner | LocalSigner) =>
  new NetvisorClient({
    baseUrl: simulator.url,
    customerId: healthy().customerId,
    customerKey: healthy().customerKey,
    organisationId: healthy().businessId,
    signer,
  });

const signInput = (overrides: Partial<NetvisorSignInput> = {}): NetvisorSignInput => ({
  url: `${simulator.url}/accountlist.nv`,
  sender: 'Exopen Connect',
  customerId: healthy().customerId,
  timestamp: '2026-01-02 03:04:05.678',
  language: 'EN',
  organisationId: healthy().businessId,
  transactionId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  timestampUnix: '1767323045',
  customerKey: healthy().customerKey,
  ...overrides,
});

describe('the Netvisor signing broker', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('signs requests the real Netvisor simulator accepts, with the partner id it answers', async () => {
    harness = await startHarness({ partners: { netvisor: simulator.partner } });
    const signer = new BrokerSigner(brokerPortOf(harness.client));
    expect(() => signer.partnerId).toThrow(BrokerSignerError);
    const client = netvisorThrough(signer);
    for (const resource of NETVISOR_RESOURCES.slice(0, 3)) {
      const reply = await client.get(resource.path, resource.probe(new Date()));
      expect(reply.httpStatus).toBe(200);
    }
    expect(signer.partnerId).toBe(simulator.partner.partnerId);
    const signatures = harness.proxy.exchanges.filter((exchange) => exchange.url === '/v1/broker/netvisor/sign');
    expect(signatures).toHaveLength(3);

    // The same inputs give the MAC the local signer computes with the partner key the broker holds.
    const local = new LocalSigner(simulator.partner.partnerId, simulator.partner.partnerKey);
    expect((await harness.client.brokerNetvisorSign(signInput())).mac).toBe(await local.sign(signInput()));

    // Neither the partner key nor the customer key comes back in any answer or lands on disk.
    const answers = harness.proxy.exchanges.map((exchange) => exchange.responseBody ?? '').join('\n');
    expect(answers).not.toContain(simulator.partner.partnerKey);
    expect(answers).not.toContain(healthy().customerKey);
    await harness.sandbox.close();
    expect(await filesContaining(harness.dataDir, simulator.partner.partnerKey)).toEqual([]);
    expect(await filesContaining(harness.dataDir, healthy().customerKey)).toEqual([]);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('signs with the partner it was given: a broker holding another partner key is refused by Netvisor', async () => {
    harness = await startHarness({ partners: { netvisor: { partnerId: simulator.partner.partnerId, partnerKey: 'not-the-partner-key' } } });
    const failure = await netvisorThrough(new BrokerSigner(brokerPortOf(harness.client))).get('accountlist.nv').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NetvisorApiError);
  });

  it('answers 503 broker-not-configured without partner credentials; the client gives up at once', async () => {
    harness = await startHarness();
    const failure = await harness.client.brokerNetvisorSign(signInput()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ExopenError);
    expect(failure).toMatchObject({ code: 'not-configured', httpStatus: 503, problemCode: 'broker-not-configured' });
    expect((failure as ExopenError).msg).toEqual({ key: 'exopen:errors.not-configured' });
    expect(harness.proxy.exchanges).toHaveLength(1);
    expect(harness.proxy.exchanges[0]?.responseHeaders?.['retry-after']).toMatch(/^\d+$/);
    expect(harness.proxy.exchanges[0]?.responseBody).not.toContain(healthy().customerKey);
    // Through the signer, the connector sees the same typed error.
    await expect(netvisorThrough(new BrokerSigner(brokerPortOf(harness.client))).get('accountlist.nv')).rejects.toMatchObject({ code: 'not-configured' });
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });

  it('refuses malformed signing requests field by field, never quoting the customer key', async () => {
    harness = await startHarness({ partners: { netvisor: simulator.partner } });
    const failure = await harness.client
      .brokerNetvisorSign(signInput({ url: 'not a url', timestamp: '2026-01-02T03:04:05Z', language: 'ENG', timestampUnix: '-5' }))
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'validation', httpStatus: 422 });
    expect((failure as ExopenError).fieldErrors.map((item) => item.field).sort()).toEqual(['language', 'timestamp', 'timestampUnix', 'url']);
    const raw = await fetch(`${harness.proxy.url}/v1/broker/netvisor/sign`, {
      method: 'POST',
      headers: { authorization: `Bearer ${harness.sandbox.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...signInput(), algorithm: 'SHA256', extra: healthy().customerKey }),
    });
    const problem = (await raw.json()) as { errors: Array<{ field: string; message: string }> };
    expect(problem.errors.map((item) => item.field).sort()).toEqual(['algorithm', 'extra']);
    expect(JSON.stringify(problem)).not.toContain(healthy().customerKey);
    expect(contractViolations(harness.proxy.exchanges)).toEqual([]);
  });
});
