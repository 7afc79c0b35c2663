import { describe, expect, it } from 'vitest';
import { hmacSha256Mac, legacySha256Mac, type MacInput } from '../../../main/connectors/netvisor/mac';
import { authHeaders, formatTimestamp } from '../../../main/connectors/netvisor/headers';
import { LocalSigner } from '../../../main/connectors/netvisor/signer';

// The reference's worked example (a self-consistency vector computed with the documented formula).
const example: MacInput = {
  url: 'https://isvapi.netvisor.fi/accountingledger.nv?startdate=2024-01-01&enddate=2024-01-31',
  sender: 'Exopen Connection Assistant',
  customerId: 'TESTCUSTOMERID',
  timestamp: '2024-05-01 10:00:00.000',
  language: 'FI',
  organisationId: '1967543-8',
  transactionId: '0f8fad5bd9cb469fa165708677289c7a',
  timestampUnix: '1714557600',
  customerKey: 'customerkey123',
  partnerKey: 'partnerkey456',
};

describe('Netvisor MAC', () => {
  it('matches the worked HMACSHA256 example', () => {
    expect(hmacSha256Mac(example)).toBe('0e862fa3121186c7ac9075bc101fb2a67916b8e845899aff452bab1269261c6d');
  });

  it('matches the worked legacy SHA256 example', () => {
    expect(legacySha256Mac(example)).toBe('68aaa64922e7e34a723059228083ca23f2fbb040d8d79900dbe77a4ae95665ae');
  });

  it('changes when any signed part changes', () => {
    const base = hmacSha256Mac(example);
    for (const key of Object.keys(example) as Array<keyof MacInput>) {
      expect(hmacSha256Mac({ ...example, [key]: `${example[key]}x` }), key).not.toBe(base);
    }
  });

  it('the local signer produces the same MAC without exposing the partner key', async () => {
    const signer = new LocalSigner('partner-id', 'partnerkey456');
    const { partnerKey: _omitted, ...withoutPartnerKey } = example;
    await expect(signer.sign(withoutPartnerKey)).resolves.toBe(hmacSha256Mac(example));
    expect(JSON.stringify(signer)).not.toContain('partnerkey456');
  });

  it('formats the timestamp as yyyy-MM-dd HH:mm:ss.fff in UTC', () => {
    expect(formatTimestamp(Date.UTC(2024, 4, 1, 10, 0, 0, 7))).toBe('2024-05-01 10:00:00.007');
  });

  it('builds every header the reference lists, signing the same values it sends', async () => {
    const signer = new LocalSigner('partner-id', 'partnerkey456');
    const at = Date.UTC(2024, 4, 1, 10, 0, 0);
    const headers = await authHeaders(example.url, { customerId: 'TESTCUSTOMERID', customerKey: 'customerkey123', organisationId: '1967543-8', signer }, at, example.transactionId);
    expect(headers).toMatchObject({
      'X-Netvisor-Authentication-Sender': 'Exopen Connect',
      'X-Netvisor-Authentication-CustomerId': 'TESTCUSTOMERID',
      'X-Netvisor-Authentication-PartnerId': 'partner-id',
      'X-Netvisor-Authentication-Timestamp': '2024-05-01 10:00:00.000',
      'X-Netvisor-Authentication-TimestampUnix': '1714557600',
      'X-Netvisor-Authentication-TransactionId': example.transactionId,
      'X-Netvisor-Interface-Language': 'EN',
      'X-Netvisor-Organisation-ID': '1967543-8',
      'X-Netvisor-Authentication-MACHashCalculationAlgorithm': 'HMACSHA256',
      'X-Netvisor-Authentication-UseHTTPResponseStatusCodes': '1',
    });
    expect(headers['X-Netvisor-Authentication-MAC']).toBe(hmacSha256Mac({ ...example, sender: 'Exopen Connect', language: 'EN' }));
    expect(JSON.stringify(headers)).not.toMatch(/customerkey123|partnerkey456/);
  });
});
