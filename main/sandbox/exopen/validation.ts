/**
 * The sandbox's checks of request bodies, mirroring the request schemas and the Idempotency-Key parameter
 * of openapi/exopen.yaml (the contract tests compare its verdicts with the document's), plus the rules the
 * document states in prose: unique company ids, and no field both a setting and a secret. Shared pieces
 * (text, field maps, companies) live here; validation-ops.ts and validation-broker.ts use them.
 * Every message names what is wrong and the fix; the field is a path into the body or the header's name.
 */
import { z } from 'zod';
import { codePointLength, systemIds, type ExopenSystemId } from '../../exopen/schemas';

export interface WireFieldError {
  readonly field: string;
  readonly message: string;
}

export interface CreateInput {
  readonly system: ExopenSystemId;
  readonly displayName: string;
  readonly settings: Record<string, string>;
  readonly secrets: Record<string, string>;
  readonly companies: Array<{ id: string; name: string }>;
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: ReadonlyArray<WireFieldError> };
export type KeyedCheck<T> = { readonly ok: true; readonly key: string; readonly value: T } | { readonly ok: false; readonly errors: ReadonlyArray<WireFieldError> };

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9]{0,40}$/;
const KEY = /^[!-~]{8,255}$/;
const systems = systemIds.join(', ');

/** A string rule: present, text, not blank (when asked), within code-point length bounds. */
export function text(what: { required: string; min: number; max: number; blank?: string; tooShort?: string }) {
  let schema = z
    .string({ error: (issue) => (issue.input === undefined ? what.required : 'must be text (a JSON string)') })
    .refine((value) => codePointLength(value) >= what.min, { error: what.tooShort ?? what.required, abort: true })
    .refine((value) => codePointLength(value) <= what.max, { error: `must be at most ${what.max} characters; shorten it`, abort: true });
  if (what.blank) schema = schema.refine((value) => /\S/.test(value), { error: what.blank });
  return schema;
}

export const fieldMap = (what: { name: string; required: string; max: number; value: z.ZodType<string> }) =>
  z
    .record(
      z.string().regex(FIELD_NAME, {
        error: `is not a valid ${what.name} name: use letters and digits, starting with a letter, at most 41 characters`,
      }),
      what.value,
      { error: (issue) => (issue.input === undefined ? what.required : `must be an object of ${what.name} names to text values`) },
    )
    .refine((map) => Object.keys(map).length <= what.max, { error: `has more than ${what.max} entries; send only the fields the connector defines` });

export const company = z.strictObject(
  {
    id: text({ required: "is required: the company's id in the source system", min: 1, max: 64, blank: 'must not be blank' }),
    name: text({ required: "is required: the company's name as the source system shows it", min: 1, max: 200, blank: 'must not be blank' }),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? undefined : 'must be an object with id and name') },
);

export const companies = z
  .array(company, { error: (issue) => (issue.input === undefined ? 'is required: the companies to connect' : 'must be a list of companies') })
  .min(1, { error: 'must list at least one company: pick the companies to connect' })
  .max(1000, { error: 'lists more than 1000 companies; split them over several data sources' });

export const settings = fieldMap({
  name: 'setting',
  required: 'is required: an object of setting names to values ({} when the system has none)',
  max: 50,
  value: text({ required: 'must be text', min: 0, max: 2000 }),
});

export const secrets = fieldMap({
  name: 'secret',
  required: 'is required: an object of secret field names to values, e.g. the API key',
  max: 20,
  value: text({ required: 'must be text', min: 1, max: 4096, tooShort: 'must not be empty: enter the secret again' }),
}).refine((map) => Object.keys(map).length > 0, { error: 'must hold at least one secret: the credentials the data run uses' });

export const systemField = z.enum(systemIds, {
  error: (issue) => (issue.input === undefined ? `is required: one of ${systems}` : `must be one of ${systems}`),
});

/** The message for a body that is not an object at all. */
export const objectWith = (fields: string) => ({
  error: (issue: { code?: string }) => (issue.code === 'unrecognized_keys' ? undefined : `must be a JSON object with ${fields}`),
});

export const createSchema = z.strictObject(
  {
    system: systemField,
    displayName: text({
      required: 'is required: a name people will recognise in the Exopen portal, e.g. "Acme Oy (Netvisor)"',
      min: 1,
      max: 200,
      blank: 'must not be blank: give a name people will recognise',
    }),
    settings,
    secrets,
    companies,
  },
  objectWith('system, displayName, settings, secrets and companies'),
);

const pathOf = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');

/** `what` names the body's kind and fields for an unknown property, e.g. "a data source (system, …)". */
function toFieldErrors(issues: ReadonlyArray<z.core.$ZodIssue>, what: string): WireFieldError[] {
  const errors: WireFieldError[] = [];
  for (const issue of issues) {
    const field = pathOf(issue.path) || 'body';
    if (issue.code === 'unrecognized_keys') {
      const where = field === 'body' ? what : 'a company (id, name)';
      const prefix = field === 'body' ? '' : `${field}.`;
      for (const key of issue.keys) errors.push({ field: `${prefix}${key}`, message: `is not a field of ${where}; remove it` });
    } else if (issue.code === 'invalid_key') {
      errors.push({ field, message: issue.issues[0]?.message ?? issue.message });
    } else {
      errors.push({ field, message: issue.message });
    }
  }
  return errors;
}

/** A company id may appear only once in a request (a rule the document states in prose). */
export function repeatedCompanies(list: ReadonlyArray<{ readonly id: string }>): WireFieldError[] {
  const errors: WireFieldError[] = [];
  const firstAt = new Map<string, number>();
  list.forEach((item, index) => {
    const first = firstAt.get(item.id);
    if (first === undefined) firstAt.set(item.id, index);
    else errors.push({ field: `companies[${index}].id`, message: `repeats companies[${first}].id; list each company once` });
  });
  return errors;
}

/** A field is a setting or a secret, never both (a rule the document states in prose). */
export function settingAndSecret(input: { readonly settings: Record<string, string>; readonly secrets: Record<string, string> }): WireFieldError[] {
  return Object.keys(input.secrets)
    .filter((name) => Object.hasOwn(input.settings, name))
    .map((name) => ({ field: `secrets.${name}`, message: 'is also given as a setting; send it in secrets only' }));
}

export function keyErrors(header: string | undefined): WireFieldError[] {
  if (header === undefined || header === '')
    return [{ field: 'Idempotency-Key', message: 'header is required: send one unique key (e.g. a UUID) per data source, and the same key on every retry' }];
  if (!KEY.test(header))
    return [{ field: 'Idempotency-Key', message: 'must be 8–255 visible ASCII characters without spaces, e.g. a UUID' }];
  return [];
}

export interface BodyRule<T> {
  readonly schema: z.ZodType<T>;
  /** The body's kind and fields, for the message about an unknown property. */
  readonly what: string;
  /** Rules the document states in prose, checked once the shape is right. */
  readonly prose?: (value: T) => WireFieldError[];
}

export function checkBody<T>(rule: BodyRule<T>, body: unknown): Checked<T> {
  const parsed = rule.schema.safeParse(body);
  if (!parsed.success) return { ok: false, errors: toFieldErrors(parsed.error.issues, rule.what) };
  const errors = rule.prose?.(parsed.data) ?? [];
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: parsed.data };
}

/** A body plus the Idempotency-Key header, every problem of both listed at once. */
export function checkKeyed<T>(rule: BodyRule<T>, body: unknown, idempotencyKey: string | undefined): KeyedCheck<T> {
  const checked = checkBody(rule, body);
  const errors = [...keyErrors(idempotencyKey), ...(checked.ok ? [] : checked.errors)];
  if (errors.length > 0 || !checked.ok || idempotencyKey === undefined) return { ok: false, errors };
  return { ok: true, key: idempotencyKey, value: checked.value };
}

/** A request without a body (DELETE) still needs its key. */
export function checkKey(idempotencyKey: string | undefined): KeyedCheck<undefined> {
  const errors = keyErrors(idempotencyKey);
  return errors.length > 0 || idempotencyKey === undefined ? { ok: false, errors } : { ok: true, key: idempotencyKey, value: undefined };
}

export const createRule: BodyRule<CreateInput> = {
  schema: createSchema,
  what: 'a data source (system, displayName, settings, secrets, companies)',
  prose: (input) => [...repeatedCompanies(input.companies), ...settingAndSecret(input)],
};
