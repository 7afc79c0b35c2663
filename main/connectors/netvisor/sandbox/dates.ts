/** Date parameters as the simulator reads them: strict `yyyy-MM-dd`, day arithmetic in UTC. */

export const DAY_MS = 86_400_000;

export function parseIsoDate(value: string | null): number | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value ? undefined : ms;
}

export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Up to `max` days spread evenly over [from, to]. */
export function spreadDays(from: number, to: number, max: number): number[] {
  const days = Math.floor((to - from) / DAY_MS) + 1;
  if (days <= 0) return [];
  const step = Math.max(1, Math.ceil(days / max));
  const result: number[] = [];
  for (let day = 0; day < days && result.length < max; day += step) result.push(from + day * DAY_MS);
  return result;
}

export type DateRange = { readonly ok: true; readonly from: number; readonly to: number } | { readonly ok: false; readonly invalid: string };

/** Both or neither of two date parameters; `fallbackDays` back from today when neither is given. */
export function dateRange(query: URLSearchParams, fromName: string, toName: string, nowMs: number, fallbackDays: number): DateRange {
  const fromRaw = query.get(fromName);
  const toRaw = query.get(toName);
  if (fromRaw === null && toRaw === null) return { ok: true, from: nowMs - fallbackDays * DAY_MS, to: nowMs };
  const from = parseIsoDate(fromRaw);
  const to = parseIsoDate(toRaw);
  if (from === undefined || to === undefined) {
    return { ok: false, invalid: `Data form incorrect:. Parameters ${fromName} and ${toName} must both be given as yyyy-MM-dd` };
  }
  if (from > to) return { ok: false, invalid: `Data form incorrect:. ${fromName} is after ${toName}` };
  return { ok: true, from, to };
}
