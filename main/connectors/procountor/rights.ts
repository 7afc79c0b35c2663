/**
 * GET /users/rights: the API user's role and rights (UserPrivileges in Procountor's OpenAPI), read so a
 * refused or empty area can be explained by the exact right or limitation behind it.
 */
import { z } from 'zod';
import type { ProcountorArea, RightPath } from './areas';
import { ProcountorParseError } from './errors';

export const RIGHT_LEVELS = ['ALL_RIGHTS', 'VIEWING_RIGHTS', 'NO_ACCESS', 'NOT_ENABLED'] as const;
export type RightLevel = (typeof RIGHT_LEVELS)[number];

const group = z.record(z.string(), z.unknown());
const privileges = z.looseObject({
  role: z.string().optional(),
  rights: z.record(z.string(), group).optional(),
});

export interface UserRights {
  readonly role?: string;
  level(path: RightPath): RightLevel | undefined;
  /** True when a boolean limitation (e.g. accounting.personalJournalReceiptsOnly) is on. */
  limited(path: RightPath): boolean;
}

const isLevel = (value: unknown): value is RightLevel => typeof value === 'string' && (RIGHT_LEVELS as ReadonlyArray<string>).includes(value);

/** Throws ProcountorParseError when the answer is not UserPrivileges. */
export function readUserRights(data: unknown): UserRights {
  const parsed = privileges.safeParse(data);
  if (!parsed.success) throw new ProcountorParseError('unexpected-shape', 'the /users/rights answer is not UserPrivileges');
  const rights = parsed.data.rights ?? {};
  const valueAt = (path: RightPath): unknown => {
    const [groupName, name] = path.split('.', 2) as [string, string];
    return rights[groupName]?.[name];
  };
  return {
    ...(parsed.data.role ? { role: parsed.data.role } : {}),
    level: (path) => {
      const value = valueAt(path);
      return isLevel(value) ? value : undefined;
    },
    limited: (path) => valueAt(path) === true,
  };
}

export type AreaAccess = 'granted' | 'no-access' | 'not-enabled' | 'unknown';

/** What the user rights say about one area: any of its rights at viewing level or better grants it. */
export function areaAccess(area: ProcountorArea, rights: UserRights): AreaAccess {
  const levels = area.rights.map((path) => rights.level(path));
  if (levels.some((level) => level === 'ALL_RIGHTS' || level === 'VIEWING_RIGHTS')) return 'granted';
  if (levels.every((level) => level === undefined)) return 'unknown';
  return levels.every((level) => level === 'NOT_ENABLED' || level === undefined) ? 'not-enabled' : 'no-access';
}
