/**
 * `POST /v1/broker/economic/relay`: one e-conomic REST call with Exopen's app secret token and the customer's
 * grant token. The vendor's answer is relayed whatever its status (a vendor 401 is data for Diagnose, not a
 * broker failure); only harmless headers pass, and both tokens are scrubbed from the body.
 */
import { parseBody, type Route } from './context';
import { json } from './http-io';
import { callUpstream, notConfigured, scrubberOf } from './upstream';
import { economicRelayRule } from './validation-broker';

const RELAYED_HEADERS = ['content-type', 'retry-after', 'location', 'etag', 'last-modified'];

export const economicRelay: Route = async (context) => {
  const read = parseBody(context, economicRelayRule);
  if (!read.ok) return read.answer;
  const upstream = context.parts.upstreams.economic;
  if (!upstream) return notConfigured('e-conomic');
  const input = read.value;
  // The path is checked to be plain segments, so joining cannot leave the configured base.
  const url = new URL(`${upstream.baseUrl.replace(/\/+$/, '')}${input.path}`);
  for (const [name, value] of Object.entries(input.query ?? {})) url.searchParams.set(name, value);
  const result = await callUpstream('e-conomic', url.href, {
    method: input.method,
    headers: {
      'X-AppSecretToken': upstream.appSecretToken,
      'X-AgreementGrantToken': input.agreementGrantToken,
      Accept: 'application/json',
      ...(input.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(input.body === undefined ? {} : { body: input.body }),
  });
  if (!result.ok) return result.answer;
  const scrub = scrubberOf([upstream.appSecretToken, input.agreementGrantToken]);
  const headers = Object.fromEntries(
    RELAYED_HEADERS.flatMap((name) => {
      const value = result.reply.headers.get(name);
      return value === null ? [] : [[name, scrub(value)]];
    }),
  );
  return json(200, { status: result.reply.status, headers, body: scrub(result.reply.text) });
};
