/**
 * Reading Procountor's bodies: JSON data, `{"errors":[…]}` error bodies and OAuth-style token errors.
 * Whatever bytes arrive, these throw nothing but ProcountorParseError.
 */
import { z } from 'zod';
import { ProcountorApiError, ProcountorParseError, ProcountorTokenError, type ProcountorErrorMessage } from './errors';

/** Longest piece of a foreign body kept for display; enough to recognise a proxy page, never a dump. */
const EXCERPT_CHARS = 300;

export const excerpt = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat;
};

export function parseJson(text: string): unknown {
  if (text.trim() === '') throw new ProcountorParseError('empty', 'the response body was empty');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // SyntaxError for bad JSON; a RangeError for absurd nesting. Either way the body is not Procountor's.
    const detail = error instanceof Error ? error.message.slice(0, 120) : 'the body could not be read as JSON';
    throw new ProcountorParseError('not-json', detail);
  }
}

// `model` is deprecated in the spec but still sent; unknown extra keys are tolerated.
const errorMessage = z.looseObject({
  status: z.number().int().optional(),
  field: z.string().optional(),
  message: z.string().optional(),
});
const errorMessages = z.looseObject({ errors: z.array(errorMessage).min(1) });

/** Parses an ErrorMessages body. Throws ProcountorParseError when the body is anything else. */
export function parseErrorMessages(text: string): ReadonlyArray<ProcountorErrorMessage> {
  const parsed = errorMessages.safeParse(parseJson(text));
  if (!parsed.success) throw new ProcountorParseError('unexpected-shape', 'the body is not {"errors":[…]}');
  return parsed.data.errors.map((entry) => ({
    message: entry.message ?? '',
    ...(entry.status === undefined ? {} : { status: entry.status }),
    ...(entry.field ? { field: entry.field } : {}),
  }));
}

/** The messages as one line for display, capped like an excerpt should a server send a novel. */
const describe = (errors: ReadonlyArray<ProcountorErrorMessage>): string => {
  const text = errors.map((entry) => (entry.field ? `${entry.field}: ${entry.message}` : entry.message)).filter(Boolean).join('; ');
  return text.length > 4 * EXCERPT_CHARS ? `${text.slice(0, 4 * EXCERPT_CHARS)}…` : text;
};

/**
 * The typed error for a non-2xx API answer. Never throws: a body that is not ErrorMessages (an HTML error
 * page, an empty 401) still becomes a ProcountorApiError that keeps the status and a short excerpt.
 */
export function apiErrorFrom(httpStatus: number, text: string, retryAfterMs?: number): ProcountorApiError {
  try {
    const errors = parseErrorMessages(text);
    return new ProcountorApiError(httpStatus, errors, describe(errors), retryAfterMs);
  } catch (error) {
    if (!(error instanceof ProcountorParseError)) throw error;
    return new ProcountorApiError(httpStatus, [], excerpt(text), retryAfterMs);
  }
}

const oauthBody = z.looseObject({ error: z.string(), error_description: z.string().optional() });

/** The typed error for a refused token exchange; the description never echoes what we sent. */
export function tokenErrorFrom(httpStatus: number, text: string): ProcountorTokenError {
  let body: unknown;
  try {
    body = parseJson(text);
  } catch (error) {
    if (!(error instanceof ProcountorParseError)) throw error;
    return new ProcountorTokenError(httpStatus, '', excerpt(text));
  }
  const oauth = oauthBody.safeParse(body);
  if (oauth.success) return new ProcountorTokenError(httpStatus, oauth.data.error, oauth.data.error_description ?? '');
  const messages = errorMessages.safeParse(body);
  if (messages.success) return new ProcountorTokenError(httpStatus, '', describe(messages.data.errors.map((entry) => ({ message: entry.message ?? '' }))));
  return new ProcountorTokenError(httpStatus, '', excerpt(text));
}
