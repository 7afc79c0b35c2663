/** Dates as Procountor writes them: ISO `yyyy-MM-dd` and date-times without a zone. Day arithmetic in UTC. */

export const DAY_MS = 86_400_000;

export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
/** `2017-01-30T15:20:00` (UNCERTAIN whether Procountor adds milliseconds or a zone; the spec examples do not). */
export const isoDateTime = (ms: number): string => new Date(ms).toISOString().slice(0, 19);

export function parseIsoDate(value: string | null): number | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(ms) || isoDate(ms) !== value ? undefined : ms;
}

/** Midnight UTC of the day `ms` falls on. */
export const startOfDay = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS;
