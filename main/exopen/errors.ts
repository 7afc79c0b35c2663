/**
 * The one error type of the Exopen client. `code` is stable (services and the UI switch on it), `message` is
 * plain English for logs and the CLI, `msg` is what the UI renders. None of them ever carries a secret: texts
 * that come from the backend are scrubbed of the secrets of the request before they land here.
 */
import { msg, type FieldError, type Msg } from '../connectors/types';
import type { NetworkFailure } from '../platform/http';

export type ExopenErrorCode =
  /** The backend refused the input; `fieldErrors` say which field and how to fix it. */
  | 'validation'
  /** No token, or the backend did not accept it: sign in again. */
  | 'unauthorized'
  /** Signed in, but not allowed: e.g. a member, not an admin, of the domain (`not-domain-admin`). */
  | 'forbidden'
  | 'not-found'
  /** The thing already exists: the credential's data source (`dataSourceId`) or a domain of that name. */
  | 'exists'
  /** The backend's broker holds no partner credentials for this vendor; an operator must configure them. */
  | 'not-configured'
  /** The vendor refused a broker exchange (wrong key, used code); `upstream` carries its own words. */
  | 'upstream'
  /** The idempotency key was used for a different request, or is still in use after every retry. */
  | 'conflict'
  /** 429/503/5xx after every retry, or a Retry-After longer than we are willing to wait. */
  | 'unavailable'
  /** No HTTP answer at all (DNS, refused, timeout, dropped, cancelled). */
  | 'network'
  /** An answer the OpenAPI document does not allow: wrong status, content type or body. */
  | 'protocol';

/**
 * A field the backend refused. `field` (a body path such as `settings.customerId`, or a header name) and
 * `text` come verbatim from the problem body; `message` renders `text` for the UI.
 */
export interface ExopenFieldError extends FieldError {
  readonly text: string;
}

export interface ExopenErrorDetails {
  readonly httpStatus?: number;
  /** The problem body's `code`, e.g. `idempotency-key-reused`. */
  readonly problemCode?: string;
  readonly fieldErrors?: ReadonlyArray<ExopenFieldError>;
  /** How long the backend asked us to wait (429/503), when it asked. */
  readonly retryAfterMs?: number;
  readonly failure?: NetworkFailure;
  /** With `exists` for a data source: the one that already holds this credential. */
  readonly dataSourceId?: string;
  readonly upstream?: UpstreamAnswer;
  readonly cause?: unknown;
}

/** The vendor's answer to a broker exchange, its texts verbatim (secrets removed). */
export interface UpstreamAnswer {
  readonly status: number;
  readonly error?: string;
  readonly errorDescription?: string;
}

export class ExopenError extends Error {
  readonly httpStatus?: number;
  readonly problemCode?: string;
  readonly fieldErrors: ReadonlyArray<ExopenFieldError>;
  readonly retryAfterMs?: number;
  readonly failure?: NetworkFailure;
  readonly dataSourceId?: string;
  readonly upstream?: UpstreamAnswer;

  constructor(
    readonly code: ExopenErrorCode,
    message: string,
    details: ExopenErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ExopenError';
    this.httpStatus = details.httpStatus;
    this.problemCode = details.problemCode;
    this.fieldErrors = details.fieldErrors ?? [];
    this.retryAfterMs = details.retryAfterMs;
    this.failure = details.failure;
    this.dataSourceId = details.dataSourceId;
    this.upstream = details.upstream;
  }

  /** The translatable text for the UI. */
  get msg(): Msg {
    switch (this.code) {
      case 'validation':
        return msg('exopen:errors.validation', { count: this.fieldErrors.length });
      case 'unavailable':
        return this.retryAfterMs === undefined
          ? msg('exopen:errors.unavailable')
          : msg('exopen:errors.unavailableFor', { seconds: Math.ceil(this.retryAfterMs / 1000) });
      case 'network':
        return msg(`exopen:errors.network.${this.failure ?? 'other'}`);
      case 'exists':
        return msg(this.dataSourceId === undefined ? 'exopen:errors.existsDomain' : 'exopen:errors.existsDataSource');
      case 'upstream':
        return msg('exopen:errors.upstream', { status: this.upstream?.status ?? 0, text: this.upstream?.errorDescription ?? this.upstream?.error ?? '' });
      case 'unauthorized':
      case 'forbidden':
      case 'not-configured':
      case 'not-found':
      case 'conflict':
      case 'protocol':
        return msg(`exopen:errors.${this.code}`);
    }
  }
}

export const fieldError = (field: string, text: string): ExopenFieldError => ({
  field,
  text,
  message: msg('exopen:validation.backend', { field, text }),
});

/**
 * Maps a backend field path to the connector field it is about, so the UI can mark the input:
 * `settings.customerId` and `secrets.customerKey` → the field id; anything else stays as it is.
 */
export function formFieldOf(field: string): string {
  const match = /^(?:settings|secrets)\.([A-Za-z][A-Za-z0-9]*)$/.exec(field);
  return match?.[1] ?? field;
}
