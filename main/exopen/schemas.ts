/**
 * zod mirrors of the response schemas in openapi/exopen.yaml. The contract tests hold the sandbox to the
 * document itself (ajv); these hold the backend to it at run time, so a response the document does not allow
 * becomes a typed `protocol` error instead of an undefined somewhere in the UI.
 *
 * Like the document, response objects are open: properties added by a later backend are dropped, not refused
 * (a desktop app cannot be updated in lockstep with its backend).
 */
import { z } from 'zod';

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
const dataSourceId = text(1, 128).pipe(z.string().regex(/^[A-Za-z0-9_-]+$/));
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

export const dataSourceSchema = z.object({
  id: dataSourceId,
  system: z.enum(systemIds),
  displayName: z.string(),
  settings: z.record(z.string(), z.string()),
  secretFields: z.array(fieldName),
  companies: z.array(companySchema),
  createdAt: dateTime,
  initialRun: initialRunSchema,
});

export const dataSourceListSchema = z.object({ items: z.array(dataSourceSchema) });

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
  })
  .refine((problem) => problem.code !== 'validation-failed' || (problem.errors?.length ?? 0) > 0, {
    message: 'a validation-failed problem must list its errors',
  });

export type ExopenSystemId = (typeof systemIds)[number];
export type RunStatus = (typeof runStatuses)[number];
export type ResourceRun = z.infer<typeof resourceRunSchema>;
export type RunError = z.infer<typeof runErrorSchema>;
export type InitialRun = z.infer<typeof initialRunSchema>;
export type DataSource = z.infer<typeof dataSourceSchema>;
export type Problem = z.infer<typeof problemSchema>;
