/**
 * The Domain field: people paste the whole address (`https://acme.vitec.net/login?x=1`), the host, the host
 * with a port, or just the name in any case. We keep the subdomain, say what we dropped, and explain anything
 * that cannot be a Vitec installation. Never throws: every input gets a result.
 */
import { msg, type Msg } from '../types';
import { VITEC_HOST_SUFFIX } from './assumedApi';

export type DomainProblem = 'missing' | 'scheme' | 'credentials' | 'otherHost' | 'noSubdomain' | 'nested' | 'website' | 'characters' | 'hyphen' | 'tooLong';

export type DomainResult =
  | { readonly ok: true; readonly subdomain: string; /** What we changed, when it was more than whitespace. */ readonly change?: Msg }
  | { readonly ok: false; readonly problem: DomainProblem; readonly message: Msg };

const MAX_LABEL = 63;
const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
const BASE_HOST = VITEC_HOST_SUFFIX.slice(1);

const problem = (kind: DomainProblem, params?: Record<string, string>): DomainResult => ({
  ok: false,
  problem: kind,
  message: msg(`vitec:domain.${kind}`, params),
});

/** `ab c!` → `“ ”, “!”`: the characters that cannot appear, each once, quoted so a space is visible. */
const badCharacters = (label: string): string =>
  [...new Set([...label].filter((char) => !/[a-z0-9-]/.test(char)))]
    .slice(0, 5)
    .map((char) => `“${char}”`)
    .join(', ');

/** The host part of what was pasted, lower-case, without scheme, path, query, port or trailing dot. */
function hostOf(input: string): { ok: true; host: string } | { ok: false; result: DomainResult } {
  const scheme = SCHEME.exec(input);
  if (scheme && !/^https?$/i.test(scheme[1] ?? '')) return { ok: false, result: problem('scheme', { input }) };
  const rest = scheme ? input.slice(scheme[0].length) : input;
  const authority = rest.split(/[/?#]/, 1)[0] ?? '';
  if (authority.includes('@')) return { ok: false, result: problem('credentials', { input }) };
  return { ok: true, host: authority.replace(/:\d*$/, '').replace(/\.$/, '').toLowerCase() };
}

function labelOf(host: string): { ok: true; label: string } | { ok: false; result: DomainResult } {
  if (host === BASE_HOST || host === VITEC_HOST_SUFFIX) return { ok: false, result: problem('noSubdomain') };
  if (host.endsWith(VITEC_HOST_SUFFIX)) {
    const label = host.slice(0, -VITEC_HOST_SUFFIX.length);
    if (label === 'www') return { ok: false, result: problem('website') };
    if (label.includes('.')) return { ok: false, result: problem('nested', { host }) };
    return { ok: true, label };
  }
  // A dot elsewhere means another host; characters are checked first so `acme vitec.net` reads as a typo.
  if (host.includes('.') && /^[a-z0-9.-]+$/.test(host)) return { ok: false, result: problem('otherHost', { host }) };
  return { ok: true, label: host };
}

export function normaliseDomain(raw: string): DomainResult {
  const input = raw.trim();
  if (!input) return problem('missing');
  const host = hostOf(input);
  if (!host.ok) return host.result;
  if (!host.host) return problem('missing');
  const label = labelOf(host.host);
  if (!label.ok) return label.result;
  const subdomain = label.label;
  if (!/^[a-z0-9-]+$/.test(subdomain)) return problem('characters', { input, characters: badCharacters(subdomain) });
  if (subdomain.length > MAX_LABEL) return problem('tooLong', { subdomain });
  if (subdomain.startsWith('-') || subdomain.endsWith('-')) return problem('hyphen', { subdomain });
  if (subdomain === input) return { ok: true, subdomain };
  const change = subdomain === input.toLowerCase() ? msg('vitec:domain.lowercased', { subdomain, input }) : msg('vitec:domain.kept', { subdomain, input });
  return { ok: true, subdomain, change };
}
