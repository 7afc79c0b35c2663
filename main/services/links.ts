/**
 * The pages the assistant opens in the system browser: Exopen's own hosts and every system's help-link hosts
 * (each declared in its folder's system.ts), so a new system's guides open without an edit here.
 */
import { SYSTEMS } from '../connectors/registry';
import { EXOPEN_LINK_HOSTS, isAllowedHttpsUrl } from '../platform/csp';

export const EXTERNAL_LINK_ALLOWLIST: ReadonlyArray<string> = [...EXOPEN_LINK_HOSTS, ...SYSTEMS.flatMap((system) => system.vendorHosts.links)];

/** True for https URLs whose host is on the allowlist; everything else is refused. */
export const isAllowedExternalUrl = (raw: string): boolean => isAllowedHttpsUrl(raw, EXTERNAL_LINK_ALLOWLIST);
