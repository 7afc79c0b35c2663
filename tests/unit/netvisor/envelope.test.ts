import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEnvelope } from '../../../main/connectors/netvisor/envelope';
import { NetvisorApiError, NetvisorParseError } from '../../../main/connectors/netvisor/errors';

const failed = (status: string) =>
  `<?xml version="1.0" encoding="utf-8" standalone="yes"?>\r\n<Root>\r\n  <ResponseStatus>\r\n    <Status>FAILED</Status>\r\n    <Status>${status}</Status>\r\n    <TimeStamp>01.01.2018 12:00:00</TimeStamp>\r\n  </ResponseStatus>\r\n</Root>\r\n`;

function expectParseError(body: string | Uint8Array, problem: string): void {
  try {
    parseEnvelope(body, 502);
  } catch (error) {
    expect(error).toBeInstanceOf(NetvisorParseError);
    expect((error as NetvisorParseError).problem).toBe(problem);
    expect((error as NetvisorParseError).httpStatus).toBe(502);
    return;
  }
  throw new Error('expected a NetvisorParseError');
}

describe('Netvisor envelope', () => {
  it('returns the data of an OK answer, keeping values as strings', () => {
    const envelope = parseEnvelope(
      '<Root><ResponseStatus><Status>OK</Status><TimeStamp>7.4.2009 13:46:07</TimeStamp></ResponseStatus><Vouchers><Voucher Status="valid"><NetvisorKey>012</NetvisorKey><LineSum>-17,18</LineSum></Voucher></Vouchers></Root>',
    );
    if (!envelope.ok) throw new Error('expected OK');
    expect(envelope.timestamp).toBe('7.4.2009 13:46:07');
    expect(envelope.data['Vouchers']).toEqual({ Voucher: { '@_Status': 'valid', NetvisorKey: '012', LineSum: '-17,18' } });
  });

  it('turns FAILED into a typed error: the code drives logic, the text stays verbatim', () => {
    const text = 'AUTHENTICATION_FAILED :: Integration keys are not valid. Please check the keys specific to the user and partner.';
    const envelope = parseEnvelope(failed(text), 401);
    if (envelope.ok) throw new Error('expected FAILED');
    expect(envelope.error).toBeInstanceOf(NetvisorApiError);
    expect(envelope.error).toMatchObject({ vendorCode: 'AUTHENTICATION_FAILED', rawCode: 'AUTHENTICATION_FAILED', verbatim: text, httpStatus: 401 });
    expect(envelope.error.text).toBe('Integration keys are not valid. Please check the keys specific to the user and partner.');
  });

  it('splits only at the first " :: " (the test server echoes more after a second one)', () => {
    const envelope = parseEnvelope(failed('AUTHENTICATION_FAILED :: URI-metodi ei kelpaa :: ABCDEF'));
    if (envelope.ok) throw new Error('expected FAILED');
    expect(envelope.error.text).toBe('URI-metodi ei kelpaa :: ABCDEF');
  });

  it('accepts both spellings of system maintenance', () => {
    for (const code of ['SYSTEM_MAINTENANCE', 'SYSTEM_MAINTANANCE']) {
      const envelope = parseEnvelope(failed(`${code} :: Huoltokatko`));
      if (envelope.ok) throw new Error('expected FAILED');
      expect(envelope.error.vendorCode).toBe('SYSTEM_MAINTENANCE');
      expect(envelope.error.rawCode).toBe(code);
    }
  });

  it('keeps unknown codes as UNKNOWN with the raw code', () => {
    const envelope = parseEnvelope(failed('SOMETHING_NEW :: text'));
    if (envelope.ok) throw new Error('expected FAILED');
    expect(envelope.error).toMatchObject({ vendorCode: 'UNKNOWN', rawCode: 'SOMETHING_NEW' });
  });

  it('decodes ISO-8859-15 bodies by their declaration', () => {
    const latin = Buffer.from('<?xml version="1.0" encoding="ISO-8859-15"?><Root><ResponseStatus><Status>FAILED</Status><Status>AUTHENTICATION_FAILED :: Integraatiokumppania ei löydy</Status></ResponseStatus></Root>', 'latin1');
    const envelope = parseEnvelope(new Uint8Array(latin));
    if (envelope.ok) throw new Error('expected FAILED');
    expect(envelope.error.text).toBe('Integraatiokumppania ei löydy');
  });

  it('rejects bodies that are not Netvisor envelopes with a reason', () => {
    expectParseError('', 'empty');
    expectParseError('<html><body>Proxy login</body>', 'not-xml');
    expectParseError('<?xml version="1.0"?><Other/>', 'no-root');
    expectParseError('<Root><Data/></Root>', 'no-status');
    expectParseError('<Root><ResponseStatus><Status>MAYBE</Status></ResponseStatus></Root>', 'unknown-status');
    expectParseError('<Root><ResponseStatus><Status>OK</Status>', 'not-xml');
  });

  const neverThrowsOtherwise = (body: string | Uint8Array) => {
    try {
      parseEnvelope(body);
    } catch (error) {
      if (!(error instanceof NetvisorParseError)) throw error;
    }
  };

  it('throws nothing but NetvisorParseError for arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), neverThrowsOtherwise), { numRuns: 500 });
  });

  it('throws nothing but NetvisorParseError for arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), neverThrowsOtherwise), { numRuns: 500 });
  });

  it('throws nothing but NetvisorParseError for XML-like noise', () => {
    const token = fc.constantFrom('<Root>', '</Root>', '<ResponseStatus>', '</ResponseStatus>', '<Status>', '</Status>', 'OK', 'FAILED', ' :: ', '<!DOCTYPE x [<!ENTITY a "aa">]>', '&a;', '&amp;', '<![CDATA[x]]>', '<?xml version="1.0"?>', '<a b="c"/>', '__proto__', '<constructor>', '</constructor>');
    fc.assert(fc.property(fc.array(token, { maxLength: 40 }), (tokens) => neverThrowsOtherwise(tokens.join(''))), { numRuns: 1000 });
  });
});
