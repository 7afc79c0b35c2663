/**
 * Counting the rows of a resource's answer by its documented shape (NetvisorResource.records), not by
 * guessing: the longest list anywhere in a voucher answer is its VoucherLines, in a vendor answer its bank
 * accounts. An answer without the documented container is not Netvisor's shape and throws
 * NetvisorParseError('unexpected-shape') naming the element it looked for.
 */
import { isXmlObject, type XmlObject, type XmlValue } from './envelope';
import { NetvisorParseError } from './errors';
import type { NetvisorResource } from './resources';

/** The child named `name`, compared case-insensitively; undefined when there is none. */
function child(parent: XmlObject, name: string): XmlValue | undefined {
  const wanted = name.toLowerCase();
  const key = Object.keys(parent).find((candidate) => candidate.toLowerCase() === wanted);
  return key === undefined ? undefined : parent[key];
}

/** How many records `data` (the parsed <Root>) holds for `resource`. */
export function countRecords(resource: NetvisorResource, data: XmlObject, httpStatus?: number): number {
  const containers = resource.records.slice(0, -1);
  const record = resource.records[resource.records.length - 1]!;
  let at: XmlValue = data;
  for (const [depth, name] of containers.entries()) {
    // An empty container (<Vendors /> when nothing changed) parses as an empty string: no records.
    if (typeof at === 'string' && at.trim() === '' && depth > 0) return 0;
    const next: XmlValue | undefined = isXmlObject(at) ? child(at, name) : undefined;
    if (next === undefined) {
      const path = resource.records.slice(0, depth + 1).map((step) => `<${step}>`).join('');
      throw new NetvisorParseError('unexpected-shape', `the ${resource.path} answer has no ${path}`, httpStatus);
    }
    at = next;
  }
  if (typeof at === 'string') return 0;
  if (!isXmlObject(at)) return 0;
  const rows = child(at, record);
  if (rows === undefined) return 0;
  return Array.isArray(rows) ? rows.length : 1;
}
