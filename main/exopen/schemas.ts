/**
 * zod mirrors of the response schemas in openapi/exopen.yaml. The contract tests hold the sandbox to the
 * document itself (ajv); these hold the backend to it at run time, so a response the document does not allow
 * becomes a typed `protocol` error instead of an undefined somewhere in the UI.
 *
 * Like the document, response objects are open: properties added by a later backend are dropped, not refused
 * (a desktop app cannot be updated in lockstep with its backend).
 */
import { z } from 'zod';
import type { SystemId } from '../connectors/types';

/** JSON Schema counts string length in code points; String.prototype.length counts UTF-16 units. */
export const codePointLength = (text: string): number => Array.from(text).length;

const text = (min: number, max?: number) =>
  z.string().refine((value) => {
    const length = codePointLength(value);
    return length >= min && (max === undefined || length <= max);
  }, `must be ${min}${max === undefined ? ' or more' : `–${max}`} characters`);

export const systemIds = ['netvisor', 'procountor', 'vitec', 'exact', 'economic'] as const;
export const runStatuses = ['queued', 'running', 'done', 'failed'] as const;

const fieldName = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,40}$/);
const resourceId = text(1, 128).pipe(z.string().regex(/^[A-Za-z0-9_-]+$/));
const dateTime = z.iso.datetime({ offset: true });
const nonBlank = (min: number, max: number) => text(min, max).pipe(z.string().regex(/\S/));

export const companySchema = z.strictObject({ id: nonBlank(1, 64), name: nonBlank(1, 200) });

export const resourceRunSchema = z.object({
  name: text(1, 100),
  status: z.enum(runStatuses),
  rows: z.number().int().min(0).optional(),
  error: z.object({ message: text(1), code: z.string().optional() }).optional(),
});

export const runErrorSchema = z.object({
  message: text(1),
  resource: z.string().optional(),
  code: z.string().optional(),
});

export const initialRunSchema = z.object({
  status: z.enum(runStatuses),
  progress: z.number().min(0).max(1),
  startedAt: dateTime.optional(),
  finishedAt: dateTime.optional(),
  resources: z.array(resourceRunSchema),
  error: runErrorSchema.optional(),
});

export const syncKinds = ['initial', 'scheduled'] as const;
export const syncSchema = initialRunSchema.extend({ id: text(1), kind: z.enum(syncKinds) });
export const syncListSchema = z.object({ items: z.array(syncSchema) });

export const dataSourceSchema = z.object({
  id: resourceId,
  domainId: resourceId,
  system: z.enum(systemIds),
  displayName: z.string(),
  credentialLabel: z.string(),
  settings: z.record(z.string(), z.string()),
  secretFields: z.array(fieldName),
  companies: z.array(companySchema),
  createdAt: dateTime,
  initialRun: initialRunSchema,
  lastSyncAt: dateTime.optional(),
});

export const dataSourceListSchema = z.object({ items: z.array(dataSourceSchema) });

export const availableCompanySchema = z.object({ id: text(1, 64), name: z.string(), active: z.boolean(), connected: z.boolean() });
export const availableCompanyListSchema = z.object({ items: z.array(availableCompanySchema) });

/** Removing companies answers what is left, or that the last one went and the data source with it. */
export const companyRemovalSchema = z.discriminatedUnion('deleted', [
  z.object({ deleted: z.literal(false), dataSource: dataSourceSchema }),
  z.object({ deleted: z.literal(true) }),
]);

export const userSchema = z.object({ sub: text(1), email: text(3), name: z.string() });

export const domainRoles = ['admin', 'member'] as const;
export const domainSchema = z.object({ id: resourceId, name: text(1), role: z.enum(domainRoles) });
export const domainListSchema = z.object({ items: z.array(domainSchema) });

/** Problem codes whose body must list the offending fields. */
const LISTS_ERRORS: ReadonlySet<string> = new Set(['validation-failed', 'domain-exists', 'system-mismatch']);

/** RFC 9457 problem details; extension members are allowed and kept. */
export const problemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string().regex(/^[a-z][a-z0-9-]*$/),
    errors: z.array(z.object({ field: text(1), message: text(1) })).optional(),
    dataSourceId: resourceId.optional(),
    upstream: z
      .object({ status: z.number().int().min(100).max(599), error: z.string().optional(), errorDescription: z.string().optional() })
      .optional(),
  })
  .refine((problem) => !LISTS_ERRORS.has(problem.code) || (problem.errors?.length ?? 0) > 0, {
    message: 'this problem must list its errors',
  })
  .refine((problem) => problem.code !== 'data-source-exists' || problem.dataSourceId !== undefined, {
    message: 'a data-source-exists problem must name the data source',
  })
  .refine((problem) => problem.code !== 'upstream-refused' || problem.upstream !== undefined, {
    message: 'an upstream-refused problem must carry the upstream answer',
  });

export type ExopenSystemId = (typeof systemIds)[number];

type Assert<T extends true> = T;
/**
 * Compile-time: every system the assistant lists (connectors/registry.ts) is one the backend contract
 * accepts (openapi/exopen.yaml's SystemId; tests/unit/exopen/contract.test.ts holds this list to it).
 */
export type EverySystemKnownToTheBackend = Assert<SystemId extends ExopenSystemId ? true : false>;
export type RunStatus = (typeof runStatuses)[number];
export type ResourceRun = z.infer<typeof resourceRunSchema>;
export type RunError = z.infer<typeof runErrorSchema>;
export type InitialRun = z.infer<typeof initialRunSchema>;
export type DataSource = z.infer<typeof dataSourceSchema>;
export type AvailableCompany = z.infer<typeof availableCompanySchema>;
export type Sync = z.infer<typeof syncSchema>;
export type SyncKind = (typeof syncKinds)[number];
export type CompanyRemoval = z.infer<typeof companyRemovalSchema>;
export type ExopenUser = z.infer<typeof userSchema>;
export type DomainRole = (typeof domainRoles)[number];
export type ExopenDomain = z.infer<typeof domainSchema>;
export type Problem = z.infer<typeof problemSchema>;
